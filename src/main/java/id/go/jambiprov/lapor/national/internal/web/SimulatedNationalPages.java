package id.go.jambiprov.lapor.national.internal.web;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import id.go.jambiprov.lapor.directory.Category;
import id.go.jambiprov.lapor.directory.Directory;
import id.go.jambiprov.lapor.national.internal.NationalOutbox;
import id.go.jambiprov.lapor.national.internal.NationalPull;
import id.go.jambiprov.lapor.national.internal.SimulatedNational;
import id.go.jambiprov.lapor.report.NationalReports;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The demo's national SP4N-LAPOR! as a newcomer sees it: send a report "from the national
 * system" and watch it arrive as FORWARDED in the coordinator's inbox; see every step the bridge
 * sent back, and write the reporter's reply there.
 */
@Controller
@ConditionalOnProperty(name = "lapor.demo.enabled", havingValue = "true")
class SimulatedNationalPages {

	static final String PAGE = "/simulator/nasional";

	/** The form of a report the national admin forwards. */
	record ForwardForm(@Nullable String title, @Nullable String text, @Nullable String category,
			@Nullable Boolean anonymous, @Nullable Boolean confidential, @Nullable String name,
			@Nullable String phone) {
	}

	/** A national report as the page lists it. */
	record Row(SimulatedNational.NationalReport report, @Nullable String ourCode, List<SimulatedNational.Step> steps) {
	}

	/** What the last action did, for the notice. */
	record Done(String key, String nationalId, @Nullable String ourCode) implements Serializable {
	}

	private final SimulatedNational national;

	private final NationalPull pull;

	private final NationalOutbox outbox;

	private final NationalReports reports;

	private final Directory directory;

	private final MessageSource messages;

	SimulatedNationalPages(SimulatedNational national, NationalPull pull, NationalOutbox outbox,
			NationalReports reports, Directory directory, MessageSource messages) {
		this.national = national;
		this.pull = pull;
		this.outbox = outbox;
		this.reports = reports;
		this.directory = directory;
		this.messages = messages;
	}

	@GetMapping(PAGE)
	String page(Model model) {
		// what the bridge still owes the national system goes out before the page shows it
		this.outbox.sendDue();
		model.addAttribute("categories", this.directory.categories().stream().filter(Category::active).toList());
		model.addAttribute("rows", this.national.all()
			.stream()
			.map(report -> new Row(report,
					report.ourCode() != null ? report.ourCode()
							: this.reports.trackingCodeOf(report.trackingId()).orElse(null),
					this.national.steps(report.trackingId())))
			.toList());
		return "simulator-national";
	}

	@PostMapping(PAGE)
	String forward(@ModelAttribute ForwardForm form, Locale locale, RedirectAttributes redirect) {
		String title = form.title() == null || form.title().isBlank()
				? this.messages.getMessage("national.simulator.default-title", null, locale) : form.title().strip();
		String text = form.text() == null || form.text().isBlank()
				? this.messages.getMessage("national.simulator.default-text", null, locale) : form.text().strip();
		SimulatedNational.NationalReport report = this.national.forward(title, text,
				form.category() == null || form.category().isBlank() ? null : form.category(),
				Boolean.TRUE.equals(form.anonymous()), Boolean.TRUE.equals(form.confidential()),
				form.name() == null || form.name().isBlank() ? null : form.name().strip(),
				form.phone() == null || form.phone().isBlank() ? null : form.phone().strip());
		// the bridge pulls every minute; the demo does not make the newcomer wait
		this.pull.pullForwarded();
		redirect.addFlashAttribute("done", new Done("national.simulator.arrived", report.trackingId(),
				this.reports.trackingCodeOf(report.trackingId()).orElse(null)));
		return "redirect:" + PAGE;
	}

	@PostMapping(PAGE + "/{id}/balas")
	String reply(@PathVariable String id, @RequestParam(name = "text", required = false) @Nullable String text,
			RedirectAttributes redirect) {
		if (text != null && !text.isBlank()) {
			this.national.reply(id, text.strip());
			this.pull.pullReplies();
			redirect.addFlashAttribute("done", new Done("national.simulator.replied", id,
					this.reports.trackingCodeOf(id).orElse(null)));
		}
		return "redirect:" + PAGE;
	}

}
