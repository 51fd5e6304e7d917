package id.go.jambiprov.lapor.report.internal.web;

import id.go.jambiprov.lapor.report.internal.ReportRequests.ActionBody;

/**
 * An action form as the browser posts it, with the version of the report the person saw.
 */
record ActionInput(String jurisdiction, String agency, String note, String reason, String answer, String message,
		Integer rating, String comment, Boolean anonymous, Boolean confidential, Long version) {

	ActionBody toBody() {
		return new ActionBody(this.jurisdiction, this.agency, this.note, this.reason, this.answer, this.message,
				this.rating, this.comment, this.anonymous, this.confidential);
	}

}
