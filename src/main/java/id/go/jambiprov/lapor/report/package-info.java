/**
 * The {@code Report} aggregate and its state machine, driven by the SOP table; its append-only
 * timeline, tracking codes and access keys; the officers' and reporters' use cases and API.
 * Other modules learn about reports through its events.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Report")
package id.go.jambiprov.lapor.report;
