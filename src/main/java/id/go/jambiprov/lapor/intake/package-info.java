/**
 * Every channel a citizen writes on, as a way in: webhooks (WhatsApp, Instagram, X, Telegram,
 * an SMS gateway) and pollers (a Gammu SMSD database, an IMAP mailbox). Each message is checked
 * (signatures over the raw bytes), stored first, then turned by a worker into a report, an
 * addition to the sender's report, or an answer to a question.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake")
package id.go.jambiprov.lapor.intake;
