package id.go.jambiprov.lapor.report.internal;

import java.time.Instant;
import java.util.Optional;

import id.go.jambiprov.lapor.sop.Deadlines;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.sop.SopDefinition;
import id.go.jambiprov.lapor.sop.TimeStandard;

/**
 * What a transition needs besides the report: the SOP table, the calendar, and the moment,
 * read once from the clock by the use case.
 */
record Workflow(SopDefinition sop, Deadlines deadlines, Instant now, ClockPolicy policy) {

	/**
	 * The clocks beside the decree's steps.
	 *
	 * @param resolution the answer is due this long after the first disposition (5 working days)
	 * @param ombudsman after this long from submission the Ombudsman may take over (60 days)
	 */
	record ClockPolicy(TimeStandard resolution, TimeStandard ombudsman) {
	}

	/** The same workflow as if it were {@code moment}: to compute a clock again from its start. */
	Workflow at(Instant moment) {
		return new Workflow(this.sop, this.deadlines, moment, this.policy);
	}

	/** When the system acts by itself in {@code status}, if the SOP lets it. */
	Optional<Instant> timeoutIn(ReportStatus status) {
		return this.sop.timeoutFrom(status).map(row -> this.deadlines.dueAt(this.now, row.timeout().after()));
	}

	/** When the reporter is reminded in {@code status}, before the system acts at {@code timeoutAt}. */
	Optional<Instant> reminderIn(ReportStatus status, Instant timeoutAt) {
		return this.sop.timeoutFrom(status)
			.filter(row -> row.timeout().remindAt() != null && timeoutAt != null)
			.map(row -> this.deadlines.calendar().shareOf(this.now, timeoutAt, row.timeout().remindAt()));
	}

	Instant resolutionDueAt() {
		return this.deadlines.dueAt(this.now, this.policy.resolution());
	}

	Instant ombudsmanEligibleAt() {
		return this.deadlines.dueAt(this.now, this.policy.ombudsman());
	}

	/** When the step that starts now in {@code status} is due, if it has a clock. */
	Optional<Instant> dueIn(ReportStatus status) {
		return this.sop.pendingStep(status).map(step -> this.deadlines.dueAt(this.now, step.timeStandard()));
	}

	/** When the step that starts now and is due then starts to approach its deadline. */
	Instant warningBefore(Instant due) {
		return due == null ? null : this.deadlines.warningAt(this.now, due);
	}

}
