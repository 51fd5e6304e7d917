package id.go.jambiprov.lapor.report.internal;

import java.util.Optional;

import id.go.jambiprov.lapor.directory.Category;
import id.go.jambiprov.lapor.directory.Directory;
import id.go.jambiprov.lapor.directory.Jurisdiction;

import org.springframework.stereotype.Component;

/**
 * Where a report of a sensitive category (illegal levies, corruption, whistleblowing: a flag of
 * the directory's category) may go: to its jurisdiction's inspectorate, and never to the agency
 * it accuses. When the inspectorate is the one accused, or none is set, any agency but the
 * accused one.
 */
@Component
public class SensitiveRouting {

	private final Directory directory;

	SensitiveRouting(Directory directory) {
		this.directory = directory;
	}

	public boolean sensitive(String category) {
		return category != null && this.directory.category(category).map(Category::sensitive).orElse(false);
	}

	/** The only agency a report may go to, when its category is sensitive and the jurisdiction names one. */
	public Optional<String> required(String category, String jurisdiction, String accused) {
		if (!sensitive(category) || jurisdiction == null) {
			return Optional.empty();
		}
		return this.directory.jurisdiction(jurisdiction)
			.map(Jurisdiction::inspectorate)
			.filter(inspectorate -> !inspectorate.equals(accused));
	}

	/** Whether the report may go to this agency. */
	public boolean allows(String category, String jurisdiction, String accused, String agency) {
		if (!sensitive(category)) {
			return true;
		}
		if (agency.equals(accused)) {
			return false;
		}
		return required(category, jurisdiction, accused).map(agency::equals).orElse(true);
	}

}
