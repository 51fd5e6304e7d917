/**
 * Shared web infrastructure only: RFC 9457 problem responses, message bundles and locale,
 * request limits. Owns no business rule.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web")
package id.go.jambiprov.lapor.web;
