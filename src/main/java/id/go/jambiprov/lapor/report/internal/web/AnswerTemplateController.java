package id.go.jambiprov.lapor.report.internal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.CurrentActor;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.directory.Category;
import id.go.jambiprov.lapor.directory.Directory;
import id.go.jambiprov.lapor.report.internal.AnswerTemplates;
import id.go.jambiprov.lapor.report.internal.AnswerTemplates.Template;
import id.go.jambiprov.lapor.report.internal.AnswerTemplates.TemplateBody;
import id.go.jambiprov.lapor.report.internal.ReportRefusal;
import id.go.jambiprov.lapor.report.internal.ReportService;
import id.go.jambiprov.lapor.web.FormErrors;
import id.go.jambiprov.lapor.web.InvalidInputException;
import id.go.jambiprov.lapor.web.ProblemException;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Answer templates: the API, the coordinator's page that keeps them, and the piece of the report
 * page that fills a chosen template into an action's text (htmx; without scripts the choice is
 * filled in when the form is sent with the text left empty).
 */
@Controller
@Tag(name = "Templat jawaban / Answer templates")
class AnswerTemplateController {

	static final String PAGE = "/petugas/templat";

	/** A template as the API shows it; {@code filled} when asked for a report. */
	record TemplateView(long id, String jurisdiction, String action, String category, String title, String body,
			String filled, String updatedAt, String updatedBy) {
	}

	record Choice(String value, String label) {
	}

	private final AnswerTemplates templates;

	private final ReportService reports;

	private final Directory directory;

	private final CurrentActor actor;

	private final MessageSource messages;

	AnswerTemplateController(AnswerTemplates templates, ReportService reports, Directory directory, CurrentActor actor,
			MessageSource messages) {
		this.templates = templates;
		this.reports = reports;
		this.directory = directory;
		this.actor = actor;
		this.messages = messages;
	}

	// ---- API ------------------------------------------------------------------------------

	@GetMapping("/api/v1/answer-templates")
	@ResponseBody
	@Operation(summary = "Daftar templat jawaban / The answer templates",
			description = "Officers of a jurisdiction (the national admin: all, or jurisdiction=). action= answer, hold, "
					+ "archive or return; category= gives that category's templates first, then those for any "
					+ "category. With report=<code> (in the caller's scope) each carries its text filled for that "
					+ "report: {kode}, {tenggat} (the current step's deadline), {opd}, {nama_opd}.")
	List<TemplateView> list(@RequestParam(required = false) String action,
			@RequestParam(required = false) String category, @RequestParam(required = false) String jurisdiction,
			@RequestParam(required = false) String report) {
		Actor by = officer();
		Optional<ReportService.ReportFacts> facts = report == null || report.isBlank() ? Optional.empty()
				: Optional.of(this.reports.templateFacts(report, Optional.of(by)));
		return this.templates.list(by, action, category, jurisdiction)
			.stream()
			.map(t -> view(t, facts.map(f -> this.templates.fill(t, f)).orElse(null)))
			.toList();
	}

	@PostMapping("/api/v1/answer-templates")
	@ResponseBody
	@Operation(summary = "Tambah templat / Add a template", description = "The coordinator (their jurisdiction) or the "
			+ "national admin (with jurisdiction). 400 for an unknown action, category or placeholder.")
	ResponseEntity<TemplateView> create(@RequestBody(required = false) TemplateBody body) {
		return ResponseEntity.status(HttpStatus.CREATED).body(view(this.templates.create(body, officer()), null));
	}

	@PutMapping("/api/v1/answer-templates/{id}")
	@ResponseBody
	@Operation(summary = "Ubah templat / Change a template")
	TemplateView update(@PathVariable long id, @RequestBody(required = false) TemplateBody body) {
		return view(this.templates.update(id, body, officer()), null);
	}

	@DeleteMapping("/api/v1/answer-templates/{id}")
	@ResponseBody
	@Operation(summary = "Hapus templat / Delete a template")
	ResponseEntity<Void> delete(@PathVariable long id) {
		this.templates.delete(id, officer());
		return ResponseEntity.noContent().build();
	}

	// ---- pages ----------------------------------------------------------------------------

