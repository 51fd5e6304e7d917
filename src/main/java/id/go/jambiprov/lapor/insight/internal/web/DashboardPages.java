package id.go.jambiprov.lapor.insight.internal.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import id.go.jambiprov.lapor.insight.internal.Dashboard;
import id.go.jambiprov.lapor.insight.internal.Dashboard.AgencyLine;
import id.go.jambiprov.lapor.insight.internal.Dashboard.Sort;
import id.go.jambiprov.lapor.insight.internal.Dashboard.StatusCount;
import id.go.jambiprov.lapor.insight.internal.Dashboard.View;
import id.go.jambiprov.lapor.insight.internal.DashboardCharts;
import id.go.jambiprov.lapor.insight.internal.web.InsightScope.Scope;
import id.go.jambiprov.lapor.national.NationalBacklog;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The officers' dashboard at {@code /petugas/dasbor}: the SOP as a flowchart with live counts,
 * the agencies' table with their twelve-month trend, satisfaction. With htmx the live part
 * refreshes itself every minute; without scripts it is a plain page with a reload link. The same
 * figures as JSON at {@code /api/v1/dashboard}.
 */
@Controller
class DashboardPages {

	private final Dashboard dashboard;

	private final DashboardCharts charts;

	private final InsightScope scope;

	private final NationalBacklog national;

	DashboardPages(Dashboard dashboard, DashboardCharts charts, InsightScope scope, NationalBacklog national) {
		this.dashboard = dashboard;
		this.charts = charts;
		this.scope = scope;
		this.national = national;
	}

	@GetMapping("/petugas/dasbor")
	String page(@RequestParam(name = "urut", required = false) String sort,
			@RequestParam(name = "arah", required = false) String direction, Model model, Locale locale) {
		Scope scope = this.scope.dashboard();
		Sort by = Sort.parse(sort);
		boolean descending = direction == null ? by != Sort.NAME : !"naik".equals(direction);
		View view = this.dashboard.view(scope.jurisdiction(), scope.agency(), by, descending);
		model.addAttribute("view", view);
		model.addAttribute("updatedAt", java.time.format.DateTimeFormatter.ofPattern("HH:mm")
			.format(view.at().atZone(id.go.jambiprov.lapor.sop.WorkingCalendar.JAKARTA)));
		model.addAttribute("sort", by.name().toLowerCase(Locale.ROOT).replace('_', '-'));
		model.addAttribute("descending", descending);
		model.addAttribute("flowchart", this.charts.flowchart(view, locale));
		List<String> sparklines = new ArrayList<>();
		List<List<String>> trendCells = new ArrayList<>();
		for (AgencyLine line : view.agencies()) {
			sparklines.add(this.charts.sparkline(line, view, locale));
			trendCells.add(this.charts.trendCells(line, locale));
		}
		// written here once rather than by four template expressions in each of 600 cells
		model.addAttribute("trendCells", trendCells);
		model.addAttribute("sparklines", sparklines);
		model.addAttribute("openStatuses", view.statuses().stream().filter(s -> !s.status().isFinal()).toList());
		model.addAttribute("finalStatuses", view.statuses().stream().filter(StatusCount::thisMonth).toList());
		model.addAttribute("ratingBars", this.charts.ratings(view, locale));
		model.addAttribute("agencyName", scope.agency() == null ? null : this.dashboard.agencyName(scope.agency()));
		model.addAttribute("charts", this.charts);
		if (scope.agency() == null) {
			// the calls still owed to SP4N-LAPOR!: the centre sees them, an agency has no part in them
			model.addAttribute("national", this.national.backlog());
		}
		return "dashboard";
	}

	@GetMapping("/api/v1/dashboard")
	@ResponseBody
	@io.swagger.v3.oas.annotations.Operation(summary = "Dasbor petugas / Officers' dashboard figures",
			description = "Live counts per status (overdue included; closed and archived this month), per agency "
					+ "open, overdue, on-time shares this month, rating, and a twelve-month trend. National admin: all; "
					+ "coordinator and supervisor: their jurisdiction; liaison: their agency.")
	View api(@RequestParam(name = "sort", required = false) String sort) {
		Scope scope = this.scope.dashboard();
		Sort by = Sort.parse(sort);
		return this.dashboard.view(scope.jurisdiction(), scope.agency(), by, by != Sort.NAME);
	}

}
