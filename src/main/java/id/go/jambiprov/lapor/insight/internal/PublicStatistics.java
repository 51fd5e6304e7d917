package id.go.jambiprov.lapor.insight.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.jspecify.annotations.Nullable;

import id.go.jambiprov.lapor.directory.Category;
import id.go.jambiprov.lapor.directory.Directory;
import id.go.jambiprov.lapor.directory.Regency;
import id.go.jambiprov.lapor.insight.internal.MonthlyRollup.Measure;
import id.go.jambiprov.lapor.report.ReportRated;
import id.go.jambiprov.lapor.report.ReportSubmitted;
import id.go.jambiprov.lapor.report.ReportTransitioned;
import id.go.jambiprov.lapor.shared.AfterCommit;
import id.go.jambiprov.lapor.shared.Databases;
import id.go.jambiprov.lapor.sop.WorkingCalendar;
import id.go.jambiprov.lapor.shared.ReportingReads;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The public statistics (UU 14/2008): for anyone, aggregates only. Reports filed in a period by
 * status, type, category, regency and agency; the share answered within the resolution standard
 * and the average rating of the months it spans; a twelve-month trend; reports per 10,000
 * inhabitants per regency. Never a title, a text, a code or an identity. Confidential reports
 * count in the total only. A count of 1 or 2 is shown as "< 3", so that a small number cannot
 * point at a person. Answers are kept for a minute and forgotten as soon as a report changes on
 * this instance.
 */
@Component
public class PublicStatistics {

	/** Below this a count is not shown. */
	static final int SMALLEST_SHOWN = 3;

	/** One count of a breakdown; {@code count} is null when it is too small to show. */
	public record Cell(String key, String label, @Nullable Long count, boolean suppressed) {

		static Cell of(String key, String label, long count) {
			boolean small = count > 0 && count < SMALLEST_SHOWN;
			return new Cell(key, label, small ? null : count, small);
		}

	}

	/** A regency's reports, and per 10,000 inhabitants (null when suppressed or unknown). */
	public record RegencyCell(String name, @Nullable Long count, boolean suppressed, @Nullable Integer population,
			@Nullable Double perTenThousand, @Nullable Integer tileRow, @Nullable Integer tileColumn) {
	}

	/** A month of the trend; a count of 1 or 2 is null, as everywhere. */
	public record TrendPoint(YearMonth month, @Nullable Long submitted, @Nullable Long answered,
			@Nullable Double answeredOnTimeShare) {
	}

	/** {@code total} is null when it is 1 or 2 ({@code totalSuppressed}). */
	public record Statistics(LocalDate from, LocalDate to, @Nullable Long total, boolean totalSuppressed, List<Cell> byStatus, List<Cell> byType,
			List<Cell> byCategory, List<RegencyCell> byRegency, List<Cell> byAgency, long answered,
			@Nullable Double answeredOnTimeShare, long rated, @Nullable Double ratingAverage, List<Cell> ratings,
			List<TrendPoint> trend, Instant generatedAt) {
	}

	/** Labels of the keys, in the reader's language, given by the caller. */
	public interface Labels {

		String status(String status);

		String type(String type);

		String unassigned();

		String unknownRegency();

		String noCategory();

		String stars(int stars);

	}

	private final ReportingReads reads;

	private final Directory directory;

	private final Clock clock;

	private final Cache<String, Statistics> cache = Caffeine.newBuilder()
		.expireAfterWrite(Duration.ofMinutes(1))
		.maximumSize(200)
		.build();

	/** Whether the database groups by grouping sets (PostgreSQL; not the embedded H2). */
	private final boolean groupingSets;

	PublicStatistics(ReportingReads reads, Directory directory, Clock clock, DataSource dataSource) {
		this.groupingSets = Databases.isPostgreSql(dataSource);
		this.reads = reads;
		this.directory = directory;
		this.clock = clock;
	}

