package id.go.jambiprov.lapor.report.internal;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.sop.ReportStatus;

/**
 * Who may see a report, and who may see its reporter. An officer sees only the reports of
 * their scope; everything else does not exist for them.
 */
final class ReportAccess {

	/** An agency sees a report from disposition on, and loses it when it declines. */
	static final Set<ReportStatus> AGENCY_STATUSES = EnumSet.of(ReportStatus.DISPOSED, ReportStatus.IN_PROGRESS,
			ReportStatus.ANSWERED, ReportStatus.CLOSED);

	private ReportAccess() {
	}

	/** Whether the role may read reports at all (403 otherwise, whatever the report). */
	static boolean mayRead(Role role) {
		return role != Role.SYSTEM_ADMIN;
	}

	/**
	 * Whether the actor sees this report. Reporters with an account see their own;
	 * access-key holders are checked by the key, not here.
	 */
	static boolean inScope(Report report, Actor actor) {
		return switch (actor.role()) {
			case NATIONAL_ADMIN, SYSTEM -> true;
			case COORDINATOR, SUPERVISOR -> actor.jurisdiction() != null
					&& actor.jurisdiction().equals(report.jurisdiction());
			case LIAISON -> actor.agency() != null && actor.agency().equals(report.agency())
					&& AGENCY_STATUSES.contains(report.status());
			case REPORTER -> actor.hasAccount() && report.reporter() != null
					&& Objects.equals(actor.userId(), report.reporter().accountId());
			case SYSTEM_ADMIN -> false;
		};
	}

	/**
	 * Whether the role reads a report's texts as they came, or with what the coordinator hid
	 * from the agency: the liaison and the supervisor never see what was hidden, even on a
	 * report that is not anonymous (a redaction may hide a third person, not only the reporter).
	 */
	static boolean seesOriginalText(Role viewer) {
		return switch (viewer) {
			case REPORTER, NATIONAL_ADMIN, COORDINATOR, SYSTEM -> true;
			case LIAISON, SUPERVISOR, SYSTEM_ADMIN -> false;
		};
	}

	/** Whether the role reads the officers' internal notes of a report in its scope. */
	static boolean readsNotes(Role viewer) {
		return switch (viewer) {
			case NATIONAL_ADMIN, COORDINATOR, LIAISON, SUPERVISOR -> true;
			case REPORTER, SYSTEM, SYSTEM_ADMIN -> false;
		};
	}

	/** Whether the role writes internal notes: those who work reports, not the supervisor who reads them. */
	static boolean writesNotes(Role viewer) {
		return viewer == Role.NATIONAL_ADMIN || viewer == Role.COORDINATOR || viewer == Role.LIAISON;
	}

	/** Whether the role may hide parts of a report's texts from the agency. */
	static boolean mayRedact(Role role) {
		return role == Role.COORDINATOR || role == Role.NATIONAL_ADMIN;
	}

	/**
	 * Whether the reporter's identity is shown: always to the reporter, the national admin and
	 * the coordinator; to others only when the report is not anonymous.
	 */
	static boolean seesReporter(Report report, Role viewer) {
		return switch (viewer) {
			case REPORTER, NATIONAL_ADMIN, COORDINATOR, SYSTEM -> true;
			case LIAISON, SUPERVISOR -> !report.anonymous();
			case SYSTEM_ADMIN -> false;
		};
	}

}
