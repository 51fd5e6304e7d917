package id.go.jambiprov.lapor.insight.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.jspecify.annotations.Nullable;

import id.go.jambiprov.lapor.insight.internal.PerformanceReport.Performance;
import id.go.jambiprov.lapor.insight.internal.PerformanceReport.Row;
import id.go.jambiprov.lapor.insight.internal.PerformanceReport.StepCell;
import id.go.jambiprov.lapor.shared.CsvWriter;
import id.go.jambiprov.lapor.shared.Letterhead;
import id.go.jambiprov.lapor.shared.PdfDocuments;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.sop.TimeStandard;
import id.go.jambiprov.lapor.sop.WorkingCalendar;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The monthly performance report as the files people take away: CSV for any tool, XLSX that
 * opens cleanly in Excel and LibreOffice (a sheet per section, real numbers and dates, frozen
 * header), and the PDF a Kepala Dinas signs (A4, the province's letterhead, the ranked table,
 * the charts as vector graphics, page numbers), rendered from a Thymeleaf template by
 * openhtmltopdf.
 */
@Component
public class PerformanceDocuments {

	/** The agencies' own steps, in the order of the decree. */
	static final List<ReportStatus> AGENCY_STEPS = List.of(ReportStatus.DISPOSED, ReportStatus.IN_PROGRESS);

	private final MessageSource messages;

	private final ITemplateEngine templates;

	private final Letterhead letterhead;

	PerformanceDocuments(MessageSource messages, ITemplateEngine templates, Letterhead letterhead) {
		this.messages = messages;
		this.templates = templates;
		this.letterhead = letterhead;
	}

	public String monthName(Performance performance, Locale locale) {
		return DateTimeFormatter.ofPattern("MMMM yyyy", locale).format(performance.month());
	}

	List<String> header(Locale locale) {
		List<String> header = new ArrayList<>(List.of(text("perf.col.rank", locale), text("perf.col.code", locale),
				text("perf.col.agency", locale), text("perf.col.received", locale), text("perf.col.answered", locale),
				text("perf.col.answered-on-time", locale), text("perf.col.answered-on-time-share", locale),
				text("perf.col.closed", locale), text("perf.col.closed-share", locale),
				text("perf.col.closed-by-system", locale)));
		for (ReportStatus step : AGENCY_STEPS) {
			String name = text("perf.step." + step, locale);
			header.add(text("perf.col.step-on-time", locale, name));
			header.add(text("perf.col.step-median", locale, name));
			header.add(text("perf.col.step-p90", locale, name));
		}
		header.addAll(List.of(text("perf.col.overdue", locale), text("perf.col.rating", locale),
				text("perf.col.rated", locale), text("perf.col.change-received", locale),
				text("perf.col.change-points", locale)));
		return header;
	}

	/** A row's cells, as numbers where they are numbers (shares as per cent, times in working minutes). */
	List<Object> cells(Row row, boolean province) {
		List<Object> cells = new ArrayList<>(List.of(province ? "" : row.rank(), row.code(), row.name(), row.received(),
				row.answered(), row.answeredOnTime()));
		cells.add(percent(row.answeredOnTimeShare()));
		cells.add(row.closed());
		cells.add(percent(row.closedShare()));
		cells.add(row.closedBySystem());
		for (ReportStatus status : AGENCY_STEPS) {
			StepCell step = step(row, status);
			cells.add(step == null ? null : percent(step.onTimeShare()));
			cells.add(step == null ? null : step.medianWorkingMinutes());
			cells.add(step == null ? null : step.p90WorkingMinutes());
		}
		cells.add(row.overdueAtMonthEnd());
		cells.add(row.ratingAverage());
		cells.add(row.rated());
		cells.add(row.change().received());
		cells.add(row.change().answeredOnTimePoints());
		return cells;
	}

	public @Nullable StepCell accept(Row row) {
		return step(row, ReportStatus.DISPOSED);
	}

	public @Nullable StepCell answer(Row row) {
		return step(row, ReportStatus.IN_PROGRESS);
	}

	public String standard(@Nullable TimeStandard standard, Locale locale) {
		return standard == null ? "-" : text("unit." + standard.unit(), locale, standard.amount());
	}

	static @Nullable StepCell step(Row row, ReportStatus waitingIn) {
		return row.steps().stream().filter(s -> s.waitingIn() == waitingIn).findFirst().orElse(null);
	}

	static @Nullable Double percent(@Nullable Double share) {
		return share == null ? null : Math.round(share * 1000) / 10.0;
	}

	public void csv(Performance performance, Locale locale, OutputStream out) {
		try (CsvWriter csv = new CsvWriter(out)) {
			csv.line(header(locale));
			csv.line(cells(performance.total(), true));
			for (Row row : performance.agencies()) {
				csv.line(cells(row, false));
			}
		}
	}