	/** A report changed: the figures are worked out again on the next request, once it committed. */
	@EventListener({ ReportSubmitted.class, ReportTransitioned.class, ReportRated.class })
	void forget() {
		AfterCommit.runSoon(Runnable::run, this.cache::invalidateAll);
	}

	public Statistics of(LocalDate from, LocalDate to, Labels labels, String language) {
		return this.cache.get(from + "|" + to + "|" + language, key -> compute(from, to, labels, "en".equals(language)));
	}

	/** The current month, as people read the page. */
	public YearMonth currentMonth() {
		return YearMonth.now(this.clock.withZone(WorkingCalendar.JAKARTA));
	}

	private Statistics compute(LocalDate from, LocalDate to, Labels labels, boolean english) {
		Timestamp start = Timestamp.from(from.atStartOfDay(WorkingCalendar.JAKARTA).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(WorkingCalendar.JAKARTA).toInstant());
		long total = this.reads.reads().jdbc().sql("select count(*) from report where submitted_at >= ? and submitted_at < ?")
			.params(start, end)
			.query(Long.class)
			.single();
		Map<String, Long> status = new LinkedHashMap<>();
		Map<String, Long> type = new LinkedHashMap<>();
		Map<String, Long> category = new LinkedHashMap<>();
		Map<String, Long> regency = new LinkedHashMap<>();
		Map<String, Long> agency = new LinkedHashMap<>();
		// one pass over the period's reports that are not confidential: on PostgreSQL five small
		// groupings at once (one hash table each), elsewhere every combination, added up here
		String sql = this.groupingSets ? """
				select status, type, category, location_regency, agency, count(*) as n,
				  grouping(status) as g_status, grouping(type) as g_type, grouping(category) as g_category,
				  grouping(location_regency) as g_regency, grouping(agency) as g_agency
				from report where submitted_at >= ? and submitted_at < ? and confidential = false
				group by grouping sets ((status), (type), (category), (location_regency), (agency))"""
				: """
						select status, type, category, location_regency, agency, count(*) as n,
						  0 as g_status, 0 as g_type, 0 as g_category, 0 as g_regency, 0 as g_agency
						from report where submitted_at >= ? and submitted_at < ? and confidential = false
						group by status, type, category, location_regency, agency""";
		this.reads.reads().jdbc().sql(sql).params(start, end).query(rs -> {
			long n = rs.getLong("n");
			if (rs.getInt("g_status") == 0) {
				status.merge(rs.getString("status"), n, Long::sum);
			}
			if (rs.getInt("g_type") == 0) {
				type.merge(rs.getString("type"), n, Long::sum);
			}
			if (rs.getInt("g_category") == 0) {
				category.merge(topCategory(rs.getString("category")), n, Long::sum);
			}
			if (rs.getInt("g_regency") == 0) {
				regency.merge(rs.getString("location_regency") == null ? "" : rs.getString("location_regency"), n,
						Long::sum);
			}
			if (rs.getInt("g_agency") == 0) {
				agency.merge(rs.getString("agency") == null ? "" : rs.getString("agency"), n, Long::sum);
			}
		});
		List<Cell> byStatus = cells(status, labels::status);
		List<Cell> byType = cells(type, labels::type);
		List<Cell> byCategory = cells(category,
				code -> code.isEmpty() ? labels.noCategory()
						: this.directory.category(code).map(c -> english ? c.nameEn() : c.name()).orElse(code));
		List<Cell> byAgency = cells(agency, code -> code.isEmpty() ? labels.unassigned()
				: this.directory.agency(code).map(a -> a.name()).orElse(code));
		List<RegencyCell> byRegency = new ArrayList<>();
		for (Regency place : this.directory.regencyDetails()) {
			long n = regency.getOrDefault(place.name(), 0L);
			boolean small = n > 0 && n < SMALLEST_SHOWN;
			Double rate = small || place.population() == null || place.population() == 0 ? null
					: Math.round(n * 10_000.0 / place.population() * 100) / 100.0;
			byRegency.add(new RegencyCell(place.name(), small ? null : n, small, place.population(), rate, place.tileRow(),
					place.tileColumn()));
		}

		// the months the period spans, from the monthly roll-up
		YearMonth firstMonth = YearMonth.from(from);
		YearMonth lastMonth = YearMonth.from(to);
		Map<Measure, Long> measures = new HashMap<>();
		this.reads.reads().jdbc().sql("""
				select measure, sum(n) as n from insight_monthly where figure_month between ? and ?
				group by measure""")
			.params(firstMonth.atDay(1), lastMonth.atDay(1))
			.query(rs -> {
				measures.put(Measure.valueOf(rs.getString("measure")), rs.getLong("n"));
			});
		long answered = measures.getOrDefault(Measure.ANSWERED, 0L);
		long onTime = measures.getOrDefault(Measure.ANSWERED_ON_TIME, 0L);
		long rated = 0;
		long sum = 0;
		List<Cell> ratings = new ArrayList<>();
		for (int i = 5; i >= 1; i--) {
			long n = measures.getOrDefault(Measure.rated(i), 0L);
			rated += n;
			sum += n * i;
			ratings.add(Cell.of(String.valueOf(i), labels.stars(i), n));
		}
		boolean fewRatings = rated < SMALLEST_SHOWN;
		boolean fewReports = total > 0 && total < SMALLEST_SHOWN;
		return new Statistics(from, to, fewReports ? null : total, fewReports, byStatus, byType, byCategory, byRegency, byAgency, answered,
				answered < SMALLEST_SHOWN ? null : (double) onTime / answered, fewRatings ? 0 : rated,
				fewRatings ? null : Math.round(100.0 * sum / rated) / 100.0, fewRatings ? List.of() : ratings,
				trend(to), this.clock.instant());
	}

