package id.go.jambiprov.lapor.notify.internal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import id.go.jambiprov.lapor.account.Officers;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.mail.MailOutbox;
import id.go.jambiprov.lapor.report.ReportTransitioned;
import id.go.jambiprov.lapor.report.TimelineTampered;
import id.go.jambiprov.lapor.report.TrackingCode;
import id.go.jambiprov.lapor.sop.Action;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.sop.SopDefinition;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mail to officers: a report that is new in their inbox (its next step is now their role's),
 * and escalations (see {@link DeadlineNotifications}). Never to the officer whose own action
 * caused it; never with the reporter's identity or the report's content, only its code, status
 * and due time, and the link to open it after signing in.
 */
@Component
class OfficerMail {

	private static final Locale INDONESIAN = Locale.forLanguageTag("id");

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", INDONESIAN)
		.withZone(ZoneId.of("Asia/Jakarta"));

	private final Officers officers;

	private final SopDefinition sop;

	private final MailOutbox mail;

	private final MessageSource texts;

	private final String publicUrl;

	OfficerMail(Officers officers, SopDefinition sop, MailOutbox mail, MessageSource texts,
			@Value("${lapor.public-url:http://localhost:8080}") String publicUrl) {
		this.officers = officers;
		this.sop = sop;
		this.mail = mail;
		this.texts = texts;
		this.publicUrl = publicUrl;
	}

	/** Every step, the filing of a report included (its entry has no "from"). */
	@ApplicationModuleListener
	void on(ReportTransitioned event) {
		if (event.action() == Action.OMBUDSMAN_REQUEST || event.action() == Action.OMBUDSMAN_HANDOVER) {
			return; // not a step: nothing new in anyone's inbox
		}
		Set<Role> fresh = roles(event.to());
		// a hand-over keeps the status but brings the report to another agency's liaison officers
		if (event.action() != Action.HAND_OVER && event.actorRole() != Role.REPORTER
				&& event.actorRole() != Role.SYSTEM) {
			// still the same role's work (receive → verify → assign …): nothing new in their inbox
			fresh.removeAll(roles(event.from()));
		}
		newItem(fresh, event.jurisdiction(), event.agency(), event.actorUserId(), event.trackingCode().formatted(),
				event.to(), event.nextDueAt(), "officer:" + event.reportId() + ":" + event.sequence());
	}

	/**
	 * The nightly check found timelines changed around the application: every national admin
	 * hears of it at once (once per check).
	 */
	@ApplicationModuleListener
	void on(TimelineTampered event) {
		if (!this.mail.enabled()) {
			return;
		}
		String codes = String.join(", ", event.trackingCodes().stream().map(TrackingCode::formatted).toList());
		String subject = text("notify.officer.tampered.subject", event.trackingCodes().size());
		String body = text("notify.officer.tampered", codes, WHEN.format(event.detectedAt()));
		this.officers.withRole(Role.NATIONAL_ADMIN, null, null)
			.forEach(user -> this.officers.email(user)
				.ifPresent(address -> this.mail.queue(address, subject, body,
						"tampered:" + event.detectedAt().toEpochMilli())));
	}

	/**
	 * An escalation or a breached deadline, for one officer (called by the in-app notifications),
	 * once per cause.
	 */
	void escalation(UUID user, String kind, String trackingCode, ReportStatus status, Instant dueAt, String cause) {
		if (!this.mail.enabled()) {
			return;
		}
		this.officers.email(user).ifPresent(address -> this.mail.queue(address,
				text("notify.officer.escalation.subject", trackingCode),
				text("notify.officer." + kind, trackingCode, status(status), dueAt == null ? "-" : WHEN.format(dueAt),
						link(trackingCode)),
				cause));
	}

	/** A report taken back from the officer's agency, once per recall. */
	void recalled(UUID user, String trackingCode, String reason, String cause) {
		if (!this.mail.enabled()) {
			return;
		}
		this.officers.email(user).ifPresent(address -> this.mail.queue(address,
				text("notify.officer.recalled.subject", trackingCode),
				text("notify.officer.recalled", trackingCode, reason == null ? "-" : reason), cause));
	}

	private void newItem(Set<Role> roles, String jurisdiction, String agency, UUID actor, String code,
			ReportStatus status, Instant dueAt, String cause) {
		if (roles.isEmpty() || !this.mail.enabled()) {
			return;
		}
		Set<UUID> recipients = new LinkedHashSet<>();
		roles.forEach(role -> recipients.addAll(this.officers.withRole(role, jurisdiction, agency)));
		if (actor != null) {
			recipients.remove(actor); // never about their own action
		}
		String subject = text("notify.officer.new.subject", code);
		String body = dueAt == null ? text("notify.officer.new", code, status(status), link(code))
				: text("notify.officer.new-due", code, status(status), WHEN.format(dueAt), link(code));
		recipients.forEach(
				user -> this.officers.email(user).ifPresent(address -> this.mail.queue(address, subject, body, cause)));
	}

	/** The officer roles whose timed step comes next in this status. */
	private Set<Role> roles(ReportStatus status) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		if (status != null) {
			this.sop.pendingStep(status)
				.ifPresent(step -> step.actors().stream().filter(Role::isOfficer).forEach(roles::add));
		}
		return roles;
	}

	private String status(ReportStatus status) {
		return this.texts.getMessage("status." + status.name(), null, INDONESIAN);
	}

	private String link(String code) {
		return this.publicUrl + "/petugas/laporan/" + code;
	}

	private String text(String key, Object... arguments) {
		return this.texts.getMessage(key, arguments, INDONESIAN);
	}

}
