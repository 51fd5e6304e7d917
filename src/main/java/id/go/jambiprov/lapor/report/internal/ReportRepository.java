package id.go.jambiprov.lapor.report.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import id.go.jambiprov.lapor.report.Channel;
import id.go.jambiprov.lapor.report.ReportType;
import id.go.jambiprov.lapor.sop.ReportStatus;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads and saves the {@link Report} aggregate whole, with optimistic locking on its version,
 * then hands its events to the application (in the same transaction: the timeline entry is
 * written by a listener and commits with the report).
 * <p>
 * Plain SQL rather than Spring Data JDBC: the benchmark in {@code bench/} showed Spring Data
 * JDBC's per-save SQL generation taking about a third of the CPU of a create (see
 * {@code docs/adr/0002-report-persistence-in-plain-sql.md}).
 */
@Repository
class ReportRepository {

	private static final String COLUMNS = """
			id, version, tracking_code, access_key_hash, type, title, description, occurred_on, location_address,
			location_regency, location_latitude, location_longitude, category, channel, anonymous, confidential,
			reporter_name, reporter_email, reporter_phone, reporter_identity_number, reporter_account_id, reporter_handle, jurisdiction,
			agency, status, held_from, status_since, step_due_at, step_warn_at, timeout_at, reminder_at, resolution_due_at,
			ombudsman_eligible_at, submitted_at, rating, sop_version, timeline_length, resolution_started_at, resolution_stopped_at, redactions,
			accused_agency, linked_to, national_tracking_id""";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	ReportRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	Optional<Report> findByTrackingCode(String trackingCode) {
		return this.jdbc.sql("select " + COLUMNS + " from report where tracking_code = ?")
			.param(trackingCode)
			.query((rs, n) -> map(rs))
			.optional();
	}

