package id.go.jambiprov.lapor.sop;

/**
 * A numbered step of the decree.
 *
 * @param number the decree's number, e.g. {@code 4}
 * @param name the decree's words, in Indonesian
 * @param nameEn the same in English
 */
public record Step(String number, String name, String nameEn) {
}
