/**
 * Every figure about the service: the SLA figures per decree step and per agency, fed by the
 * report's transitions into a daily roll-up; the home of dashboards, performance reports,
 * exports and public statistics.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Insight")
package id.go.jambiprov.lapor.insight;
