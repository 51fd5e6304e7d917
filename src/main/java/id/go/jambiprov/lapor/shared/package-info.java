/**
 * Plumbing that is not web and that every module may use: work started after a transaction
 * commits, the database-backed work queue of the outboxes and the intake, and rate limits.
 * Owns no business rule.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Shared",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package id.go.jambiprov.lapor.shared;
