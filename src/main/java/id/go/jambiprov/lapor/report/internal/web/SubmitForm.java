package id.go.jambiprov.lapor.report.internal.web;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import id.go.jambiprov.lapor.report.Channel;
import id.go.jambiprov.lapor.report.ReportType;
import id.go.jambiprov.lapor.report.internal.ReportRequests.CreateReport;
import id.go.jambiprov.lapor.report.internal.ReportRequests.LocationBody;
import id.go.jambiprov.lapor.report.internal.ReportRequests.ReporterBody;

/**
 * The web form of a report, as the browser posts it; turned into the API's body so that both
 * doors obey one set of rules. {@code key} is the form's idempotency key: a second click (or
 * a resent form) files nothing new.
 */
record SubmitForm(ReportType type, String title, String description, String category, LocalDate occurredOn,
		String regency, String address, Boolean anonymous, Boolean confidential, String name, String email,
		String phone, String identityNumber, String key, String accusedAgency) {

	static SubmitForm empty(String key) {
		return new SubmitForm(null, null, null, null, null, null, null, null, null, null, null, null, null, key, null);
	}

	CreateReport toBody() {
		return toBody(null, null);
	}

	/** The body of a report an officer files from the desk: its channel and when it was received. */
	CreateReport toBody(Channel channel, OffsetDateTime receivedAt) {
		LocationBody location = blank(this.regency) && blank(this.address) ? null
				: new LocationBody(this.address, this.regency, null, null);
		return new CreateReport(this.type, this.title, this.description, this.category, this.occurredOn, location,
				this.anonymous, this.confidential,
				new ReporterBody(this.name, this.email, this.phone, this.identityNumber), channel, receivedAt,
				this.accusedAgency);
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

}
