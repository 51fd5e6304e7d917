package id.go.jambiprov.lapor.insight.internal.web;

import java.time.Clock;
import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.CurrentActor;
import id.go.jambiprov.lapor.insight.internal.SlaFigures;
import id.go.jambiprov.lapor.insight.internal.SlaFigures.Figures;
import id.go.jambiprov.lapor.sop.WorkingCalendar;
import id.go.jambiprov.lapor.web.InvalidInputException;
import id.go.jambiprov.lapor.web.ProblemException;
import id.go.jambiprov.lapor.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SLA figures for officers, scoped to the caller: coordinators and supervisors see their
 * jurisdiction, liaison officers their agency, the national admin any.
 */
@RestController
@Tag(name = "Statistik / Statistics")
class SlaFiguresController {

	private final SlaFigures figures;

	private final CurrentActor actor;

	private final Clock clock;

	SlaFiguresController(SlaFigures figures, CurrentActor actor, Clock clock) {
		this.figures = figures;
		this.actor = actor;
		this.clock = clock;
	}

	@GetMapping("/api/v1/stats/sla")
	@Operation(summary = "Capaian standar waktu / SLA figures per step and per agency",
			description = "Steps that ended between from and to (Jakarta dates, inclusive; default the last 30 days). "
					+ "Coordinators and supervisors see their jurisdiction, liaison officers their agency. "
					+ "Figures follow the timeline within seconds; percentiles are within 5%.")
	Figures figures(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(required = false) String jurisdiction, @RequestParam(required = false) String agency) {
		Actor me = this.actor.get()
			.orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED,
					"problem.unauthenticated"));
		switch (me.role()) {
			case COORDINATOR, SUPERVISOR -> jurisdiction = me.jurisdiction();
			case LIAISON -> {
				agency = me.agency();
				jurisdiction = null;
			}
			case NATIONAL_ADMIN -> {
			}
			default -> throw new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN_ACTION,
					"problem.forbidden-read");
		}
		LocalDate today = LocalDate.now(this.clock.withZone(WorkingCalendar.JAKARTA));
		LocalDate last = to == null ? today : to;
		LocalDate first = from == null ? last.minusDays(29) : from;
		if (first.isAfter(last)) {
			throw new InvalidInputException.Collector().add("from", "range").asException();
		}
		return this.figures.figures(first, last, jurisdiction, agency);
	}

}
