package id.go.jambiprov.lapor.report.internal.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

import id.go.jambiprov.lapor.report.internal.ReportRefusal;
import id.go.jambiprov.lapor.report.internal.ReportService;
import id.go.jambiprov.lapor.report.internal.ReportViews.TrackView;
import id.go.jambiprov.lapor.sop.SopDefinition;
import id.go.jambiprov.lapor.sop.Step;
import id.go.jambiprov.lapor.sop.TimeStandard;
import id.go.jambiprov.lapor.sop.Transition;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The citizen's first pages: what the service is and how a report travels, and tracking a
 * report by its code. Server-rendered, no script, every word from the message bundles.
 */
@Controller
class ReportPages {

	record StepLine(String name, String standard) {
	}

	record HistoryLine(String at, String label) {
	}

	record TrackLine(String code, String status, String dueAt, List<HistoryLine> history) {
	}

	private final SopDefinition sop;

	private final ReportService reports;

	private final MessageSource messages;

	ReportPages(SopDefinition sop, ReportService reports, MessageSource messages) {
		this.sop = sop;
		this.reports = reports;
		this.messages = messages;
	}

	@GetMapping("/")
	String home(Model model, Locale locale) {
		List<StepLine> steps = this.sop.steps().stream().map(step -> line(step, locale)).toList();
		model.addAttribute("steps", steps);
		return "home";
	}

	@GetMapping("/lacak")
	String track(@RequestParam(name = "kode", required = false) String code, Model model, Locale locale) {
		model.addAttribute("code", code);
		model.addAttribute("notFound", false);
		if (code == null || code.isBlank()) {
			return "track";
		}
		try {
			TrackView view = this.reports.track(code, null);
			List<HistoryLine> history = view.history()
				.stream()
				.map(entry -> new HistoryLine(when(entry.at(), locale),
						this.messages.getMessage("action." + entry.action(), null, entry.action(), locale)))
				.toList();
			model.addAttribute("track", new TrackLine(view.trackingCode(),
					this.messages.getMessage("status." + view.status().name(), null, locale), when(view.dueAt(), locale),
					history));
		}
		catch (ReportRefusal.OutOfScope unknown) {
			model.addAttribute("notFound", true);
		}
		return "track";
	}

	private StepLine line(Step step, Locale locale) {
		String name = "en".equals(locale.getLanguage()) ? step.nameEn() : step.name();
		TimeStandard standard = this.sop.transitions()
			.stream()
			.filter(t -> step.number().equals(t.step()) && t.timeStandard() != null)
			.map(Transition::timeStandard)
			.findFirst()
			.orElse(null);
		return new StepLine(name, standard == null ? null
				: this.messages.getMessage("unit." + standard.unit().name(), new Object[] { standard.amount() }, locale));
	}

	private static String when(OffsetDateTime time, Locale locale) {
		return PageText.when(time, locale);
	}

}
