package id.go.jambiprov.lapor.insight.internal.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import id.go.jambiprov.lapor.insight.internal.PublicStatistics;
import id.go.jambiprov.lapor.insight.internal.PublicStatistics.Cell;
import id.go.jambiprov.lapor.insight.internal.PublicStatistics.Labels;
import id.go.jambiprov.lapor.insight.internal.PublicStatistics.RegencyCell;
import id.go.jambiprov.lapor.insight.internal.PublicStatistics.Statistics;
import id.go.jambiprov.lapor.insight.internal.PublicStatistics.TrendPoint;
import id.go.jambiprov.lapor.insight.internal.StatisticsMap;
import id.go.jambiprov.lapor.shared.CsvWriter;
import id.go.jambiprov.lapor.web.InvalidInputException;

import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The public statistics for anyone, without signing in: the page {@code /statistik} (this month
 * beside this year, the trend, the map) and {@code /api/v1/statistics} as JSON or CSV.
 */
@Controller
@Tag(name = "Statistik / Statistics")
class StatisticsPages {

	/** A row of a breakdown: this month beside this year. */
	record Line(String label, String month, String year) {
	}

	private final PublicStatistics statistics;

	private final StatisticsMap map;

	private final MessageSource messages;

	StatisticsPages(PublicStatistics statistics, StatisticsMap map, MessageSource messages) {
		this.statistics = statistics;
		this.map = map;
		this.messages = messages;
	}

	@GetMapping("/statistik")
	String page(Model model, Locale locale) {
		YearMonth month = this.statistics.currentMonth();
		Labels labels = labels(locale);
		Statistics thisMonth = this.statistics.of(month.atDay(1), month.atEndOfMonth(), labels, locale.getLanguage());
		Statistics thisYear = this.statistics.of(LocalDate.of(month.getYear(), 1, 1), month.atEndOfMonth(), labels,
				locale.getLanguage());
		model.addAttribute("month", thisMonth);
		model.addAttribute("year", thisYear);
		model.addAttribute("monthName", DateTimeFormatter.ofPattern("MMMM yyyy", locale).format(month));
		model.addAttribute("yearName", String.valueOf(month.getYear()));
		model.addAttribute("statuses", lines(thisMonth.byStatus(), thisYear.byStatus(), locale));
		model.addAttribute("types", lines(thisMonth.byType(), thisYear.byType(), locale));
		model.addAttribute("categories", lines(thisMonth.byCategory(), thisYear.byCategory(), locale));
		model.addAttribute("agencies", lines(thisMonth.byAgency(), thisYear.byAgency(), locale));
		model.addAttribute("ratings", lines(thisMonth.ratings(), thisYear.ratings(), locale));
		model.addAttribute("trend", thisYear.trend());
		model.addAttribute("trendChart", trendChart(thisYear.trend(), locale));
		model.addAttribute("mapSvg", mapSvg(thisYear.byRegency(), locale));
		model.addAttribute("mapFromBoundaries", this.map.fromBoundaries());
		model.addAttribute("view", this);
		return "statistics";
	}

