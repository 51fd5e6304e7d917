package id.go.jambiprov.lapor.insight.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import id.go.jambiprov.lapor.insight.internal.Dashboard.AgencyLine;
import id.go.jambiprov.lapor.insight.internal.Dashboard.StatusCount;
import id.go.jambiprov.lapor.insight.internal.Dashboard.View;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.sop.SopDefinition;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/** The dashboard's charts, drawn on the server: the SOP flowchart, the sparklines, the ratings. */
@Component
public class DashboardCharts {

	private final SopDefinition sop;

	private final MessageSource messages;

	DashboardCharts(SopDefinition sop, MessageSource messages) {
		this.sop = sop;
		this.messages = messages;
	}

	public String flowchart(View view, Locale locale) {
		return SopFlowchart.svg(this.sop, status -> {
			StatusCount count = view.status(status);
			String link = UriComponentsBuilder.fromPath("/petugas").queryParam("status", status.name()).toUriString();
			return new SopFlowchart.Box(text("status." + status, locale), count.count(), count.overdue(), link,
					text("dash.box.overdue", locale, count.overdue()),
					text(count.thisMonth() ? "dash.box.month" : "dash.box.count", locale, count.count()));
		}, text("dash.flow.title", locale));
	}

	public String sparkline(AgencyLine line, View view, Locale locale) {
		return Svg.sparkline(text("dash.trend.title", locale, line.name()), line.trend(), 120, 28);
	}

	/** The twelve months of an agency as the trend table writes them: "75% (8)", or "-" without answers. */
	public List<String> trendCells(AgencyLine line, Locale locale) {
		List<String> cells = new ArrayList<>(line.trend().size());
		for (int i = 0; i < line.trend().size(); i++) {
			Double share = line.trend().get(i);
			cells.add(share == null ? "-" : percent(share, locale) + " (" + line.trendAnswered().get(i) + ")");
		}
		return cells;
	}

	public String ratings(View view, Locale locale) {
		List<Svg.Bar> bars = new ArrayList<>();
		long[] distribution = view.satisfaction().distribution();
		long most = 0;
		for (long n : distribution) {
			most = Math.max(most, n);
		}
		for (int i = 5; i >= 1; i--) {
			bars.add(new Svg.Bar(text("perf.col.stars", locale, i), distribution[i - 1],
					String.valueOf(distribution[i - 1])));
		}
		return Svg.bars(text("dash.ratings.title", locale), bars, Math.max(1, most), 360);
	}

	public String month(java.time.YearMonth month, Locale locale) {
		return DateTimeFormatter.ofPattern("MMM yyyy", locale).format(month);
	}

	public String percent(@Nullable Double share, Locale locale) {
		return share == null ? "-" : String.format(locale, "%.0f%%", share * 100);
	}

	public boolean isFinal(ReportStatus status) {
		return status.isFinal();
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
