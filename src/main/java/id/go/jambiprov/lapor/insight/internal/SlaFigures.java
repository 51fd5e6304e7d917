package id.go.jambiprov.lapor.insight.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import id.go.jambiprov.lapor.directory.Directory;
import id.go.jambiprov.lapor.sop.Action;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.sop.SopDefinition;
import id.go.jambiprov.lapor.sop.TimeStandard;
import id.go.jambiprov.lapor.sop.Transition;
import id.go.jambiprov.lapor.shared.ReportingReads;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.springframework.stereotype.Component;

/**
 * SLA figures, a SQL read model over the daily roll-up of the timeline: for each step of the SOP
 * and for each agency, how many steps ended in the period, the share that met their deadline,
 * and the median and 90th percentile of the working time they took (read from log-scale
 * histograms, within 5 per cent), beside the standard. The roll-up follows the transitions
 * within seconds (it is fed by their events).
 */
@Component
public class SlaFigures {

	public record StepFigure(String step, String action, ReportStatus waitingIn, long count, Double onTimeShare,
			Double medianWorkingMinutes, Double p90WorkingMinutes, TimeStandard standard) {
	}

	public record AgencyFigure(String agency, String name, long count, Double onTimeShare, Double medianWorkingMinutes,
			Double p90WorkingMinutes) {
	}

	public record Figures(LocalDate from, LocalDate to, String jurisdiction, String agency, List<StepFigure> steps,
			List<AgencyFigure> agencies) {
	}

	private final ReportingReads reads;

	private final SopDefinition sop;

	private final Directory directory;

	SlaFigures(ReportingReads reads, SopDefinition sop, Directory directory) {
		this.reads = reads;
		this.sop = sop;
		this.directory = directory;
	}

	/**
	 * The figures of the steps that ended between {@code first} and {@code last} (Jakarta dates,
	 * inclusive), in a jurisdiction or of an agency when given.
	 */
	public Figures figures(LocalDate first, LocalDate last, String jurisdiction, String agency) {
		return figures(DAILY, first, last, jurisdiction, agency);
	}

	/** The figures of the steps that ended in a month, from the monthly roll-up (a few thousand rows). */
	public Figures month(YearMonth month, String jurisdiction) {
		return figures(MONTHLY, month.atDay(1), month.atDay(1), jurisdiction, null);
	}

	/** A roll-up table and its period column. */
	private record Rollup(String table, String period) {
	}

	private static final Rollup DAILY = new Rollup("sla_figure_daily", "figure_day");

	private static final Rollup MONTHLY = new Rollup("sla_figure_monthly", "figure_month");

	private Figures figures(Rollup rollup, LocalDate first, LocalDate last, String jurisdiction, String agency) {
		String scope = (jurisdiction == null ? "" : " and jurisdiction = :jurisdiction")
				+ (agency == null ? "" : " and agency = :agency");
		var stepQuery = this.reads.reads().jdbc().sql("select from_status as grouping, bucket, sum(entries) as entries, sum(met) as met from "
				+ rollup.table() + " where " + rollup.period() + " between :first and :last" + scope
				+ " group by from_status, bucket order by from_status, bucket")
			.param("first", first)
			.param("last", last);
		var agencyQuery = this.reads.reads().jdbc().sql("select agency as grouping, bucket, sum(entries) as entries, sum(met) as met from "
				+ rollup.table() + " where " + rollup.period() + " between :first and :last and agency <> ''"
				+ " and from_status in ('DISPOSED', 'IN_PROGRESS')" + scope + " group by agency, bucket order by agency, bucket")
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

	/**
	 * The figures of the agencies' own steps (accepting and answering a disposition) that ended
	 * in a month, per agency and per status the step waited in, from the monthly roll-up.
	 */
	public Map<String, Map<ReportStatus, StepFigure>> agencySteps(YearMonth month, String jurisdiction) {
		var query = this.reads.reads().jdbc().sql("""
				select agency || '|' || from_status as grouping, bucket, sum(entries) as entries, sum(met) as met
				from sla_figure_monthly where figure_month = :first and agency <> ''
				  and from_status in ('DISPOSED', 'IN_PROGRESS')"""
				+ (jurisdiction == null ? "" : " and jurisdiction = :jurisdiction")
				+ " group by agency, from_status, bucket order by agency, from_status, bucket")
			.param("first", month.atDay(1));
		if (jurisdiction != null) {
			query = query.param("jurisdiction", jurisdiction);
		}
		Map<String, Map<ReportStatus, StepFigure>> figures = new LinkedHashMap<>();
		histograms(query).forEach((key, histogram) -> {
			String[] parts = key.split("\\|", 2);
			ReportStatus waiting = ReportStatus.valueOf(parts[1]);
			Transition pending = this.sop.pendingStep(waiting).orElse(null);
			figures.computeIfAbsent(parts[0], a -> new LinkedHashMap<>())
				.put(waiting, new StepFigure(pending == null ? null : pending.step(),
						pending == null ? null : pending.action().path(), waiting, histogram.entries(),
						histogram.onTime(), histogram.minutes(0.5), histogram.minutes(0.9),
						pending == null ? null : pending.timeStandard()));
		});
		return figures;
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
