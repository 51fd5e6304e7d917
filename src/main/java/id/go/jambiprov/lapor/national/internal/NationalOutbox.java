package id.go.jambiprov.lapor.national.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.national.NationalBacklog;
import id.go.jambiprov.lapor.report.Channel;
import id.go.jambiprov.lapor.report.NationalReports;
import id.go.jambiprov.lapor.report.ReportSubmitted;
import id.go.jambiprov.lapor.report.ReportTransitioned;
import id.go.jambiprov.lapor.shared.AfterCommit;
import id.go.jambiprov.lapor.shared.Seal;
import id.go.jambiprov.lapor.shared.WorkQueue;
import id.go.jambiprov.lapor.sop.ReportStatus;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClientResponseException;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Store first, send after: every call to the national system is a row of {@code national_call}
 * written by {@link NationalListeners} after the report's own transaction committed (once per report and per
 * timeline entry, however often the event is delivered), then sent by the worker right away and,
 * while the national system is down, again and again with backoff ({@link WorkQueue.Policy#NATIONAL_OUTBOX}).
 * Local work never waits for it. A step is sent only once its report has its national tracking
 * id; steps the national system took itself (its forwarding) are not sent back.
 */
@Component
public class NationalOutbox implements NationalBacklog {

	private static final Logger log = LoggerFactory.getLogger(NationalOutbox.class);

	static final String REPORT = "REPORT";

	static final String STATUS = "STATUS";

	/** The steps whose text the reporter reads: it goes with the status (an answer, a question, a reason). */
	private static final Set<ReportStatus> TOLD = EnumSet.of(ReportStatus.ANSWERED, ReportStatus.ON_HOLD,
			ReportStatus.ARCHIVED, ReportStatus.RETURNED, ReportStatus.CLOSED, ReportStatus.LINKED);

	private final NationalSettings settings;

	private final NationalSystem national;

	private final NationalMapping mapping;

	private final NationalReports reports;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Seal seal;

	private final JsonMapper json;

	private final Executor executor;

	private final WorkQueue queue;

	NationalOutbox(NationalSettings settings, NationalSystem national, NationalMapping mapping, NationalReports reports,
			JdbcClient jdbc, Clock clock, Seal seal, JsonMapper json,
			@Qualifier("applicationTaskExecutor") Executor executor) {
		this.settings = settings;
		this.national = national;
		this.mapping = mapping;
		this.reports = reports;
		this.jdbc = jdbc;
		this.clock = clock;
		this.seal = seal;
		this.json = json;
		this.executor = executor;
		this.queue = new WorkQueue(WorkQueue.Policy.NATIONAL_OUTBOX, jdbc, clock);
	}

	/** A report that came through our own channels goes to the national system too. */
	void queueReport(ReportSubmitted event) {
		if (!this.settings.enabled() || event.channel() == Channel.NATIONAL) {
			return;
		}
		queue(REPORT, event.reportId(), event.trackingCode().value(), 0, null);
	}

	/** Each step of a bridged report, except those the national system took itself. */
	void queueStep(ReportTransitioned event) {
		if (!this.settings.enabled() || !this.national.capabilities().pushStatus() || event.sequence() == 1
				|| NationalReports.NATIONAL_ACTOR.equals(event.actorUsername()) || !bridged(event)) {
			return;
		}
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("status", this.mapping.status(event.to()));
		payload.put("note", TOLD.contains(event.to()) ? event.note() : null);
		payload.put("at", event.at().toString());
		queue(STATUS, event.reportId(), event.trackingCode().value(), event.sequence(),
				this.seal.seal(this.json.writeValueAsString(payload)));
	}

	/** Whether the national system knows the report, or will once its own call went out. */
	private boolean bridged(ReportTransitioned event) {
		return this.reports.nationalTrackingId(event.reportId()).isPresent()
				|| this.jdbc.sql("select count(*) from national_call where report_id = ? and kind = 'REPORT'")
					.param(event.reportId())
					.query(Long.class)
					.single() > 0;
	}

	private void queue(String kind, UUID reportId, String trackingCode, int sequence, @Nullable String payload) {
		Timestamp now = Timestamp.from(this.clock.instant());
		int queued = this.jdbc.sql("""
				insert into national_call (id, kind, report_id, tracking_code, sequence, payload, status, attempts,
				  next_attempt_at, created_at)
				values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)
				on conflict do nothing""")
			.params(UUID.randomUUID(), kind, reportId, trackingCode, sequence, payload, now, now)
			.update();
		if (queued == 1) {
			AfterCommit.runSoon(this.executor, this::sendDue);
		}
	}

	/** Sends what is due, in the order it was queued; returns how many calls went through. */
	public int sendDue() {
		if (!this.settings.enabled()) {
			return 0;
		}
		int sent = 0;
		List<WorkQueue.Claimed> claimed;
		do {
			claimed = this.queue.claim("created_at, sequence, id");
			for (WorkQueue.Claimed row : claimed) {
				boolean[] done = { false };
				this.queue.attempt(row, () -> done[0] = send(row), NationalOutbox::permanent);
				sent += done[0] ? 1 : 0;
			}
		}
		while (claimed.size() == this.queue.policy().batch());
		return sent;
	}

	/** A refusal that will not change (our call is wrong, not their system down): given up at once. */
	private static boolean permanent(RuntimeException failure) {
		return failure instanceof RestClientResponseException refused && refused.getStatusCode().is4xxClientError()
				&& refused.getStatusCode().value() != 401 && refused.getStatusCode().value() != 403
				&& refused.getStatusCode().value() != 408 && refused.getStatusCode().value() != 429
				|| failure instanceof UnsupportedOperationException;
	}

	private boolean send(WorkQueue.Claimed claimed) {
		record Row(String kind, UUID reportId, String trackingCode, int sequence, @Nullable String payload) {
		}
		Row row = this.jdbc.sql("select kind, report_id, tracking_code, sequence, payload from national_call where id = ?")
			.param(claimed.id())
			.query((rs, n) -> new Row(rs.getString(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4),
					rs.getString(5)))
			.single();
		if (REPORT.equals(row.kind())) {
			return sendReport(claimed, row.reportId());
		}
		String nationalId = this.reports.nationalTrackingId(row.reportId()).orElse(null);
		if (nationalId == null) {
			boolean filing = this.jdbc.sql("""
					select count(*) from national_call where report_id = ? and kind = 'REPORT' and status = 'PENDING'""")
				.param(row.reportId())
				.query(Long.class)
				.single() > 0;
			if (!filing) {
				throw new UnsupportedOperationException("the report never reached the national system");
			}
			// its filing is still on its way: the step waits for it, without counting a try
			this.queue.later(claimed, Duration.ofMinutes(1), "waiting for the report to be filed there first");
			return false;
		}
		JsonNode payload = this.json.readTree(this.seal.open(row.payload()));
		this.national.pushStatus(new NationalSystem.Status(nationalId, payload.path("status").asString(),
				payload.path("note").isNull() ? null : payload.path("note").asString(),
				Instant.parse(payload.path("at").asString()), row.trackingCode() + ":" + row.sequence()));
		done(claimed, nationalId, null);
		return true;
	}

	private boolean sendReport(WorkQueue.Claimed claimed, UUID reportId) {
		NationalReports.Outgoing report = this.reports.outgoing(reportId).orElseThrow();
		if (report.nationalTrackingId() != null) {
			done(claimed, report.nationalTrackingId(), null);
			return true;
		}
		NationalSystem.Filed filed = this.national.push(new NationalSystem.Report(report.trackingCode(),
				this.mapping.type(report.type()), report.title(), report.description(),
				this.mapping.category(report.category()), report.address(), report.latitude(), report.longitude(),
				report.anonymous(), report.confidential(), report.name(), report.email(), report.phone(),
				report.submittedAt()));
		this.reports.recordNationalTrackingId(reportId, filed.trackingId());
		done(claimed, filed.trackingId(), filed.transactionId());
		log.info("Report {} filed on the national system as {}", report.trackingCode(), filed.trackingId());
		return true;
	}

	private void done(WorkQueue.Claimed claimed, String nationalId, @Nullable String transactionId) {
		this.jdbc.sql("""
				update national_call set status = 'DONE', done_at = ?, payload = null, last_error = null,
				  national_tracking_id = ?, national_transaction_id = ?
				where id = ? and claim = ?""")
			.params(Timestamp.from(this.clock.instant()), nationalId, transactionId, claimed.id(), claimed.token())
			.update();
	}

	@Override
	public Backlog backlog() {
		if (!this.settings.enabled()) {
			return new Backlog(false, 0, null, 0);
		}
		record Counts(long waiting, @Nullable Timestamp oldest, long failed) {
		}
		Counts counts = this.jdbc.sql("""
				select sum(case when status = 'PENDING' then 1 else 0 end),
				  min(case when status = 'PENDING' then created_at end),
				  sum(case when status = 'FAILED' then 1 else 0 end)
				from national_call where status <> 'DONE'""")
			.query((rs, n) -> new Counts(rs.getLong(1), rs.getTimestamp(2), rs.getLong(3)))
			.single();
		return new Backlog(true, counts.waiting(), counts.oldest() == null ? null
				: Duration.between(counts.oldest().toInstant(), this.clock.instant()), counts.failed());
	}

}
