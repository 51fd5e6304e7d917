package id.go.jambiprov.lapor.report.internal;

/**
 * A file ready to store: checked, and an image already re-encoded without its metadata.
 *
 * @param fileName a safe file name (no path, printable characters only)
 * @param contentType {@code image/jpeg}, {@code image/png} or {@code application/pdf}
 * @param content the bytes to keep
 */
public record Upload(String fileName, String contentType, byte[] content) {
}
