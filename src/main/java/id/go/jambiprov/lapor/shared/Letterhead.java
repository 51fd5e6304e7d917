package id.go.jambiprov.lapor.shared;

import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The kop surat every printed document carries (the performance report, the archive package, a
 * receipt, the Ombudsman package): the government, the office and its address, from
 * {@code lapor.letterhead.*}.
 */
@Component
public class Letterhead {

	private final Map<String, Object> variables;

	Letterhead(@Value("${lapor.letterhead.government:PEMERINTAH PROVINSI JAMBI}") String government,
			@Value("${lapor.letterhead.office:DINAS KOMUNIKASI DAN INFORMATIKA}") String office,
			@Value("${lapor.letterhead.address:}") String address) {
		this.variables = Map.of("government", government, "office", office, "address", address);
	}

	/** The template variables {@code government}, {@code office} and {@code address}. */
	public Map<String, Object> variables() {
		return this.variables;
	}

}
