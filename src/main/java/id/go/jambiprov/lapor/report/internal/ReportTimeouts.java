package id.go.jambiprov.lapor.report.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import id.go.jambiprov.lapor.report.Channel;
import id.go.jambiprov.lapor.report.OmbudsmanOffered;
import id.go.jambiprov.lapor.report.ReporterReminderDue;
import id.go.jambiprov.lapor.report.TrackingCode;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.sop.Transition;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The system's own actions when nobody acts in time, as the SOP table's timeouts say: an answered
 * report closes 10 working days after the answer without a reply; a held report is archived 10
 * working days after the hold when the reporter never sent the missing data. Each is a real
 * transition by the actor {@code SYSTEM}, with its timeline entry; an officer or reporter acting
 * at the same moment wins, and the system leaves the report alone.
 */
@Configuration(proxyBeanMethods = false)
class ReportTimeouts {

	private static final Logger log = LoggerFactory.getLogger(ReportTimeouts.class);

	private static final int BATCH = 100;

	private final JdbcClient jdbc;

	private final ReportRepository reports;

	private final Workflows workflows;

	private final Clock clock;

	private final MessageSource messages;

	private final TransactionTemplate transactions;

	private final ApplicationEventPublisher events;

	ReportTimeouts(JdbcClient jdbc, ReportRepository reports, Workflows workflows, Clock clock,
			MessageSource messages, PlatformTransactionManager manager, ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.reports = reports;
		this.workflows = workflows;
		this.clock = clock;
		this.messages = messages;
		this.transactions = new TransactionTemplate(manager);
	}

	@Bean
	RecurringTask<Void> reportTimeoutsTask(@Value("${lapor.sla.timeout-interval:PT1M}") Duration interval) {
		return Tasks.recurring("report-timeouts", FixedDelay.of(interval)).execute((instance, context) -> {
			remindDue();
			offerOmbudsman();
			int acted = runDue();
			if (acted > 0) {
				log.info("The system closed or archived {} reports whose time ran out", acted);
			}
		});
	}

	/**
	 * The first answer to an idempotent create holds the report's access key, for the client's
	 * retries; after a day no retry is coming, and the key should not linger.
	 */
	@Bean
	RecurringTask<Void> idempotencyCleanupTask(
			@Value("${lapor.idempotency.retention:PT24H}") Duration retention) {
		return Tasks.recurring("idempotency-cleanup", FixedDelay.of(Duration.ofHours(1)))
			.execute((instance, context) -> forgetIdempotencyKeysOlderThan(retention));
	}

	int forgetIdempotencyKeysOlderThan(Duration retention) {
		return this.jdbc.sql("delete from idempotency_key where created_at < ?")
			.param(Timestamp.from(this.clock.instant().minus(retention)))
			.update();
	}