	Optional<Report> findById(UUID id) {
		return this.jdbc.sql("select " + COLUMNS + " from report where id = ?")
			.param(id)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/**
	 * Inserts a new report or updates a loaded one if nobody saved it since it was loaded.
	 * @throws OptimisticLockingFailureException when someone did
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void save(Report report) {
		Report.Snapshot s = report.snapshot();
		long version;
		if (s.version() == null) {
			version = 0;
			this.jdbc.sql("insert into report (" + COLUMNS + ") values (" + "?, ".repeat(42) + "?)")
				.params(s.id(), version, s.trackingCode(), s.accessKeyHash(), s.type().name(), s.title(),
						s.description(), s.occurredOn(), location(s).address(), location(s).regency(),
						location(s).latitude(), location(s).longitude(), s.category(), s.channel().name(), s.anonymous(),
						s.confidential(), s.reporter().name(), s.reporter().email(), s.reporter().phone(),
						s.reporter().identityNumber(), s.reporter().accountId(), s.reporter().handle(), s.jurisdiction(), s.agency(),
						s.status().name(), name(s.heldFrom()), timestamp(s.statusSince()), timestamp(s.stepDueAt()),
						timestamp(s.stepWarnAt()), timestamp(s.timeoutAt()), timestamp(s.reminderAt()),
						timestamp(s.resolutionDueAt()), timestamp(s.ombudsmanEligibleAt()), timestamp(s.submittedAt()), s.rating(), s.sopVersion(),
						s.timelineLength(), timestamp(s.resolutionStartedAt()), timestamp(s.resolutionStoppedAt()),
						s.redactions().stored(), s.accusedAgency(), s.linkedTo(), s.nationalTrackingId())
				.update();
		}
		else {
			version = s.version() + 1;
			// national_tracking_id is not here: the bridge records it once, beside the aggregate
			int updated = this.jdbc.sql("""
					update report set version = ?, description = ?, anonymous = ?, confidential = ?, jurisdiction = ?, agency = ?,
					  status = ?, held_from = ?, status_since = ?, step_due_at = ?, step_warn_at = ?, timeout_at = ?,
					  reminder_at = ?, resolution_due_at = ?, rating = ?, timeline_length = ?, resolution_started_at = ?,
					  resolution_stopped_at = ?, redactions = ?, redacted_title = ?, redacted_description = ?, linked_to = ?
					where id = ? and version = ?""")
				.params(version, s.description(), s.anonymous(), s.confidential(), s.jurisdiction(), s.agency(), s.status().name(),
						name(s.heldFrom()), timestamp(s.statusSince()), timestamp(s.stepDueAt()),
						timestamp(s.stepWarnAt()), timestamp(s.timeoutAt()), timestamp(s.reminderAt()),
						timestamp(s.resolutionDueAt()), s.rating(), s.timelineLength(), timestamp(s.resolutionStartedAt()),
						timestamp(s.resolutionStoppedAt()), s.redactions().stored(), redacted(s, s.title()),
						redacted(s, s.description()), s.linkedTo(), s.id(), s.version())
				.update();
			if (updated != 1) {
				throw new OptimisticLockingFailureException("Report " + s.trackingCode() + " changed since it was read");
			}
		}
		report.saved(version);
		report.pullEvents().forEach(this.events::publishEvent);
	}

	/** The text as the agency reads and searches it, when anything is hidden from it. */
	private static String redacted(Report.Snapshot s, String text) {
		return s.redactions().isEmpty() ? null : s.redactions().apply(text);
	}

	private static Location location(Report.Snapshot s) {
		return s.location() == null ? new Location(null, null, null, null) : s.location();
	}

	private static String name(Enum<?> value) {
		return value == null ? null : value.name();
	}

	private static Timestamp timestamp(Instant instant) {
		return instant == null ? null : Timestamp.from(instant);
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static <E extends Enum<E>> E enumOf(Class<E> type, String value) {
		return value == null ? null : Enum.valueOf(type, value);
	}

	private static Double doubleOrNull(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

	private static Report map(ResultSet rs) throws SQLException {
		String address = rs.getString("location_address");
		String regency = rs.getString("location_regency");
		Double latitude = doubleOrNull(rs, "location_latitude");
		Double longitude = doubleOrNull(rs, "location_longitude");
		Location location = address == null && regency == null && latitude == null && longitude == null ? null
				: new Location(address, regency, latitude, longitude);
		Reporter reporter = new Reporter(rs.getString("reporter_name"), rs.getString("reporter_email"),
				rs.getString("reporter_phone"), rs.getString("reporter_identity_number"),
				rs.getObject("reporter_account_id", UUID.class), rs.getString("reporter_handle"));
		int rating = rs.getInt("rating");
		Integer ratingOrNull = rs.wasNull() ? null : rating;
		java.sql.Date occurred = rs.getDate("occurred_on");
		return Report.restore(new Report.Snapshot(rs.getObject("id", UUID.class), rs.getLong("version"),
				rs.getString("tracking_code"), rs.getString("access_key_hash"),
				enumOf(ReportType.class, rs.getString("type")), rs.getString("title"), rs.getString("description"),
				occurred == null ? null : occurred.toLocalDate(), location, rs.getString("category"),
				enumOf(Channel.class, rs.getString("channel")), rs.getBoolean("anonymous"),
				rs.getBoolean("confidential"), reporter, rs.getString("jurisdiction"), rs.getString("agency"),
				enumOf(ReportStatus.class, rs.getString("status")), enumOf(ReportStatus.class, rs.getString("held_from")),
				instant(rs, "status_since"), instant(rs, "step_due_at"), instant(rs, "step_warn_at"),
				instant(rs, "timeout_at"), instant(rs, "reminder_at"), instant(rs, "resolution_due_at"),
				instant(rs, "ombudsman_eligible_at"),
				instant(rs, "submitted_at"), ratingOrNull,
				rs.getString("sop_version"), rs.getInt("timeline_length"), instant(rs, "resolution_started_at"),
				instant(rs, "resolution_stopped_at"), Redactions.parse(rs.getString("redactions")),
				rs.getString("accused_agency"), rs.getObject("linked_to", UUID.class),
				rs.getString("national_tracking_id")));
	}

}
