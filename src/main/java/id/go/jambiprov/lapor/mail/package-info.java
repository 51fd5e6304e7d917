/**
 * Outgoing e-mail: an outbox written in the business transaction (once per cause) and delivered
 * after commit by SMTP through the shared work queue, with retries; safe with several instances.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
package id.go.jambiprov.lapor.mail;
