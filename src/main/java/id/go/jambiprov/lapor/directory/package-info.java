/**
 * Master data: jurisdictions, the regional agencies (OPD) with their validity dates and
 * successors, and the category tree. Flat on purpose: read through SQL, served as-is.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package id.go.jambiprov.lapor.directory;
