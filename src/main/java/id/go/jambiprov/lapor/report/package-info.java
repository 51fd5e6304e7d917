/**
 * The {@code Report} aggregate and its state machine, driven by the SOP table; its append-only
 * timeline, tracking codes and access keys; the one owner of a report's deadlines; the officers'
 * and reporters' use cases, with their pages and API in {@code internal.web}. Other modules
 * learn about reports through its events.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Report")
package id.go.jambiprov.lapor.report;
