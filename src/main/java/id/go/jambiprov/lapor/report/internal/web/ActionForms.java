package id.go.jambiprov.lapor.report.internal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.sop.Action;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.sop.SopDefinition;
import id.go.jambiprov.lapor.sop.Transition;

import org.springframework.stereotype.Component;

/**
 * The forms behind the action buttons of a report page. Which actions appear is the SOP table's
 * answer for the status and the role (the same as the API's {@code allowedActions}); which fields
 * each must have is the row's {@code requires}; a few optional fields are added where an officer
 * or a reporter would want them (a note, the privacy flags at verification, a rating).
 */
@Component
class ActionForms {

	/** One input of an action form; {@code kind} picks how the page draws it. */
	record Field(String name, String kind, boolean required) {
	}

	record Form(String action, List<Field> fields, boolean exit) {

		public boolean has(String kind) {
			return this.fields.stream().anyMatch(f -> f.kind().equals(kind));
		}

	}

	private static final Map<String, String> KINDS = Map.of("jurisdiction", "jurisdiction", "agency", "agency",
			"answer", "textarea", "reason", "textarea", "message", "textarea", "note", "textarea", "comment", "textarea",
			"main", "code");

	private final SopDefinition sop;

	ActionForms(SopDefinition sop) {
		this.sop = sop;
	}

	List<Form> forms(ReportStatus status, Role role) {
		List<Form> forms = new ArrayList<>();
		for (Action action : this.sop.allowedActions(status, role)) {
			Transition row = this.sop.transition(action, status).orElseThrow();
			List<Field> fields = new ArrayList<>();
			for (String required : row.requires()) {
				fields.add(new Field(required, KINDS.getOrDefault(required, "text"), true));
			}
			switch (action) {
				case FORWARD, VERIFY, ASSIGN, DISPOSE, UNLINK -> fields.add(new Field("note", "textarea", false));
				case RESUME -> fields.add(new Field(role == Role.REPORTER ? "message" : "note", "textarea",
						role == Role.REPORTER));
				case CLOSE -> {
					fields.add(new Field("rating", "rating", true));
					fields.add(new Field("comment", "textarea", false));
				}
				default -> {
				}
			}
			if (action == Action.VERIFY) {
				fields.add(new Field("anonymous", "flag", false));
				fields.add(new Field("confidential", "flag", false));
			}
			// the agency's answer, and the reporter's missing data or objection, may carry photos and PDFs
			if (action == Action.ANSWER
					|| role == Role.REPORTER && (action == Action.RESUME || action == Action.REPLY)) {
				fields.add(new Field("files", "files", false));
			}
			forms.add(new Form(action.path(), fields, row.exit()));
		}
		return forms;
	}

}
