package id.go.jambiprov.lapor.directory;

import java.util.Locale;

/**
 * A report category; categories form a tree through {@code parent}.
 *
 * @param code stable code
 * @param name Indonesian name
 * @param nameEn English name
 * @param parent code of the parent category, {@code null} at the top
 * @param active whether new reports may choose it; a retired category stays on the reports that
 *        carry it
 */
public record Category(String code, String name, String nameEn, String parent, boolean active) {

	/** The name in the reader's language: English when asked for, Indonesian otherwise. */
	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) && this.nameEn != null ? this.nameEn : this.name;
	}

}
