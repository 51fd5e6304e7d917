package id.go.jambiprov.lapor.directory;

/**
 * A government whose coordinator admin receives reports, e.g. {@code JAMBI} (Provinsi Jambi).
 *
 * @param code stable code
 * @param name official name
 */
public record Jurisdiction(String code, String name) {
}
