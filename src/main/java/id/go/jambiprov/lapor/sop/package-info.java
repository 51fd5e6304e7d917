/**
 * The SOP of the Governor's decree as data (steps, actions, actors, time standards), and the
 * working-time calendar that turns a time standard into a due time.
 */
@org.springframework.modulith.ApplicationModule(displayName = "SOP")
package id.go.jambiprov.lapor.sop;