	/** Twelve months up to the one {@code to} lies in: reports filed, answered, and the share on time. */
	private List<TrendPoint> trend(LocalDate to) {
		YearMonth last = YearMonth.from(to);
		YearMonth first = last.minusMonths(11);
		Map<YearMonth, long[]> months = new LinkedHashMap<>();
		for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
			months.put(m, new long[3]);
		}
		this.reads.reads().jdbc().sql("""
				select figure_month, measure, sum(n) as n from insight_monthly where figure_month between ? and ?
				  and measure in ('SUBMITTED', 'ANSWERED', 'ANSWERED_ON_TIME') group by figure_month, measure""")
			.params(first.atDay(1), last.atDay(1))
			.query(rs -> {
				long[] m = months.get(YearMonth.from(rs.getObject("figure_month", LocalDate.class)));
				if (m != null) {
					int index = switch (rs.getString("measure")) {
						case "SUBMITTED" -> 0;
						case "ANSWERED" -> 1;
						default -> 2;
					};
					m[index] += rs.getLong("n");
				}
			});
		List<TrendPoint> trend = new ArrayList<>();
		months.forEach((month, m) -> trend.add(new TrendPoint(month, shown(m[0]), shown(m[1]),
				m[1] < SMALLEST_SHOWN ? null : (double) m[2] / m[1])));
		return trend;
	}


	private static @Nullable Long shown(long count) {
		return count > 0 && count < SMALLEST_SHOWN ? null : count;
	}

	private String topCategory(@Nullable String code) {
		if (code == null) {
			return "";
		}
		Category category = this.directory.category(code).orElse(null);
		while (category != null && category.parent() != null) {
			category = this.directory.category(category.parent()).orElse(null);
		}
		return category == null ? code : category.code();
	}

	private static List<Cell> cells(Map<String, Long> counts, java.util.function.Function<String, String> label) {
		List<Cell> cells = new ArrayList<>();
		counts.forEach((key, n) -> cells.add(Cell.of(key, label.apply(key), n)));
		cells.sort(Comparator.comparing((Cell c) -> c.count() == null ? 0 : c.count()).reversed()
			.thenComparing(Cell::label));
		return cells;
	}

}
