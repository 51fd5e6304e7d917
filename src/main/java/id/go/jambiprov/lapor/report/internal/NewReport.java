package id.go.jambiprov.lapor.report.internal;

import java.time.LocalDate;

import id.go.jambiprov.lapor.report.Channel;
import id.go.jambiprov.lapor.report.ReportType;

/**
 * A report as it arrives, already validated and normalised.
 */
record NewReport(ReportType type, String title, String description, LocalDate occurredOn, Location location,
		String category, Channel channel, boolean anonymous, boolean confidential, Reporter reporter) {
}
