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
 * @param sensitive whether its reports (illegal levies, corruption, whistleblowing) are confidential
 *        by force and go to the jurisdiction's inspectorate, never to the agency they accuse
 */
public record Category(String code, String name, String nameEn, String parent, boolean active, boolean sensitive) {

	public Category(String code, String name, String nameEn, String parent, boolean active) {
		this(code, name, nameEn, parent, active, false);
	}

	/** The name in the reader's language: English when asked for, Indonesian otherwise. */
	public String name(Locale locale) {
		return "en".equals(locale.getLanguage()) && this.nameEn != null ? this.nameEn : this.name;
	}

}
