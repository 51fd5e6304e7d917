/**
 * The bridge to the national SP4N-LAPOR!: reports the national admin forwarded to the province
 * are pulled in as FORWARDED; reports that came through our own channels are pushed there, and
 * every step of a bridged report after them, from an outbox of national calls (stored first,
 * sent after, retried with backoff, never twice); replies its reporters write there come back.
 * The national API sits behind a port with two adapters (JSON, and the legacy XML
 * {@code addstream}); the mapping of statuses and categories is data an operator edits.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "National bridge")
package id.go.jambiprov.lapor.national;
