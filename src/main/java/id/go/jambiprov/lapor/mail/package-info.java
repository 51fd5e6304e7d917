/**
 * Outgoing e-mail: an outbox written in the business transaction and delivered after commit by
 * SMTP, with retries; safe with several instances.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail")
package id.go.jambiprov.lapor.mail;
