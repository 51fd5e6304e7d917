/**
 * Messages to people, each sent once per cause: reporters hear each step that matters on the
 * channel they wrote on (WhatsApp, Instagram, X, Telegram, SMS) and by e-mail, through an outbox
 * with retries; officers get e-mail of reports new in their inbox and of escalations, and an
 * in-app list of deadlines approaching, breached and escalated.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Notify")
package id.go.jambiprov.lapor.notify;
