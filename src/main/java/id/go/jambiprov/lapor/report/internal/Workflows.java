package id.go.jambiprov.lapor.report.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import id.go.jambiprov.lapor.sop.Deadlines;
import id.go.jambiprov.lapor.sop.SopDefinition;
import id.go.jambiprov.lapor.sop.TimeStandard;
import id.go.jambiprov.lapor.sop.TimeUnit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Makes the {@link Workflow} of a use case: the SOP, the calendar, the policy of the clocks
 * beside the decree's steps, and the moment, read once from the clock.
 */
@Component
class Workflows {

	private final SopDefinition sop;

	private final Deadlines deadlines;

	private final Clock clock;

	private final Workflow.ClockPolicy policy;

	Workflows(SopDefinition sop, Deadlines deadlines, Clock clock,
			@Value("${lapor.sla.resolution-working-days:5}") int resolutionWorkingDays,
			@Value("${lapor.sla.ombudsman-days:60}") int ombudsmanDays) {
		this.sop = sop;
		this.deadlines = deadlines;
		this.clock = clock;
		this.policy = new Workflow.ClockPolicy(new TimeStandard(resolutionWorkingDays, TimeUnit.WORKING_DAYS),
				new TimeStandard(ombudsmanDays, TimeUnit.CALENDAR_DAYS));
	}

	Workflow now() {
		return at(this.clock.instant());
	}

	/** The workflow of something that happened earlier elsewhere (the national system's steps). */
	Workflow at(Instant moment) {
		return new Workflow(this.sop, this.deadlines, moment.truncatedTo(ChronoUnit.MICROS), this.policy);
	}

}
