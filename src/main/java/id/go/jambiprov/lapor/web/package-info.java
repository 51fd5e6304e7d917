/**
 * Shared web infrastructure only: RFC 9457 problem responses (each module says its own domain
 * refusals in them), message bundles and locale, request limits. Owns no business rule; plumbing
 * that is not web lives in {@code shared}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package id.go.jambiprov.lapor.web;
