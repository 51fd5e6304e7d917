package id.go.jambiprov.lapor.directory;

/**
 * A report category; categories form a tree through {@code parent}.
 *
 * @param code stable code
 * @param name Indonesian name
 * @param nameEn English name
 * @param parent code of the parent category, {@code null} at the top
 */
public record Category(String code, String name, String nameEn, String parent) {
}
