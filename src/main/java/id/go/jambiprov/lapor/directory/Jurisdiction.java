package id.go.jambiprov.lapor.directory;

/**
 * A government whose coordinator admin receives reports, e.g. {@code JAMBI} (Provinsi Jambi).
 *
 * @param code stable code
 * @param name official name
 * @param inspectorate the agency that takes its sensitive reports (its inspectorate), if set
 */
public record Jurisdiction(String code, String name, String inspectorate) {

	public Jurisdiction(String code, String name) {
		this(code, name, null);
	}

}
