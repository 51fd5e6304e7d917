package id.go.jambiprov.lapor.report.internal.web;

import id.go.jambiprov.lapor.report.internal.ReportRequests.ActionBody;

/**
 * An action form as the browser posts it, with the version of the report the person saw.
 */
record ActionInput(String jurisdiction, String agency, String note, String reason, String answer, String message,
		Integer rating, String comment, Boolean anonymous, Boolean confidential, Long version, Long template,
		String main) {

	/** The same input with a text field set (a template chosen without scripts fills it on submit). */
	ActionInput with(String field, String text) {
		return new ActionInput(this.jurisdiction, this.agency, this.note, "reason".equals(field) ? text : this.reason,
				"answer".equals(field) ? text : this.answer, this.message, this.rating, this.comment, this.anonymous,
				this.confidential, this.version, this.template, this.main);
	}

	/** The text of a field a template may fill. */
	String text(String field) {
		return "reason".equals(field) ? this.reason : "answer".equals(field) ? this.answer : null;
	}

	ActionBody toBody() {
		return new ActionBody(this.jurisdiction, this.agency, this.note, this.reason, this.answer, this.message,
				this.rating, this.comment, this.anonymous, this.confidential, this.main);
	}

}
