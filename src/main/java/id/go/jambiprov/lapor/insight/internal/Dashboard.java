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
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import id.go.jambiprov.lapor.directory.Agency;
import id.go.jambiprov.lapor.directory.Directory;
import id.go.jambiprov.lapor.insight.internal.MonthlyRollup.Measure;
import id.go.jambiprov.lapor.insight.internal.PerformanceReport.Performance;
import id.go.jambiprov.lapor.insight.internal.PerformanceReport.Row;
import id.go.jambiprov.lapor.report.ReportRated;
import id.go.jambiprov.lapor.report.ReportSubmitted;
import id.go.jambiprov.lapor.report.ReportTransitioned;
import id.go.jambiprov.lapor.shared.AfterCommit;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.sop.WorkingCalendar;
import id.go.jambiprov.lapor.shared.ReportingReads;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The officers' dashboard: every status of the SOP with its live count and how many are
 * overdue (open statuses counted on the reports themselves through the inbox indexes; the final
 * ones, closed and archived, this month from the monthly roll-up), and per agency what is open,
 * overdue, on time this month, rated, and the last twelve months of answers on time.
 */
@Component
public class Dashboard {

	public record StatusCount(ReportStatus status, long count, long overdue, boolean thisMonth) {
	}

	public record AgencyLine(String code, String name, long open, long overdue, @Nullable Double acceptOnTimeShare,
			@Nullable Double answerOnTimeShare, long answered, @Nullable Double answeredOnTimeShare,
			@Nullable Double ratingAverage, long rated, List<@Nullable Double> trend, List<Long> trendAnswered) {
	}

	public record Satisfaction(@Nullable Double average, long rated, long closed, @Nullable Double ratedShare,
			long[] distribution) {
	}

	public record View(@Nullable String jurisdiction, @Nullable String agency, Instant at, YearMonth month,
			List<StatusCount> statuses, List<AgencyLine> agencies, Satisfaction satisfaction, List<YearMonth> trendMonths) {

		public StatusCount status(ReportStatus status) {
			return this.statuses.stream().filter(s -> s.status() == status).findFirst()
				.orElse(new StatusCount(status, 0, 0, status.isFinal()));
		}

	}

	/** The columns the agency table sorts by. */
	public enum Sort {

		NAME, OPEN, OVERDUE, ON_TIME, RATING;

		public static Sort parse(@Nullable String value) {
			if (value == null) {
				return OVERDUE;
			}
			try {
				return valueOf(value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
			}
			catch (IllegalArgumentException unknown) {
				return OVERDUE;
			}
		}

	}

	private static final int TREND_MONTHS = 12;

	private final ReportingReads reads;

	private final PerformanceReport performance;

	private final Directory directory;

	private final Clock clock;

	private final Cache<String, View> cache = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofSeconds(30))
		.maximumSize(500)
		.build();

