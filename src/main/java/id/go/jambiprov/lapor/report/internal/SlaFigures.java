package id.go.jambiprov.lapor.report.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.CurrentActor;
import id.go.jambiprov.lapor.directory.Directory;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.sop.SopDefinition;
import id.go.jambiprov.lapor.sop.TimeStandard;
import id.go.jambiprov.lapor.sop.Transition;
import id.go.jambiprov.lapor.sop.WorkingCalendar;
import id.go.jambiprov.lapor.web.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * SLA figures, a SQL read model over the timeline: for each step of the SOP and for each agency,
 * how many steps ended in the period, the share that met their deadline, and the median and
 * 90th percentile of the working time they took, beside the standard.
 */
@RestController
@Tag(name = "Statistik / Statistics")
class SlaFigures {

	record StepFigure(String step, String action, ReportStatus waitingIn, long count, Double onTimeShare,
			Double medianWorkingMinutes, Double p90WorkingMinutes, TimeStandard standard) {
	}

	record AgencyFigure(String agency, String name, long count, Double onTimeShare, Double medianWorkingMinutes,
			Double p90WorkingMinutes) {
	}

	record Figures(LocalDate from, LocalDate to, String jurisdiction, String agency, List<StepFigure> steps,
			List<AgencyFigure> agencies) {
	}

	private final JdbcClient jdbc;

	private final SopDefinition sop;

	private final Directory directory;

	private final CurrentActor actor;

	private final Clock clock;

	SlaFigures(JdbcClient jdbc, SopDefinition sop, Directory directory, CurrentActor actor, Clock clock) {
		this.jdbc = jdbc;
		this.sop = sop;
		this.directory = directory;
		this.actor = actor;
		this.clock = clock;
	}

	@GetMapping("/api/v1/stats/sla")
	@Operation(summary = "Capaian standar waktu / SLA figures per step and per agency",
			description = "Steps that ended between from and to (Jakarta dates, inclusive; default the last 30 days). "
					+ "Coordinators and supervisors see their jurisdiction, liaison officers their agency.")
	Figures figures(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
			@RequestParam(required = false) String jurisdiction, @RequestParam(required = false) String agency) {
		Actor me = this.actor.get().orElseThrow(Problems::unauthenticated);
		switch (me.role()) {
			case COORDINATOR, SUPERVISOR -> jurisdiction = me.jurisdiction();
			case LIAISON -> {
				agency = me.agency();
				jurisdiction = null;
			}
			case NATIONAL_ADMIN -> {
			}
			default -> throw Problems.forbiddenRead();
		}
		LocalDate today = LocalDate.now(this.clock.withZone(WorkingCalendar.JAKARTA));
		LocalDate last = to == null ? today : to;
		LocalDate first = from == null ? last.minusDays(29) : from;
		if (first.isAfter(last)) {
			throw new InvalidInputException.Collector().add("from", "range").asException();
		}
		Timestamp start = Timestamp.from(first.atStartOfDay(WorkingCalendar.JAKARTA).toInstant());
		Timestamp end = Timestamp.from(last.plusDays(1).atStartOfDay(WorkingCalendar.JAKARTA).toInstant());
		String scope = (jurisdiction == null ? "" : " and jurisdiction = :jurisdiction")
				+ (agency == null ? "" : " and agency = :agency");
		String measures = """
				count(*) as total, avg(case when met then 1.0 else 0.0 end) as on_time,
				percentile_cont(0.5) within group (order by working_seconds) as median,
				percentile_cont(0.9) within group (order by working_seconds) as p90""";
		var stepQuery = this.jdbc.sql("select from_status, " + measures + """
				 from timeline_entry
				where occurred_at >= :start and occurred_at < :end and due_at is not null and working_seconds is not null"""
				+ scope + " group by from_status")
			.param("start", start)
			.param("end", end);
		var agencyQuery = this.jdbc.sql("select agency, " + measures + """
				 from timeline_entry
				where occurred_at >= :start and occurred_at < :end and due_at is not null and working_seconds is not null
				  and agency is not null and from_status in ('DISPOSED', 'IN_PROGRESS')""" + scope + " group by agency order by agency")
			.param("start", start)
			.param("end", end);
		if (jurisdiction != null) {
			stepQuery = stepQuery.param("jurisdiction", jurisdiction);
			agencyQuery = agencyQuery.param("jurisdiction", jurisdiction);
		}
		if (agency != null) {
			stepQuery = stepQuery.param("agency", agency);
			agencyQuery = agencyQuery.param("agency", agency);
		}
		List<StepFigure> steps = new ArrayList<>(stepQuery.query((rs, n) -> {
			ReportStatus waiting = ReportStatus.valueOf(rs.getString("from_status"));
			Transition pending = this.sop.pendingStep(waiting).orElse(null);
			return new StepFigure(pending == null ? null : pending.step(),
					pending == null ? null : pending.action().path(), waiting, rs.getLong("total"),
					rs.getDouble("on_time"), minutes(rs.getDouble("median")), minutes(rs.getDouble("p90")),
					pending == null ? null : pending.timeStandard());
		}).list());
		steps.sort((a, b) -> Integer.compare(order(a.waitingIn()), order(b.waitingIn())));
		List<AgencyFigure> agencies = agencyQuery
			.query((rs, n) -> new AgencyFigure(rs.getString("agency"),
					this.directory.agency(rs.getString("agency")).map(a -> a.name()).orElse(rs.getString("agency")),
					rs.getLong("total"), rs.getDouble("on_time"), minutes(rs.getDouble("median")),
					minutes(rs.getDouble("p90"))))
			.list();
		return new Figures(first, last, jurisdiction, agency, steps, agencies);
	}

	private int order(ReportStatus status) {
		for (int i = 0; i < this.sop.transitions().size(); i++) {
			if (this.sop.transitions().get(i).isFrom(status)) {
				return i;
			}
		}
		return Integer.MAX_VALUE;
	}

	private static Double minutes(double seconds) {
		return Math.round(seconds / 6.0) / 10.0;
	}

}
