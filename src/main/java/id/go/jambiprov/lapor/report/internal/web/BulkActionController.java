package id.go.jambiprov.lapor.report.internal.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.CurrentActor;
import id.go.jambiprov.lapor.report.internal.ReportRefusal;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.web.ProblemResponses;

import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** One action on many reports: each answered on its own (see {@link BulkActions}). */
@RestController
@Tag(name = "Laporan / Reports")
class BulkActionController {

	/** The codes to act on; {@code jurisdiction} for forward. */
	record BulkBody(List<String> codes, String jurisdiction) {
	}

	/** One code's result: {@code done} with the new status, or {@code refused} with its problem. */
	record BulkOutcome(String code, String outcome, ReportStatus status, Map<String, Object> problem) {
	}

	record BulkResult(String action, int done, int refused, List<BulkOutcome> results) {
	}

	private final BulkActions bulk;

	private final CurrentActor actor;

	private final ProblemResponses problems;

	BulkActionController(BulkActions bulk, CurrentActor actor, ProblemResponses problems) {
		this.bulk = bulk;
		this.actor = actor;
		this.problems = problems;
	}

	@PostMapping("/api/v1/reports/actions/{action}")
	@Operation(summary = "Aksi massal / One action on many reports",
			description = "forward (national admin, with jurisdiction), receive (coordinator) or accept (liaison) on "
					+ "up to 100 codes: {\"codes\": [...]}. Each code is its own transaction with the checks of a "
					+ "single action; the answer (200) has one result per code: done with the new status, or refused "
					+ "with the problem+json that a single action would have answered. 400 for another action, no "
					+ "codes, too many, or forward without a jurisdiction.")
	BulkResult act(@PathVariable String action, @RequestBody(required = false) BulkBody body,
			HttpServletRequest request) {
		Actor by = this.actor.get().orElseThrow(ReportRefusal::unauthenticated);
		List<BulkActions.Outcome> outcomes = this.bulk.apply(action, body == null ? null : body.codes(),
				body == null ? null : body.jurisdiction(), by);
		Locale locale = this.problems.locale(request);
		List<BulkOutcome> results = outcomes.stream()
			.map(o -> o.done() ? new BulkOutcome(o.code(), "done", o.status(), null)
					: new BulkOutcome(o.code(), "refused", null, this.problems.body(o.problem(), locale, null)))
			.toList();
		int done = (int) outcomes.stream().filter(BulkActions.Outcome::done).count();
		return new BulkResult(action, done, outcomes.size() - done, results);
	}

}