	Dashboard(ReportingReads reads, PerformanceReport performance, Directory directory, Clock clock) {
		this.reads = reads;
		this.performance = performance;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * The dashboard of a scope: a jurisdiction (or all when null), or one agency.
	 * @param descending whether the table runs from the highest value down
	 */
	public View view(@Nullable String jurisdiction, @Nullable String agency, Sort sort, boolean descending) {
		View view = this.cache.get(jurisdiction + "|" + agency, key -> compute(jurisdiction, agency));
		List<AgencyLine> lines = new ArrayList<>(view.agencies());
		lines.sort(comparator(sort, descending));
		return new View(view.jurisdiction(), view.agency(), view.at(), view.month(), view.statuses(), List.copyOf(lines),
				view.satisfaction(), view.trendMonths());
	}

	/**
	 * A report changed: the dashboard is worked out again on the next request, once it committed.
	 * Otherwise it is kept for half a minute (deadlines passing and other instances' changes show
	 * within it; the page says when its figures were taken).
	 */
	@EventListener({ ReportSubmitted.class, ReportTransitioned.class, ReportRated.class })
	void forget() {
		AfterCommit.runSoon(Runnable::run, this.cache::invalidateAll);
	}

	private View compute(@Nullable String jurisdiction, @Nullable String agency) {
		Instant now = this.clock.instant();
		YearMonth month = YearMonth.from(now.atZone(WorkingCalendar.JAKARTA));
		List<StatusCount> statuses = statuses(jurisdiction, agency, now, month);
		Performance figures = this.performance.month(month, jurisdiction);
		Map<String, long[]> open = openPerAgency(jurisdiction, agency, now);
		Map<String, List<long[]>> trends = trends(jurisdiction, month);
		List<AgencyLine> lines = new ArrayList<>();
		for (Row row : figures.agencies()) {
			if (agency != null && !agency.equals(row.code())) {
				continue;
			}
			long[] counts = open.getOrDefault(row.code(), new long[2]);
			var accept = PerformanceDocuments.step(row, ReportStatus.DISPOSED);
			var answer = PerformanceDocuments.step(row, ReportStatus.IN_PROGRESS);
			List<@Nullable Double> trend = new ArrayList<>();
			List<Long> answered = new ArrayList<>();
			for (long[] m : trends.getOrDefault(row.code(), emptyTrend())) {
				answered.add(m[0]);
				trend.add(m[0] == 0 ? null : (double) m[1] / m[0]);
			}
			lines.add(new AgencyLine(row.code(), row.name(), counts[0], counts[1],
					accept == null ? null : accept.onTimeShare(), answer == null ? null : answer.onTimeShare(),
					row.answered(), row.answeredOnTimeShare(), row.ratingAverage(), row.rated(), trend, answered));
		}
		List<YearMonth> months = new ArrayList<>();
		for (int i = TREND_MONTHS - 1; i >= 0; i--) {
			months.add(month.minusMonths(i));
		}
		Row scope = agency == null ? figures.total()
				: figures.agencies().stream().filter(r -> r.code().equals(agency)).findFirst().orElse(figures.total());
		long[] distribution = scope.ratings();
		Satisfaction satisfaction = new Satisfaction(scope.ratingAverage(), scope.rated(), scope.closed(),
				PerformanceReport.share(Math.min(scope.rated(), scope.closed()), scope.closed()), distribution);
		return new View(jurisdiction, agency, now, month, statuses, lines, satisfaction, months);
	}

	private static Comparator<AgencyLine> comparator(Sort sort, boolean descending) {
		Comparator<AgencyLine> byName = Comparator.comparing(AgencyLine::name);
		Comparator<AgencyLine> order = switch (sort) {
			case NAME -> byName;
			case OPEN -> Comparator.comparingLong(AgencyLine::open);
			case OVERDUE -> Comparator.comparingLong(AgencyLine::overdue);
			case ON_TIME -> Comparator.comparingDouble(
					(AgencyLine l) -> l.answeredOnTimeShare() == null ? -1 : l.answeredOnTimeShare());
			case RATING -> Comparator.comparingDouble((AgencyLine l) -> l.ratingAverage() == null ? -1 : l.ratingAverage());
		};
		if (descending) {
			order = order.reversed();
		}
		return sort == Sort.NAME ? order : order.thenComparing(byName);
	}

	private List<StatusCount> statuses(@Nullable String jurisdiction, @Nullable String agency, Instant now,
			YearMonth month) {
		Map<ReportStatus, StatusCount> counts = new EnumMap<>(ReportStatus.class);
		List<String> open = new ArrayList<>();
		for (ReportStatus status : ReportStatus.values()) {
			if (!status.isFinal()) {
				open.add(status.name());
			}
		}
		String scope = agency != null ? " and agency = :agency" : jurisdiction != null ? " and jurisdiction = :jurisdiction" : "";
		Map<String, Object> params = new HashMap<>();
		params.put("open", open);
		params.put("now", Timestamp.from(now));
		if (agency != null) {
			params.put("agency", agency);
		}
		else if (jurisdiction != null) {
			params.put("jurisdiction", jurisdiction);
		}
		this.reads.reads().jdbc().sql("""
				select status, count(*) as n, sum(case when step_due_at < :now then 1 else 0 end) as late
				from report where status in (:open)""" + scope + " group by status")
			.params(params)
			.query(rs -> {
				ReportStatus status = ReportStatus.valueOf(rs.getString("status"));
				counts.put(status, new StatusCount(status, rs.getLong("n"), rs.getLong("late"), false));
			});
		// the final statuses: this month, from the roll-up
		Map<String, Object> monthly = new HashMap<>(params);
		monthly.put("month", month.atDay(1));
		this.reads.reads().jdbc().sql("select measure, sum(n) as n from insight_monthly where figure_month = :month"
				+ " and measure in ('CLOSED', 'ARCHIVED')" + scope + " group by measure")
			.params(monthly)
			.query(rs -> {
				ReportStatus status = ReportStatus.valueOf(rs.getString("measure"));
				counts.put(status, new StatusCount(status, rs.getLong("n"), 0, true));
			});
		List<StatusCount> list = new ArrayList<>();
		for (ReportStatus status : ReportStatus.values()) {
			list.add(counts.getOrDefault(status, new StatusCount(status, 0, 0, status.isFinal())));
		}
		return list;
	}

	/** Per agency: reports it holds (dispositioned, in progress) and how many of them are overdue. */
	private Map<String, long[]> openPerAgency(@Nullable String jurisdiction, @Nullable String agency, Instant now) {
		Map<String, long[]> open = new HashMap<>();
		Map<String, Object> params = new HashMap<>();
		params.put("now", Timestamp.from(now));
		String scope = "";
		if (agency != null) {
			scope = " and agency = :agency";
			params.put("agency", agency);
		}
		else if (jurisdiction != null) {
			scope = " and jurisdiction = :jurisdiction";
			params.put("jurisdiction", jurisdiction);
		}
		this.reads.reads().jdbc().sql("""
				select agency, count(*) as n, sum(case when step_due_at < :now then 1 else 0 end) as late
				from report where status in ('DISPOSED', 'IN_PROGRESS')""" + scope + " group by agency")
			.params(params)
			.query(rs -> {
				open.put(rs.getString("agency"), new long[] { rs.getLong("n"), rs.getLong("late") });
			});
		return open;
	}

	/** Twelve months of first answers and answers on time per agency, oldest first. */
	private Map<String, List<long[]>> trends(@Nullable String jurisdiction, YearMonth month) {
		YearMonth first = month.minusMonths(TREND_MONTHS - 1);
		Map<String, List<long[]>> trends = new HashMap<>();
		Map<String, Object> params = new HashMap<>();
		params.put("first", first.atDay(1));
		params.put("last", month.atDay(1));
		if (jurisdiction != null) {
			params.put("jurisdiction", jurisdiction);
		}
		this.reads.reads().jdbc().sql("""
				select agency, figure_month, measure, sum(n) as n from insight_monthly
				where figure_month between :first and :last and agency <> ''
				  and measure in ('ANSWERED', 'ANSWERED_ON_TIME')"""
				+ (jurisdiction == null ? "" : " and jurisdiction = :jurisdiction")
				+ " group by agency, figure_month, measure")
			.params(params)
			.query(rs -> {
				List<long[]> trend = trends.computeIfAbsent(rs.getString("agency"), a -> emptyTrend());
				YearMonth at = YearMonth.from(rs.getObject("figure_month", LocalDate.class));
				int index = (int) (first.until(at, java.time.temporal.ChronoUnit.MONTHS));
				Measure measure = Measure.valueOf(rs.getString("measure"));
				trend.get(index)[measure == Measure.ANSWERED ? 0 : 1] += rs.getLong("n");
			});
		return trends;
	}

	private static List<long[]> emptyTrend() {
		List<long[]> trend = new ArrayList<>();
		for (int i = 0; i < TREND_MONTHS; i++) {
			trend.add(new long[2]);
		}
		return trend;
	}

	/** The agency's name for a liaison officer's heading. */
	public String agencyName(String code) {
		return this.directory.agency(code).map(Agency::name).orElse(code);
	}

}
