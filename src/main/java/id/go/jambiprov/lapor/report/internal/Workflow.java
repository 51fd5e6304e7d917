package id.go.jambiprov.lapor.report.internal;

import java.time.Instant;
import java.util.Optional;

import id.go.jambiprov.lapor.sop.Deadlines;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.sop.SopDefinition;

/**
 * What a transition needs besides the report: the SOP table, the calendar, and the moment,
 * read once from the clock by the use case.
 */
record Workflow(SopDefinition sop, Deadlines deadlines, Instant now) {

	/** When the step that starts now in {@code status} is due, if it has a clock. */
	Optional<Instant> dueIn(ReportStatus status) {
		return this.sop.pendingStep(status).map(step -> this.deadlines.dueAt(this.now, step.timeStandard()));
	}

	/** When the step that starts now and is due then starts to approach its deadline. */
	Instant warningBefore(Instant due) {
		return due == null ? null : this.deadlines.warningAt(this.now, due);
	}

}