	@GetMapping(path = "/api/v1/statistics", params = "format!=csv")
	@Operation(summary = "Statistik publik / Public statistics",
			description = "For anyone. Reports filed between from and to (Jakarta dates, inclusive; default this year "
					+ "to date) by status, type, category, regency (with reports per 10,000 inhabitants) and agency; "
					+ "the share answered on time and the average rating of the months the period spans; a 12-month "
					+ "trend. Aggregates only: confidential reports count in the total only, and a count of 1 or 2 is "
					+ "given as null with suppressed=true (shown as \"< 3\"). format=json (default) or csv.")
	ResponseEntity<Statistics> api(@RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, @RequestParam(required = false) String format, Locale locale) {
		if (format != null && !format.isBlank() && !format.strip().equalsIgnoreCase("json")) {
			throw new InvalidInputException.Collector().add("format", "format", "json, csv").asException();
		}
		return ResponseEntity.ok()
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(1)).cachePublic())
			.body(figures(from, to, locale));
	}

	@GetMapping(path = "/api/v1/statistics", params = "format=csv")
	@Operation(summary = "Statistik publik sebagai CSV / Public statistics as CSV")
	ResponseEntity<StreamingResponseBody> csv(@RequestParam(required = false) LocalDate from,
			@RequestParam(required = false) LocalDate to, Locale locale) {
		Statistics figures = figures(from, to, locale);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
			.header("Content-Disposition", ContentDisposition.attachment()
				.filename("statistik-" + figures.from() + "-" + figures.to() + ".csv").build().toString())
			.cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(1)).cachePublic())
			.body(out -> csv(figures, locale, out));
	}

	private Statistics figures(LocalDate from, LocalDate to, Locale locale) {
		YearMonth month = this.statistics.currentMonth();
		LocalDate last = to == null ? month.atEndOfMonth() : to;
		LocalDate first = from == null ? LocalDate.of(last.getYear(), 1, 1) : from;
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		if (first.isAfter(last)) {
			errors.add("from", "range");
		}
		if (first.plusYears(5).isBefore(last)) {
			errors.add("to", "range");
		}
		errors.throwIfAny();
		return this.statistics.of(first, last, labels(locale), locale.getLanguage());
	}

	private void csv(Statistics figures, Locale locale, java.io.OutputStream out) {
		try (CsvWriter csv = new CsvWriter(out)) {
			csv.line(List.of(text("stats.csv.section", locale), text("stats.csv.key", locale),
					text("stats.csv.label", locale), text("stats.csv.count", locale)));
			csv.line(List.of("total", "", text("stats.total", locale), count(figures.total(), locale)));
			section(csv, "status", figures.byStatus(), locale);
			section(csv, "type", figures.byType(), locale);
			section(csv, "category", figures.byCategory(), locale);
			section(csv, "agency", figures.byAgency(), locale);
			for (RegencyCell regency : figures.byRegency()) {
				csv.line(List.of("regency", regency.name(), regency.name(),
						regency.suppressed() ? text("stats.small", locale) : regency.count()));
			}
			section(csv, "rating", figures.ratings(), locale);
			for (TrendPoint point : figures.trend()) {
				csv.line(List.of("submitted-per-month", point.month().toString(), point.month().toString(),
						count(point.submitted(), locale)));
			}
		}
	}

	private void section(CsvWriter csv, String name, List<Cell> cells, Locale locale) {
		for (Cell cell : cells) {
			csv.line(List.of(name, cell.key(), cell.label(), cell.suppressed() ? text("stats.small", locale) : cell.count()));
		}
	}

	/** This month's and this year's cells side by side, by key, in the year's order. */
	private List<Line> lines(List<Cell> month, List<Cell> year, Locale locale) {
		Map<String, Cell> byKey = new LinkedHashMap<>();
		month.forEach(c -> byKey.put(c.key(), c));
		List<Line> lines = new ArrayList<>();
		for (Cell cell : year) {
			Cell inMonth = byKey.get(cell.key());
			lines.add(new Line(cell.label(), inMonth == null ? "0" : shown(inMonth, locale), shown(cell, locale)));
		}
		return lines;
	}

	String shown(Cell cell, Locale locale) {
		return cell.suppressed() ? text("stats.small", locale) : String.valueOf(cell.count());
	}

	public String shown(RegencyCell cell, Locale locale) {
		return cell.suppressed() ? text("stats.small", locale) : String.valueOf(cell.count());
	}

	/** A count as the page writes it: "< 3" for one too small to show (null). */
	public Object count(Long count, Locale locale) {
		return count == null ? text("stats.small", locale) : count;
	}

	public String percent(Double share, Locale locale) {
		return share == null ? "-" : String.format(locale, "%.0f%%", share * 100);
	}

	public String rate(Double rate, Locale locale) {
		return rate == null ? "-" : String.format(locale, "%.2f", rate);
	}

	public String monthLabel(YearMonth month, Locale locale) {
		return DateTimeFormatter.ofPattern("MMM yyyy", locale).format(month);
	}

	private String trendChart(List<TrendPoint> trend, Locale locale) {
		StringBuilder svg = new StringBuilder();
		long max = trend.stream().mapToLong(p -> p.submitted() == null ? 0 : p.submitted()).max().orElse(0);
		int bar = 30;
		int height = 120;
		int width = trend.size() * (bar + 8);
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 ").append(width)
			.append(' ').append(height + 18).append("\" width=\"").append(width).append("\" height=\"").append(height + 18)
			.append("\" font-family=\"system-ui, Helvetica, Arial, sans-serif\" font-size=\"10\"><title>")
			.append(escape(text("stats.trend.title", locale))).append("</title>");
		for (int i = 0; i < trend.size(); i++) {
			TrendPoint point = trend.get(i);
			// a month too small to show is drawn as the smallest visible bar
			long submitted = point.submitted() == null ? Math.min(max, 2) : point.submitted();
			int h = max == 0 ? 0 : Math.max(point.submitted() == null ? 2 : 0,
					(int) Math.round((double) submitted / max * (height - 14)));
			int x = i * (bar + 8);
			svg.append("<rect x=\"").append(x).append("\" y=\"").append(height - h).append("\" width=\"").append(bar)
				.append("\" height=\"").append(h).append("\" fill=\"#0b5d3b\"/>");
			svg.append("<text x=\"").append(x + bar / 2).append("\" y=\"").append(height + 12)
				.append("\" text-anchor=\"middle\" fill=\"#1b1f23\">")
				.append(escape(DateTimeFormatter.ofPattern("MMM", locale).format(point.month()))).append("</text>");
		}
		return svg.append("</svg>").toString();
	}

	private String mapSvg(List<RegencyCell> regencies, Locale locale) {
		double max = regencies.stream().filter(r -> r.perTenThousand() != null)
			.mapToDouble(RegencyCell::perTenThousand).max().orElse(0);
		double[] bounds = StatisticsMap.classes(max);
		List<String> legend = new ArrayList<>();
		for (double bound : max <= 0 ? new double[0] : bounds) {
			legend.add(text("stats.map.legend", locale, String.format(locale, "%.2f", bound)));
		}
		return this.map.svg(regencies, text("stats.map.title", locale), r -> shortName(r.name()) + "\n"
				+ (r.perTenThousand() == null ? shown(r, locale) : rate(r.perTenThousand(), locale)) + "\n"
				+ text("stats.map.reports", locale, shown(r, locale)), legend);
	}

	private static String shortName(String name) {
		return name.replace("Kabupaten ", "").replace("Tanjung Jabung", "Tanjab");
	}

	private static String escape(String text) {
		return org.springframework.web.util.HtmlUtils.htmlEscape(text, "UTF-8");
	}

	private Labels labels(Locale locale) {
		return new Labels() {

			@Override
			public String status(String status) {
				return text("status." + status, locale);
			}

			@Override
			public String type(String type) {
				return text("type." + type, locale);
			}

			@Override
			public String unassigned() {
				return text("stats.unassigned", locale);
			}

			@Override
			public String unknownRegency() {
				return text("stats.no-regency", locale);
			}

			@Override
			public String noCategory() {
				return text("stats.no-category", locale);
			}

			@Override
			public String stars(int stars) {
				return text("perf.col.stars", locale, stars);
			}

		};
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
