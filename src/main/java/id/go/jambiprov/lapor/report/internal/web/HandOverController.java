package id.go.jambiprov.lapor.report.internal.web;

import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.CurrentActor;
import id.go.jambiprov.lapor.report.internal.AgencyHandOver;
import id.go.jambiprov.lapor.report.internal.ReportRefusal;
import id.go.jambiprov.lapor.web.ProblemException;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The hand-over of an ended agency's open reports to its successor: listed on the inbox page
 * for the coordinator ({@code /petugas}), done in one action there or through the API.
 */
@Controller
@Tag(name = "Laporan / Reports")
class HandOverController {

	private final AgencyHandOver handOver;

	private final CurrentActor actor;

	private final MessageSource messages;

	HandOverController(AgencyHandOver handOver, CurrentActor actor, MessageSource messages) {
		this.handOver = handOver;
		this.actor = actor;
		this.messages = messages;
	}

	/** An ended agency with open reports, as the API names it. */
	record PendingView(String agency, String name, String endedOn, String successor, int openReports) {
	}

	@GetMapping("/api/v1/agencies/hand-overs")
	@ResponseBody
	@Operation(summary = "OPD berakhir dengan laporan terbuka / Ended agencies that still hold open reports",
			description = "For the coordinator (their jurisdiction) and the national admin; successor is null when "
					+ "the directory names no active one.")
	List<PendingView> pending() {
		return this.handOver.pending(officer())
			.stream()
			.map(p -> new PendingView(p.agency().code(), p.agency().name(), p.agency().validUntil().toString(),
					p.successor() == null ? null : p.successor().code(), p.openReports()))
			.toList();
	}

	@PostMapping("/api/v1/agencies/{code}/hand-over")
	@ResponseBody
	@Operation(summary = "Serahkan laporan OPD yang berakhir / Hand an ended agency's open reports to its successor",
			description = "Every open report of the agency goes to its successor, each with a timeline entry "
					+ "(action hand-over); status and deadlines stay. 409 agency-active before the agency's last day "
					+ "passed, 409 no-successor without an active successor; 404 for an agency of another jurisdiction.")
	AgencyHandOver.Result handOver(@PathVariable String code) {
		return this.handOver.handOver(code, officer());
	}

	@PostMapping("/petugas/opd/{code}/serahkan")
	String handOverPage(@PathVariable String code, RedirectAttributes redirect, Locale locale) {
		try {
			AgencyHandOver.Result result = this.handOver.handOver(code, officer());
			redirect.addFlashAttribute("handOverDone", this.messages.getMessage("handover.done",
					new Object[] { result.handedOver().size(), result.agency(), result.successor() }, locale));
		}
		catch (ProblemException refused) {
			redirect.addFlashAttribute("handOverProblem",
					this.messages.getMessage(refused.getMessageCode(), refused.getArguments(), locale));
		}
		return "redirect:/petugas";
	}

	private Actor officer() {
		return this.actor.get().orElseThrow(ReportRefusal::unauthenticated);
	}

}