	public void xlsx(Performance performance, Locale locale, OutputStream out) {
		try {
			Workbook workbook = new Workbook(out, "LAPOR Jambi", "1.0");
			// 1. summary: the province and each step of the decree
			Worksheet summary = workbook.newWorksheet(text("perf.sheet.summary", locale));
			summary.value(0, 0, text("perf.title", locale, monthName(performance, locale)));
			summary.style(0, 0).bold().set();
			summary.value(1, 0, text("perf.generated", locale, ""));
			summary.value(1, 1, LocalDateTime.ofInstant(performance.generatedAt(), WorkingCalendar.JAKARTA));
			summary.style(1, 1).format("yyyy-mm-dd hh:mm").set();
			List<String> stepHeader = List.of(text("perf.col.step", locale), text("perf.col.action", locale),
					text("perf.col.count", locale), text("perf.col.on-time-share", locale),
					text("perf.col.median", locale), text("perf.col.p90", locale));
			header(summary, 3, stepHeader);
			int r = 4;
			for (StepCell step : performance.total().steps()) {
				summary.value(r, 0, step.step());
				summary.value(r, 1, step.action() == null ? null : text("action." + step.action(), locale));
				summary.value(r, 2, step.count());
				number(summary, r, 3, percent(step.onTimeShare()));
				number(summary, r, 4, step.medianWorkingMinutes());
				number(summary, r, 5, step.p90WorkingMinutes());
				r++;
			}
			widths(summary, stepHeader.size());
			summary.width(1, 30);
			summary.freezePane(0, 4);
			// 2. the ranked agencies, the province first
			Worksheet agencies = workbook.newWorksheet(text("perf.sheet.agencies", locale));
			List<String> header = header(locale);
			header(agencies, 0, header);
			row(agencies, 1, cells(performance.total(), true));
			agencies.style(1, 2).bold().set();
			int line = 2;
			for (Row row : performance.agencies()) {
				row(agencies, line++, cells(row, false));
			}
			widths(agencies, header.size());
			agencies.width(2, 45);
			agencies.freezePane(3, 1);
			// 3. the ratings
			Worksheet ratings = workbook.newWorksheet(text("perf.sheet.ratings", locale));
			List<String> ratingHeader = new ArrayList<>(List.of(text("perf.col.code", locale),
					text("perf.col.agency", locale), text("perf.col.rated", locale), text("perf.col.rating", locale)));
			for (int i = 1; i <= 5; i++) {
				ratingHeader.add(text("perf.col.stars", locale, i));
			}
			header(ratings, 0, ratingHeader);
			line = 1;
			List<Row> all = new ArrayList<>();
			all.add(performance.total());
			all.addAll(performance.agencies());
			for (Row row : all) {
				ratings.value(line, 0, row.code());
				ratings.value(line, 1, row.name());
				ratings.value(line, 2, row.rated());
				number(ratings, line, 3, row.ratingAverage());
				for (int i = 0; i < 5; i++) {
					ratings.value(line, 4 + i, row.ratings()[i]);
				}
				line++;
			}
			widths(ratings, ratingHeader.size());
			ratings.width(1, 45);
			ratings.freezePane(2, 1);
			workbook.finish();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static void header(Worksheet sheet, int row, List<String> header) {
		for (int c = 0; c < header.size(); c++) {
			sheet.value(row, c, header.get(c));
		}
		sheet.range(row, 0, row, header.size() - 1).style().bold().wrapText(true).fillColor("E4E7EB").set();
	}

	private static void row(Worksheet sheet, int row, List<Object> cells) {
		for (int c = 0; c < cells.size(); c++) {
			Object cell = cells.get(c);
			if (cell instanceof Number n) {
				number(sheet, row, c, n);
			}
			else if (cell != null && !cell.toString().isEmpty()) {
				sheet.value(row, c, cell.toString());
			}
		}
	}

	private static void number(Worksheet sheet, int row, int column, @Nullable Number value) {
		if (value != null) {
			sheet.value(row, column, value);
			if (value instanceof Double) {
				sheet.style(row, column).format("0.0").set();
			}
		}
	}

	private static void widths(Worksheet sheet, int columns) {
		for (int c = 0; c < columns; c++) {
			sheet.width(c, 14);
		}
	}

	/** The signed document: A4, letterhead, the ranked table and the charts. */
	public byte[] pdf(Performance performance, Locale locale) {
		Context context = new Context(locale);
		context.setVariable("p", performance);
		context.setVariable("monthName", monthName(performance, locale));
		context.setVariables(this.letterhead.variables());
		context.setVariable("generated", DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", locale)
			.format(performance.generatedAt().atZone(WorkingCalendar.JAKARTA)));
		context.setVariable("chart", onTimeChart(performance, locale, 480));
		context.setVariable("docs", this);
		return PdfDocuments.render(this.templates.process("documents/performance", context));
	}

	/** The share of answers within the resolution standard per agency, as bars. */
	public String onTimeChart(Performance performance, Locale locale, int width) {
		List<Svg.Bar> bars = new ArrayList<>();
		for (Row row : performance.agencies()) {
			if (row.answered() > 0) {
				Double percent = percent(row.answeredOnTimeShare());
				bars.add(new Svg.Bar(row.name(), percent == null ? 0 : percent,
						text("perf.chart.value", locale, String.format(locale, "%.1f", percent), row.answered())));
			}
		}
		return Svg.bars(text("perf.chart.title", locale, monthName(performance, locale)), bars, 100, width);
	}

	/** Working minutes as people read them: minutes, hours or working days of 8 hours. */
	public String duration(@Nullable Double minutes, Locale locale) {
		if (minutes == null) {
			return "-";
		}
		if (minutes < 60) {
			return text("perf.minutes", locale, String.format(locale, "%.0f", minutes));
		}
		if (minutes < 8 * 60) {
			return text("perf.hours", locale, String.format(locale, "%.1f", minutes / 60));
		}
		return text("perf.days", locale, String.format(locale, "%.1f", minutes / (8 * 60)));
	}

	public String share(@Nullable Double share, Locale locale) {
		return share == null ? "-" : String.format(locale, "%.1f%%", share * 100);
	}

	public String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
