/**
 * Open311 GeoReport v2 at {@code /open311/v2}: the open standard civic apps speak. Services are
 * the categories, requests the reports (read through the report module's public read model, so
 * never an identity or a confidential report), and reports filed with an API key the system
 * admin issued per client application.
 */
@org.jspecify.annotations.NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Open311")
package id.go.jambiprov.lapor.open311;
