package id.go.jambiprov.lapor.notify.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import id.go.jambiprov.lapor.account.Officers;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.report.ReportRecalled;
import id.go.jambiprov.lapor.report.ReporterReminderDue;
import id.go.jambiprov.lapor.report.TrackingCode;
import id.go.jambiprov.lapor.sla.DeadlineApproaching;
import id.go.jambiprov.lapor.sla.DeadlineBreached;
import id.go.jambiprov.lapor.sla.ResolutionBreached;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.sop.SopDefinition;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the officers whose step it is that its deadline approaches or passed, and escalates a
 * breach to the jurisdiction's coordinator. Runs after the sweep commits, once per signal
 * (the publication registry redelivers it after a crash).
 */
@Component
class DeadlineNotifications {

	/** The notices that also go out by e-mail: a deadline passed, and what escalates from it. */
	private static final Set<String> ESCALATIONS = Set.of("DEADLINE_BREACHED", "ESCALATION", "RESOLUTION_BREACHED");

	private final JdbcClient jdbc;

	private final Officers officers;

	private final SopDefinition sop;

	private final Clock clock;

	private final OfficerMail mail;

	DeadlineNotifications(JdbcClient jdbc, Officers officers, SopDefinition sop, Clock clock, OfficerMail mail) {
		this.mail = mail;
		this.jdbc = jdbc;
		this.officers = officers;
		this.sop = sop;
		this.clock = clock;
	}

	@ApplicationModuleListener
	void on(DeadlineApproaching event) {
		Set<UUID> responsible = responsible(event.status(), event.jurisdiction(), event.agency());
		responsible.forEach(user -> store(user, "DEADLINE_APPROACHING", event.trackingCode(), event.status(),
				event.dueAt(), event.reportId() + ":" + event.stepSequence()));
	}

	@ApplicationModuleListener
	void on(DeadlineBreached event) {
		Set<UUID> responsible = responsible(event.status(), event.jurisdiction(), event.agency());
		String cause = event.reportId() + ":" + event.stepSequence();
		responsible.forEach(
				user -> store(user, "DEADLINE_BREACHED", event.trackingCode(), event.status(), event.dueAt(), cause));
		Set<UUID> coordinators = new LinkedHashSet<>(
				this.officers.withRole(Role.COORDINATOR, event.jurisdiction(), null));
		coordinators.removeAll(responsible);
		coordinators
			.forEach(user -> store(user, "ESCALATION", event.trackingCode(), event.status(), event.dueAt(), cause));
	}

	/** The second escalation: the answer is overdue by the resolution clock. */
	@ApplicationModuleListener
	void on(ResolutionBreached event) {
		Set<UUID> recipients = new LinkedHashSet<>(this.officers.withRole(Role.SUPERVISOR, event.jurisdiction(), null));
		recipients.addAll(this.officers.withRole(Role.COORDINATOR, event.jurisdiction(), null));
		recipients.addAll(this.officers.withRole(Role.LIAISON, event.jurisdiction(), event.agency()));
		recipients.forEach(user -> store(user, "RESOLUTION_BREACHED", event.trackingCode(), ReportStatus.IN_PROGRESS,
				event.dueAt(), event.reportId().toString()));
	}

	/**
	 * A reporter with a LAPOR account finds the reminder in their notifications; reporters are
	 * also reminded on their channel and by e-mail ({@link ReporterUpdates}).
	 */
	@ApplicationModuleListener
	void on(ReporterReminderDue event) {
		if (event.reporterAccountId() != null) {
			store(event.reporterAccountId(), "HOLD_REMINDER", event.trackingCode().value(), ReportStatus.ON_HOLD,
					event.respondBy(), event.reportId() + ":" + event.respondBy().toEpochMilli());
		}
	}

	/**
	 * The coordinator took a report back from an agency: its liaison officers find it gone from
	 * their inbox, and a notice (and an e-mail) says why.
	 */
	@ApplicationModuleListener
	void on(ReportRecalled event) {
		this.officers.withRole(Role.LIAISON, event.jurisdiction(), event.agency())
			.forEach(user -> {
				int stored = this.jdbc.sql("""
						insert into notification (user_id, kind, tracking_code, report_status, due_at, created_at, cause)
						values (?, 'RECALLED', ?, 'VERIFIED', null, ?, ?)
						on conflict do nothing""")
					.params(user, event.trackingCode().value(), Timestamp.from(this.clock.instant()),
							"RECALLED:" + event.reportId() + ":" + event.sequence())
					.update();
				if (stored == 1) {
					this.mail.recalled(user, event.trackingCode().formatted(), event.reason(),
							"recalled:" + event.reportId() + ":" + event.sequence());
				}
			});
	}

	/** The officers of the roles that act on a report in this status (from the SOP table). */
	private Set<UUID> responsible(ReportStatus status, String jurisdiction, String agency) {
		Set<UUID> users = new LinkedHashSet<>();
		this.sop.pendingStep(status)
			.ifPresent(step -> step.actors()
				.stream()
				.filter(Role::isOfficer)
				.forEach(role -> users.addAll(this.officers.withRole(role, jurisdiction, agency))));
		return users;
	}

	/**
	 * Stores the notice once per cause (kind and what caused it) and user: a redelivered event
	 * adds no second notice and no second e-mail.
	 */
	private void store(UUID user, String kind, String trackingCode, ReportStatus status, Instant dueAt, String cause) {
		String key = kind + ":" + cause;
		int stored = this.jdbc.sql("""
				insert into notification (user_id, kind, tracking_code, report_status, due_at, created_at, cause)
				values (?, ?, ?, ?, ?, ?, ?)
				on conflict do nothing""")
			.params(user, kind, trackingCode, status.name(), dueAt == null ? null : Timestamp.from(dueAt),
					Timestamp.from(this.clock.instant()), key)
			.update();
		if (stored == 1 && ESCALATIONS.contains(kind)) {
			this.mail.escalation(user, kind,
					TrackingCode.parse(trackingCode).map(TrackingCode::formatted).orElse(trackingCode), status, dueAt,
					"notification:" + key);
		}
	}

}
