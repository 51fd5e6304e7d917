/**
 * Messages to people: for now the in-app notification list of each officer (deadlines
 * approaching, breached, escalated); the channels back to reporters come with the channel work.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notify")
package id.go.jambiprov.lapor.notify;
