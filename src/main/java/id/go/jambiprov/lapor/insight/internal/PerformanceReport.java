package id.go.jambiprov.lapor.insight.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import id.go.jambiprov.lapor.directory.Agency;
import id.go.jambiprov.lapor.directory.Directory;
import id.go.jambiprov.lapor.insight.internal.MonthlyRollup.Measure;
import id.go.jambiprov.lapor.insight.internal.SlaFigures.StepFigure;
import id.go.jambiprov.lapor.report.ReportRated;
import id.go.jambiprov.lapor.report.ReportSubmitted;
import id.go.jambiprov.lapor.report.ReportTransitioned;
import id.go.jambiprov.lapor.shared.AfterCommit;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.sop.TimeStandard;
import id.go.jambiprov.lapor.shared.ReportingReads;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The monthly performance of the agencies, the figures a Kepala Dinas signs and sends up to the
 * Governor: per agency, reports received, answered, answered within the resolution standard,
 * closed, the on-time share and working time of its steps, what was still overdue at month end,
 * the rating, and the change against the month before; the province's totals first. Read from
 * the monthly roll-up and the SLA roll-up (both fed by events) and, for the steps still open,
 * from the reports themselves.
 */
@Component
public class PerformanceReport {

	/** How one of a row's steps did in the month. */
	public record StepCell(@Nullable String step, @Nullable String action, @Nullable ReportStatus waitingIn, long count,
			@Nullable Double onTimeShare, @Nullable Double medianWorkingMinutes, @Nullable Double p90WorkingMinutes,
			@Nullable TimeStandard standard) {

		static StepCell of(StepFigure figure) {
			return new StepCell(figure.step(), figure.action(), figure.waitingIn(), figure.count(), figure.onTimeShare(),
					figure.medianWorkingMinutes(), figure.p90WorkingMinutes(), figure.standard());
		}

	}

	/** The change against the month before. */
	public record Change(long received, @Nullable Double answeredOnTimePoints) {
	}

	/** One agency's month, or the province's. */
	public record Row(int rank, String code, String name, long received, long answered, long answeredOnTime,
			@Nullable Double answeredOnTimeShare, long closed, @Nullable Double closedShare, long closedBySystem,
			List<StepCell> steps, long overdueAtMonthEnd, @Nullable Double ratingAverage, long rated,
			long[] ratings, Change change) {
	}

	public record Performance(YearMonth month, @Nullable String jurisdiction, LocalDate firstDay, LocalDate lastDay,
			Row total, List<Row> agencies, Instant generatedAt) {
	}

	/** One month's counts of one agency (or of the whole scope). */
	private static final class Counts {

		final Map<Measure, Long> measures = new EnumMap<>(Measure.class);

		long openOverdue;

		long get(Measure measure) {
			return this.measures.getOrDefault(measure, 0L);
		}

		void add(Measure measure, long n) {
			this.measures.merge(measure, n, Long::sum);
		}

		long received(boolean province) {
			return get(province ? Measure.FORWARDED : Measure.DISPOSED);
		}

		Double onTimeShare() {
			return share(get(Measure.ANSWERED_ON_TIME), get(Measure.ANSWERED));
		}

	}

	private static final String TOTAL = "";

	private final ReportingReads reads;

	private final SlaFigures slaFigures;

	private final Directory directory;

	private final Clock clock;