	/**
	 * Reminds the reporters whose reminder is due (halfway through a hold), once each: the
	 * reminder is not a change of the report, so it does not touch its version, and an officer
	 * acting at the same moment never meets a conflict because of it.
	 */
	int remindDue() {
		Instant now = this.clock.instant();
		record Due(UUID id, String code, UUID account, String channel, Instant reminderAt, Instant timeoutAt) {
		}
		List<Due> due = this.jdbc.sql("""
				select id, tracking_code, reporter_account_id, channel, reminder_at, timeout_at from report
				where reminder_at <= ? order by reminder_at, id fetch first ? rows only""")
			.params(Timestamp.from(now), BATCH)
			.query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getString("tracking_code"),
					rs.getObject("reporter_account_id", UUID.class), rs.getString("channel"),
					rs.getTimestamp("reminder_at").toInstant(),
					rs.getTimestamp("timeout_at") == null ? null : rs.getTimestamp("timeout_at").toInstant()))
			.list();
		int reminded = 0;
		for (Due reminder : due) {
			Boolean given = this.transactions.execute(status -> {
				int cleared = this.jdbc.sql("update report set reminder_at = null where id = ? and reminder_at = ?")
					.params(reminder.id(), Timestamp.from(reminder.reminderAt()))
					.update();
				if (cleared == 1 && reminder.timeoutAt() != null) {
					this.events.publishEvent(new ReporterReminderDue(reminder.id(), new TrackingCode(reminder.code()),
							reminder.account(), Channel.valueOf(reminder.channel()), reminder.timeoutAt()));
				}
				return cleared == 1;
			});
			if (Boolean.TRUE.equals(given)) {
				reminded++;
			}
		}
		return reminded;
	}

	/**
	 * Tells the reporters whose report is 60 days old and not finished that they may ask for the
	 * Ombudsman, once each (reports that became eligible within the last week: a service that was
	 * down catches up, a report decades old is not searched every minute).
	 */
	int offerOmbudsman() {
		Instant now = this.clock.instant();
		record Due(UUID id, String code, UUID account, String channel) {
		}
		List<String> finished = Arrays.stream(ReportStatus.values())
			.filter(ReportStatus::isFinal)
			.map(Enum::name)
			.toList();
		List<Due> due = this.jdbc.sql("""
				select id, tracking_code, reporter_account_id, channel from report
				where ombudsman_eligible_at <= :now and ombudsman_eligible_at > :since and ombudsman_offered_at is null
				  and status not in (:finished)
				order by ombudsman_eligible_at, id fetch first :batch rows only""")
			.param("now", Timestamp.from(now))
			.param("since", Timestamp.from(now.minus(Duration.ofDays(7))))
			.param("finished", finished)
			.param("batch", BATCH)
			.query((rs, n) -> new Due(rs.getObject("id", UUID.class), rs.getString("tracking_code"),
					rs.getObject("reporter_account_id", UUID.class), rs.getString("channel")))
			.list();
		int offered = 0;
		for (Due report : due) {
			Boolean told = this.transactions.execute(status -> {
				int marked = this.jdbc.sql("update report set ombudsman_offered_at = ? where id = ? and ombudsman_offered_at is null")
					.params(Timestamp.from(now), report.id())
					.update();
				if (marked == 1) {
					this.events.publishEvent(new OmbudsmanOffered(report.id(), new TrackingCode(report.code()),
							report.account(), Channel.valueOf(report.channel())));
				}
				return marked == 1;
			});
			if (Boolean.TRUE.equals(told)) {
				offered++;
			}
		}
		return offered;
	}

	/** Takes every timed action that is due; answers how many reports it moved. */
	int runDue() {
		int acted = 0;
		while (true) {
			List<UUID> due = this.jdbc.sql("""
					select id from report where timeout_at <= ? order by timeout_at fetch first ? rows only""")
				.params(Timestamp.from(this.clock.instant()), BATCH)
				.query(UUID.class)
				.list();
			int moved = 0;
			for (UUID id : due) {
				if (timeOut(id)) {
					moved++;
				}
			}
			acted += moved;
			if (due.size() < BATCH || moved == 0) {
				return acted;
			}
		}
	}

	private boolean timeOut(UUID id) {
		try {
			Boolean moved = this.transactions.execute(status -> {
				Report report = this.reports.findById(id).orElse(null);
				Workflow workflow = this.workflows.now();
				if (report == null || report.timeoutAt() == null || report.timeoutAt().isAfter(workflow.now())) {
					return false;
				}
				Transition row = workflow.sop().timeoutFrom(report.status()).orElse(null);
				if (row == null) {
					return false;
				}
				String note = this.messages.getMessage(row.timeout().note(), null, row.timeout().note(),
						Locale.forLanguageTag("id"));
				report.timeOut(note, workflow);
				this.reports.save(report);
				return true;
			});
			return Boolean.TRUE.equals(moved);
		}
		catch (OptimisticLockingFailureException someoneActed) {
			return false;
		}
	}

}
