package id.go.jambiprov.lapor.notify.internal;

import java.util.Locale;
import java.util.Set;

import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.notify.ChannelMessages;
import id.go.jambiprov.lapor.notify.ChannelMessages.Outgoing;
import id.go.jambiprov.lapor.report.Channel;
import id.go.jambiprov.lapor.report.ReportTransitioned;
import id.go.jambiprov.lapor.report.ReporterContacts;
import id.go.jambiprov.lapor.report.ReporterContacts.Contact;
import id.go.jambiprov.lapor.report.LinkedReportAnswered;
import id.go.jambiprov.lapor.report.OmbudsmanOffered;
import id.go.jambiprov.lapor.report.ReporterReminderDue;
import id.go.jambiprov.lapor.sop.Action;
import id.go.jambiprov.lapor.sop.ReportStatus;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the reporter each step that matters to them, on the channel they used and by e-mail
 * when they gave an address: the report went to an agency, was answered, closed, archived, or
 * put on hold with a question. Never names an officer; never tells reporters what they did
 * themselves.
 */
@Component
class ReporterUpdates {

	private static final Locale INDONESIAN = Locale.forLanguageTag("id");

	private static final Set<ReportStatus> TOLD = Set.of(ReportStatus.DISPOSED, ReportStatus.ANSWERED,
			ReportStatus.CLOSED, ReportStatus.ARCHIVED, ReportStatus.ON_HOLD, ReportStatus.LINKED);

	private final ReporterContacts contacts;

	private final ChannelMessages messages;

	private final MessageSource texts;

	private final String publicUrl;

	ReporterUpdates(ReporterContacts contacts, ChannelMessages messages, MessageSource texts,
			@Value("${lapor.public-url:http://localhost:8080}") String publicUrl) {
		this.contacts = contacts;
		this.messages = messages;
		this.texts = texts;
		this.publicUrl = publicUrl;
	}

	@ApplicationModuleListener
	void on(ReportTransitioned event) {
		if (event.action() == Action.OMBUDSMAN_HANDOVER) {
			this.contacts.of(event.reportId()).ifPresent(contact -> tell(contact, this.texts.getMessage(
					"notify.reporter.ombudsman-handover", new Object[] { contact.trackingCode(),
							event.note() == null ? "" : shortened(event.note(), 300) }, INDONESIAN),
					"reporter:" + event.reportId() + ":" + event.sequence()));
			return;
		}
		// entries that are not steps (a hand-over between agencies, the reporter's own request) tell nothing new
		if (!TOLD.contains(event.to()) || event.actorRole() == Role.REPORTER || !event.action().inTable()) {
			return;
		}
		this.contacts.of(event.reportId()).ifPresent(contact -> {
			// closed by the system after the reporter's silence: the one invitation to rate (reply 1 to 5)
			String key = event.to() == ReportStatus.CLOSED && event.from() == ReportStatus.LINKED
					? "notify.reporter.closed-linked"
					: event.to() == ReportStatus.CLOSED && event.actorRole() == Role.SYSTEM
							? "notify.reporter.closed-by-system"
							: "notify.reporter." + event.to().name().toLowerCase(Locale.ROOT);
			String note = event.note() == null ? "" : shortened(event.note(), 300);
			tell(contact, this.texts.getMessage(key, new Object[] { contact.trackingCode(),
					contact.agencyName() == null ? "" : contact.agencyName(), note, this.publicUrl }, INDONESIAN),
					"reporter:" + event.reportId() + ":" + event.sequence());
		});
	}

	@ApplicationModuleListener
	void on(ReporterReminderDue event) {
		if (event.reporterAccountId() != null && event.channel() == Channel.WEB) {
			return; // an account holder sees it on "my reports"
		}
		this.contacts.of(event.reportId()).ifPresent(contact -> tell(contact, this.texts.getMessage(
				"notify.reporter.reminder", new Object[] { contact.trackingCode() }, INDONESIAN),
				"reporter-reminder:" + event.reportId() + ":" + event.respondBy().toEpochMilli()));
	}

	/** The main report was answered: its answer reaches the reporter of a report linked to it. */
	@ApplicationModuleListener
	void on(LinkedReportAnswered event) {
		this.contacts.of(event.reportId()).ifPresent(contact -> tell(contact, this.texts.getMessage(
				"notify.reporter.answered-linked", new Object[] { contact.trackingCode(),
						event.answer() == null ? "" : shortened(event.answer(), 300), this.publicUrl }, INDONESIAN),
				"linked-answer:" + event.reportId() + ":" + event.mainSequence()));
	}

	@ApplicationModuleListener
	void on(OmbudsmanOffered event) {
		if (event.reporterAccountId() != null && event.channel() == Channel.WEB) {
			return; // an account holder sees the offer on the report's page
		}
		this.contacts.of(event.reportId()).ifPresent(contact -> tell(contact, this.texts.getMessage(
				"notify.reporter.ombudsman-offer", new Object[] { contact.trackingCode(), this.publicUrl }, INDONESIAN),
				"ombudsman-offer:" + event.reportId()));
	}

	/** Sends once per cause: a redelivered event finds its messages queued and adds none. */
	private void tell(Contact contact, String text, String cause) {
		if (contact.handle() != null && contact.channel() != Channel.EMAIL && this.messages.canSend(contact.channel())) {
			this.messages.send(new Outgoing(contact.channel(), contact.handle(), text, contact.trackingCode(), null)
				.because(cause));
		}
		if (contact.email() != null && this.messages.canSend(Channel.EMAIL)) {
			this.messages.send(new Outgoing(Channel.EMAIL, contact.email(), text, contact.trackingCode(), null)
				.because(cause));
		}
	}

	private static String shortened(String text, int max) {
		String flat = text.strip().replaceAll("\\s+", " ");
		return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
	}

}
