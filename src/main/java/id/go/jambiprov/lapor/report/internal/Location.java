package id.go.jambiprov.lapor.report.internal;

/**
 * Where it happened.
 */
record Location(String address, String regency, Double latitude, Double longitude) {
}
