package id.go.jambiprov.lapor.report.internal;

import java.time.Instant;
import java.time.LocalDate;

import id.go.jambiprov.lapor.report.Channel;
import id.go.jambiprov.lapor.report.ReportType;

/**
 * A report as it arrives, already validated and normalised. {@code sentAt} is when a messaging
 * channel says the citizen sent it: decree step 1 ("1 hari") is measured from then to storage.
 */
record NewReport(ReportType type, String title, String description, LocalDate occurredOn, Location location,
		String category, Channel channel, boolean anonymous, boolean confidential, Reporter reporter, Instant sentAt,
		String accusedAgency) {

	NewReport(ReportType type, String title, String description, LocalDate occurredOn, Location location,
			String category, Channel channel, boolean anonymous, boolean confidential, Reporter reporter,
			Instant sentAt) {
		this(type, title, description, occurredOn, location, category, channel, anonymous, confidential, reporter,
				sentAt, null);
	}

	NewReport(ReportType type, String title, String description, LocalDate occurredOn, Location location,
			String category, Channel channel, boolean anonymous, boolean confidential, Reporter reporter) {
		this(type, title, description, occurredOn, location, category, channel, anonymous, confidential, reporter, null);
	}

}