	@GetMapping(PAGE)
	String page(@RequestParam(required = false) Long edit, Model model, Locale locale) {
		Actor by = keeper();
		Template editing = edit == null ? null : this.templates.find(edit, by).orElseThrow(ReportRefusal::notFound);
		return show(by, editing == null ? null : new TemplateBody(editing.action(), editing.category(),
				editing.title(), editing.body(), editing.jurisdiction()), editing == null ? null : editing.id(), Map.of(),
				model, locale);
	}

	@PostMapping(PAGE)
	String save(@RequestParam(required = false) Long id, @RequestParam(required = false) String action,
			@RequestParam(required = false) String category, @RequestParam(required = false) String title,
			@RequestParam(required = false) String body, @RequestParam(required = false) String jurisdiction,
			Model model, Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		Actor by = keeper();
		TemplateBody given = new TemplateBody(action, category, title, body, jurisdiction);
		try {
			Template saved = id == null ? this.templates.create(given, by) : this.templates.update(id, given, by);
			redirect.addFlashAttribute("saved", saved.title());
			return "redirect:" + PAGE;
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(by, given, id, FormErrors.of(invalid, this.messages, locale), model, locale);
		}
	}

	@PostMapping(PAGE + "/{id}/hapus")
	String remove(@PathVariable long id, RedirectAttributes redirect) {
		Actor by = keeper();
		Template gone = this.templates.find(id, by).orElseThrow(ReportRefusal::notFound);
		this.templates.delete(id, by);
		redirect.addFlashAttribute("deleted", gone.title());
		return "redirect:" + PAGE;
	}

	/**
	 * The action's text field with the chosen template filled for the report (htmx swaps it in);
	 * with no template chosen, the field empty again.
	 */
	@GetMapping("/petugas/laporan/{code}/templat")
	String fill(@PathVariable String code, @RequestParam String action, @RequestParam(required = false) Long template,
			Model model) {
		Actor by = officer();
		String field = AnswerTemplates.fieldOf(action).orElseThrow(ReportRefusal::notFound);
		ReportService.ReportFacts facts = this.reports.templateFacts(code, Optional.of(by));
		String text = template == null ? "" : this.templates.find(template, by)
			.map(t -> this.templates.fill(t, facts))
			.orElseThrow(ReportRefusal::notFound);
		model.addAttribute("id", action + "-" + field);
		model.addAttribute("name", field);
		model.addAttribute("text", text);
		return "fragments :: template-text";
	}

	private String show(Actor by, TemplateBody form, Long editing, Map<String, String> errors, Model model,
			Locale locale) {
		Map<String, List<Template>> byAction = new LinkedHashMap<>();
		for (String action : List.of("answer", "hold", "archive", "return")) {
			byAction.put(action, List.of());
		}
		this.templates.list(by, null, null, null).forEach(t -> byAction.merge(t.action(), List.of(t),
				(a, b) -> Stream.concat(a.stream(), b.stream()).toList()));
		model.addAttribute("byAction", byAction);
		model.addAttribute("form", form == null ? new TemplateBody("answer", null, "", "", null) : form);
		model.addAttribute("editing", editing);
		model.addAttribute("errors", errors);
		model.addAttribute("national", by.role() == Role.NATIONAL_ADMIN);
		model.addAttribute("jurisdictions", this.directory.jurisdictions());
		model.addAttribute("categories", this.directory.categories()
			.stream()
			.filter(Category::active)
			.map(c -> new Choice(c.code(), c.name(locale)))
			.toList());
		model.addAttribute("categoryNames", this.directory.categories()
			.stream()
			.collect(Collectors.toMap(Category::code, c -> c.name(locale), (a, b) -> a)));
		return "templates";
	}

	private TemplateView view(Template t, String filled) {
		return new TemplateView(t.id(), t.jurisdiction(), t.action(), t.category(), t.title(), t.body(), filled,
				t.updatedAt().toString(), t.updatedBy());
	}

	private Actor officer() {
		return this.actor.get().orElseThrow(ReportRefusal::unauthenticated);
	}

	/** The coordinator or the national admin, who keep the templates. */
	private Actor keeper() {
		Actor by = officer();
		if (by.role() != Role.COORDINATOR && by.role() != Role.NATIONAL_ADMIN) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "forbidden-action",
					"problem.template-forbidden");
		}
		return by;
	}

}