	private final Cache<String, Performance> cache = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(1))
		.maximumSize(500)
		.build();

	PerformanceReport(ReportingReads reads, SlaFigures slaFigures, Directory directory, Clock clock) {
		this.reads = reads;
		this.slaFigures = slaFigures;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * The month's performance of the agencies of a jurisdiction, or of every agency when
	 * {@code jurisdiction} is null.
	 */
	public Performance month(YearMonth month, @Nullable String jurisdiction) {
		return this.cache.get(month + "|" + jurisdiction, key -> compute(month, jurisdiction));
	}

	/**
	 * A report changed: figures are worked out again on the next request, once it committed.
	 * Otherwise a month is kept for a minute (other instances' changes show within it).
	 */
	@EventListener({ ReportSubmitted.class, ReportTransitioned.class, ReportRated.class })
	void forget() {
		AfterCommit.runSoon(Runnable::run, this.cache::invalidateAll);
	}

	private Performance compute(YearMonth month, @Nullable String jurisdiction) {
		LocalDate first = month.atDay(1);
		LocalDate last = month.atEndOfMonth();
		Map<String, Counts> now = counts(month, jurisdiction);
		Map<String, Counts> before = counts(month.minusMonths(1), jurisdiction);
		var provinceSteps = this.slaFigures.month(month, jurisdiction).steps();
		var agencySteps = this.slaFigures.agencySteps(month, jurisdiction);

		Set<String> codes = new LinkedHashSet<>();
		for (Agency agency : this.directory.agencies()) {
			boolean inScope = jurisdiction == null || jurisdiction.equals(agency.jurisdiction());
			boolean active = agency.validFrom() == null || !agency.validFrom().isAfter(last);
			active &= agency.validUntil() == null || !agency.validUntil().isBefore(first);
			if (inScope && (active || now.containsKey(agency.code()))) {
				codes.add(agency.code());
			}
		}
		codes.addAll(now.keySet());
		codes.remove(TOTAL);

		List<Row> rows = new ArrayList<>();
		for (String code : codes) {
			Counts counts = now.getOrDefault(code, new Counts());
			Counts previous = before.getOrDefault(code, new Counts());
			List<StepCell> steps = new ArrayList<>();
			agencySteps.getOrDefault(code, Map.of()).values().forEach(step -> steps.add(StepCell.of(step)));
			rows.add(row(0, code, this.directory.agency(code).map(Agency::name).orElse(code), counts, previous, steps,
					false));
		}
		rows.sort(Comparator.comparing((Row r) -> r.answeredOnTimeShare() == null ? -1 : r.answeredOnTimeShare())
			.reversed()
			.thenComparing(Comparator.comparingLong(Row::answered).reversed())
			.thenComparing(Row::name));
		List<Row> ranked = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			Row r = rows.get(i);
			ranked.add(new Row(i + 1, r.code(), r.name(), r.received(), r.answered(), r.answeredOnTime(),
					r.answeredOnTimeShare(), r.closed(), r.closedShare(), r.closedBySystem(), r.steps(),
					r.overdueAtMonthEnd(), r.ratingAverage(), r.rated(), r.ratings(), r.change()));
		}
		Counts total = now.getOrDefault(TOTAL, new Counts());
		Counts totalBefore = before.getOrDefault(TOTAL, new Counts());
		String name = jurisdiction == null ? null
				: this.directory.jurisdiction(jurisdiction).map(j -> j.name()).orElse(jurisdiction);
		Row province = row(0, jurisdiction == null ? TOTAL : jurisdiction, name == null ? TOTAL : name, total,
				totalBefore, provinceSteps.stream().map(StepCell::of).toList(), true);
		return new Performance(month, jurisdiction, first, last, province, List.copyOf(ranked), this.clock.instant());
	}

	private static Row row(int rank, String code, String name, Counts counts, Counts previous, List<StepCell> steps,
			boolean province) {
		long[] ratings = new long[5];
		long rated = 0;
		long sum = 0;
		for (int i = 1; i <= 5; i++) {
			ratings[i - 1] = counts.get(Measure.rated(i));
			rated += ratings[i - 1];
			sum += i * ratings[i - 1];
		}
		long received = counts.received(province);
		Double onTime = counts.onTimeShare();
		Double onTimeBefore = previous.onTimeShare();
		return new Row(rank, code, name, received, counts.get(Measure.ANSWERED), counts.get(Measure.ANSWERED_ON_TIME),
				onTime, counts.get(Measure.CLOSED), share(counts.get(Measure.CLOSED), received),
				counts.get(Measure.CLOSED_BY_SYSTEM), steps,
				counts.get(Measure.OVERDUE_AT_MONTH_END) + counts.openOverdue,
				rated == 0 ? null : Math.round(100.0 * sum / rated) / 100.0, rated, ratings,
				new Change(received - previous.received(province),
						onTime == null || onTimeBefore == null ? null : Math.round(1000 * (onTime - onTimeBefore)) / 10.0));
	}

	/** The month's counts per agency, and the scope's total under {@link #TOTAL}. */
	private Map<String, Counts> counts(YearMonth month, @Nullable String jurisdiction) {
		Map<String, Counts> counts = new HashMap<>();
		this.reads.reads().jdbc().sql("select agency, measure, sum(n) as n from insight_monthly where figure_month = :month"
				+ (jurisdiction == null ? "" : " and jurisdiction = :jurisdiction") + " group by agency, measure")
			.param("month", month.atDay(1))
			.params(jurisdiction == null ? Map.of() : Map.of("jurisdiction", jurisdiction))
			.query(rs -> {
				Measure measure = Measure.valueOf(rs.getString("measure"));
				long n = rs.getLong("n");
				String agency = rs.getString("agency");
				if (!agency.isEmpty()) {
					counts.computeIfAbsent(agency, a -> new Counts()).add(measure, n);
				}
				counts.computeIfAbsent(TOTAL, a -> new Counts()).add(measure, n);
			});
		// steps still open today that were already overdue when the month ended (or are now)
		Instant end = MonthlyRollup.monthEnd(month);
		Instant asOf = end.isAfter(this.clock.instant()) ? this.clock.instant() : end;
		this.reads.reads().jdbc().sql("""
				select case when status in ('DISPOSED', 'IN_PROGRESS') then coalesce(agency, '') else '' end as holder,
				  count(*) as n
				from report where step_due_at < :asOf and status_since <= :asOf"""
				+ (jurisdiction == null ? "" : " and jurisdiction = :jurisdiction")
				+ " group by case when status in ('DISPOSED', 'IN_PROGRESS') then coalesce(agency, '') else '' end")
			.param("asOf", Timestamp.from(asOf))
			.params(jurisdiction == null ? Map.of() : Map.of("jurisdiction", jurisdiction))
			.query(rs -> {
				long n = rs.getLong("n");
				String holder = rs.getString("holder");
				if (!holder.isEmpty()) {
					counts.computeIfAbsent(holder, a -> new Counts()).openOverdue += n;
				}
				counts.computeIfAbsent(TOTAL, a -> new Counts()).openOverdue += n;
			});
		return counts;
	}

	static @Nullable Double share(long part, long whole) {
		return whole == 0 ? null : (double) part / whole;
	}

	/** Months with figures, for the month picker: from the first counted month to the current one. */
	public List<YearMonth> months() {
		YearMonth current = YearMonth.now(this.clock.withZone(id.go.jambiprov.lapor.sop.WorkingCalendar.JAKARTA));
		LocalDate first = this.reads.reads().jdbc().sql("select min(figure_month) from insight_monthly")
			.query(LocalDate.class)
			.optional()
			.orElse(null);
		List<YearMonth> months = new ArrayList<>();
		YearMonth month = first == null ? current : YearMonth.from(first);
		if (month.isAfter(current)) {
			month = current;
		}
		for (; !month.isAfter(current); month = month.plusMonths(1)) {
			months.add(0, month);
		}
		return months;
	}

}
