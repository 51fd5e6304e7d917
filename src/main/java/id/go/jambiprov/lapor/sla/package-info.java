/**
 * Service-level clocks: the running step of every report as a row fed by its transitions (with
 * the deadlines the report computed, moved when it computes them again), and a cluster-safe sweep that announces, exactly once per step, when a deadline approaches (75% of
 * its standard used) and when it is breached.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "SLA")
package id.go.jambiprov.lapor.sla;
