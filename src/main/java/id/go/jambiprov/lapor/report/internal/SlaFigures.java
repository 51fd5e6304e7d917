package id.go.jambiprov.lapor.report.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.CurrentActor;
import id.go.jambiprov.lapor.directory.Directory;
import id.go.jambiprov.lapor.sop.Action;
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
 * SLA figures, a SQL read model over the daily roll-up of the timeline: for each step of the SOP
 * and for each agency, how many steps ended in the period, the share that met their deadline,
 * and the median and 90th percentile of the working time they took (read from log-scale
 * histograms, within 5 per cent), beside the standard. The roll-up runs every minute and leaves
 * the last two minutes for the next run.
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
					+ "Coordinators and supervisors see their jurisdiction, liaison officers their agency. "
					+ "Figures follow the timeline within about three minutes; percentiles are within 5%.")
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
		String scope = (jurisdiction == null ? "" : " and jurisdiction = :jurisdiction")
				+ (agency == null ? "" : " and agency = :agency");
		var stepQuery = this.jdbc.sql("""
				select from_status as grouping, bucket, sum(entries) as entries, sum(met) as met
				from sla_figure_daily where figure_day between :first and :last""" + scope
				+ " group by from_status, bucket order by from_status, bucket")
			.param("first", first)
			.param("last", last);
		var agencyQuery = this.jdbc.sql("""
				select agency as grouping, bucket, sum(entries) as entries, sum(met) as met
				from sla_figure_daily where figure_day between :first and :last and agency <> ''
				  and from_status in ('DISPOSED', 'IN_PROGRESS')""" + scope + " group by agency, bucket order by agency, bucket")
			.param("first", first)
			.param("last", last);
		if (jurisdiction != null) {
			stepQuery = stepQuery.param("jurisdiction", jurisdiction);
			agencyQuery = agencyQuery.param("jurisdiction", jurisdiction);
		}
		if (agency != null) {
			stepQuery = stepQuery.param("agency", agency);
			agencyQuery = agencyQuery.param("agency", agency);
		}
		List<StepFigure> steps = new ArrayList<>();
		histograms(stepQuery).forEach((status, histogram) -> {
			boolean filing = SlaFigureRollup.FILED.equals(status);
			ReportStatus waiting = filing ? null : ReportStatus.valueOf(status);
			Transition pending = filing ? this.sop.initial(Action.SUBMIT) : this.sop.pendingStep(waiting).orElse(null);
			steps.add(new StepFigure(pending == null ? null : pending.step(),
					pending == null ? null : pending.action().path(), waiting, histogram.entries(), histogram.onTime(),
					histogram.minutes(0.5), histogram.minutes(0.9), pending == null ? null : pending.timeStandard()));
		});
		steps.sort((a, b) -> Integer.compare(order(a.waitingIn()), order(b.waitingIn())));
		List<AgencyFigure> agencies = new ArrayList<>();
		histograms(agencyQuery).forEach((code, histogram) -> agencies.add(new AgencyFigure(code,
				this.directory.agency(code).map(a -> a.name()).orElse(code), histogram.entries(), histogram.onTime(),
				histogram.minutes(0.5), histogram.minutes(0.9))));
		return new Figures(first, last, jurisdiction, agency, steps, agencies);
	}

	/** Counts per duration bucket of one group (a step or an agency). */
	private record Histogram(List<long[]> buckets, long entries, long met) {

		Double onTime() {
			return this.entries == 0 ? null : (double) this.met / this.entries;
		}

		Double minutes(double share) {
			Double seconds = SlaFigureRollup.percentile(this.buckets, share);
			return seconds == null ? null : Math.round(seconds / 6.0) / 10.0;
		}

	}

	private static Map<String, Histogram> histograms(JdbcClient.StatementSpec query) {
		Map<String, List<long[]>> buckets = new LinkedHashMap<>();
		Map<String, long[]> totals = new LinkedHashMap<>();
		query.query(rs -> {
			String group = rs.getString("grouping");
			buckets.computeIfAbsent(group, g -> new ArrayList<>())
				.add(new long[] { rs.getInt("bucket"), rs.getLong("entries") });
			long[] total = totals.computeIfAbsent(group, g -> new long[2]);
			total[0] += rs.getLong("entries");
			total[1] += rs.getLong("met");
		});
		Map<String, Histogram> histograms = new LinkedHashMap<>();
		buckets.forEach((group, list) -> histograms.put(group,
				new Histogram(list, totals.get(group)[0], totals.get(group)[1])));
		return histograms;
	}

	private int order(ReportStatus status) {
		if (status == null) {
			return -1; // the filing comes first
		}
		for (int i = 0; i < this.sop.transitions().size(); i++) {
			if (this.sop.transitions().get(i).isFrom(status)) {
				return i;
			}
		}
		return Integer.MAX_VALUE;
	}

}
