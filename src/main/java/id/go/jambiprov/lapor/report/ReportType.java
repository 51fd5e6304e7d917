package id.go.jambiprov.lapor.report;

/**
 * Pengaduan, Aspirasi, Permintaan Informasi.
 */
public enum ReportType {

	COMPLAINT, ASPIRATION, INFORMATION_REQUEST

}
