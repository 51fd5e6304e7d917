package id.go.jambiprov.lapor.report.internal.web;

import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.CurrentActor;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.directory.Agency;
import id.go.jambiprov.lapor.directory.Directory;
import id.go.jambiprov.lapor.report.Channel;
import id.go.jambiprov.lapor.report.internal.AgencyHandOver;
import id.go.jambiprov.lapor.report.internal.AnswerTemplates;
import id.go.jambiprov.lapor.report.internal.SensitiveRouting;
import id.go.jambiprov.lapor.report.internal.Attachments;
import id.go.jambiprov.lapor.report.internal.ClockState;
import id.go.jambiprov.lapor.report.internal.InboxQuery;
import id.go.jambiprov.lapor.report.internal.ReportRefusal;
import id.go.jambiprov.lapor.report.internal.ReportRequests.RedactionBody;
import id.go.jambiprov.lapor.report.internal.ReportService;
import id.go.jambiprov.lapor.report.internal.ReportViews.InboxPage;
import id.go.jambiprov.lapor.report.internal.ReportViews.ReportView;
import id.go.jambiprov.lapor.report.internal.Upload;
import id.go.jambiprov.lapor.sop.Action;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.sop.WorkingCalendar;
import id.go.jambiprov.lapor.web.FormErrors;
import id.go.jambiprov.lapor.web.InvalidInputException;
import id.go.jambiprov.lapor.web.ProblemException;

import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages where a report is worked: the officer's inbox and report page, and the reporter's
 * own view of their report (by access key or account). One template draws the report for both;
 * the buttons are the SOP table's allowed actions for the viewer, nothing more.
 */
@Controller
class CaseworkPages {

	private static final String OFFICER_BASE = "/petugas/laporan/";

	private static final String REPORTER_BASE = "/laporan/";

	record Choice(String value, String label) {
	}

	/** A report a bulk action left as it was, and why; kept in the session until the inbox shows it. */
	record BulkRefusal(String code, String why) implements Serializable {
	}

	private final ReportService reports;

	private final InboxQuery inbox;

	private final ActionForms actionForms;

	private final Attachments attachments;

	private final Directory directory;

	private final CurrentActor actor;

	private final MessageSource messages;

	private final Clock clock;

	private final AgencyHandOver handOver;

	private final BulkActions bulk;

	private final AnswerTemplates templates;

	private final SensitiveRouting routing;

	/** Reports per page of the inbox and the work table. */
	private static final int INBOX_PAGE = 25;

	CaseworkPages(ReportService reports, InboxQuery inbox, ActionForms actionForms, Attachments attachments,
			Directory directory, CurrentActor actor, MessageSource messages, Clock clock, AgencyHandOver handOver,
			BulkActions bulk, AnswerTemplates templates, SensitiveRouting routing) {
		this.routing = routing;
		this.bulk = bulk;
		this.templates = templates;
		this.clock = clock;
		this.handOver = handOver;
		this.reports = reports;
		this.inbox = inbox;
		this.actionForms = actionForms;
		this.attachments = attachments;
		this.directory = directory;
		this.actor = actor;
		this.messages = messages;
	}

	// ---- officers -------------------------------------------------------------------------

	@GetMapping("/petugas")
	String inbox(@RequestParam(required = false) String status, @RequestParam(required = false) String clock,
			@RequestParam(required = false) String category, @RequestParam(required = false) String agency,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String q,
			@RequestParam(required = false) String cursor, @RequestParam(required = false) String sort,
			@RequestParam(required = false) String dir, @RequestParam(required = false) Integer page,
			@RequestHeader(name = "HX-Request", required = false) String htmx,
			@RequestHeader(name = "HX-History-Restore-Request", required = false) String historyRestore, Model model,
			Locale locale) {
		Actor officer = officer();
		Map<String, String> errors = new LinkedHashMap<>();
		InboxQuery.Filter filter = new InboxQuery.Filter(parse(status, ReportStatus.class, "status", errors, locale),
				parse(clock, ClockState.class, "clock", errors, locale), blankToNull(category),
				blankToNull(agency), parse(channel, Channel.class, "channel", errors, locale),
				date(from, "from", errors, locale), date(to, "to", errors, locale), blankToNull(q));
		InboxQuery.Sort order = parse(sort, InboxQuery.Sort.class, "sort", errors, locale);
		boolean descending = "desc".equals(dir);
		InboxPage items;
		Integer nextPage = null;
		try {
			if (order != null && errors.isEmpty()) {
				// the work table sorted by a column: numbered pages in that order
				InboxQuery.SortedPage sorted = this.inbox.sorted(officer, filter, order, descending,
						page == null ? 0 : Math.max(0, page), INBOX_PAGE);
				items = new InboxPage(sorted.items(), null);
				nextPage = sorted.nextPage();
			}
			else {
				items = this.inbox.inbox(officer, filter, INBOX_PAGE, errors.isEmpty() ? blankToNull(cursor) : null);
			}
		}
		catch (InvalidInputException invalid) {
			errors.putAll(FormErrors.of(invalid, this.messages, locale));
			items = this.inbox.inbox(officer, InboxQuery.Filter.NONE, INBOX_PAGE, null);
		}
		model.addAttribute("officer", officer);
		model.addAttribute("page", items);
		model.addAttribute("sort", order == null ? "" : order.name());
		model.addAttribute("descending", descending);
		model.addAttribute("nextPage", nextPage);
		List<Action> bulkActions = this.bulk.available(officer.role());
		model.addAttribute("bulkActions", bulkActions);
		model.addAttribute("bulkForward", bulkActions.contains(Action.FORWARD));
		model.addAttribute("jurisdictions", this.directory.jurisdictions());
		model.addAttribute("agencyNames", this.directory.agencies()
			.stream()
			.collect(Collectors.toMap(Agency::code, Agency::name, (a, b) -> a)));
		model.addAttribute("filter", Map.of("status", value(status), "clock", value(clock), "category",
				value(category), "agency", value(agency), "channel", value(channel), "from", value(from), "to",
				value(to), "q", value(q)));
		model.addAttribute("errors", errors);
		model.addAttribute("statuses", List.of(ReportStatus.values()));
		model.addAttribute("clocks", List.of(ClockState.values()));
		model.addAttribute("channels", List.of(Channel.values()));
		model.addAttribute("categories", categories(locale));
		model.addAttribute("agencies", agencies(officer));
		model.addAttribute("when", new When(locale));
		model.addAttribute("handOvers", htmx != null ? List.of() : this.handOver.pending(officer));
		// htmx swaps only the list; a history restore (back button) wants the whole page
		return htmx != null && historyRestore == null ? "inbox :: results" : "inbox";
	}

	/**
	 * A bulk action on the reports ticked in the work table; the inbox then says what was done and,
	 * for each report refused, why.
	 */
	@PostMapping("/petugas/aksi-massal")
	String bulkAction(@RequestParam(required = false) String action,
			@RequestParam(name = "codes", required = false) List<String> codes,
			@RequestParam(required = false) String jurisdiction, Locale locale, RedirectAttributes redirect) {
		try {
			List<BulkActions.Outcome> outcomes = this.bulk.apply(action, codes, jurisdiction, officer());
			long done = outcomes.stream().filter(BulkActions.Outcome::done).count();
			redirect.addFlashAttribute("bulkDone", this.messages.getMessage("bulk.done",
					new Object[] { done, outcomes.size() }, locale));
			redirect.addFlashAttribute("bulkRefused", outcomes.stream()
				.filter(o -> !o.done())
				.map(o -> new BulkRefusal(o.code(), why(o.problem(), action, locale)))
				.toList());
		}
		catch (InvalidInputException invalid) {
			redirect.addFlashAttribute("bulkRefused", FormErrors.of(invalid, this.messages, locale)
				.entrySet()
				.stream()
				.map(e -> new BulkRefusal(this.messages.getMessage("bulk.field." + e.getKey(), null, e.getKey(), locale),
						e.getValue()))
				.toList());
		}
		return "redirect:/petugas";
	}

	/** Why a report was left as it was, in words for the page (its status by name, not by code). */
	private String why(ProblemException problem, String action, Locale locale) {
		Object current = problem.getProperties().get("currentStatus");
		if (current != null) {
			return this.messages.getMessage("bulk.wrong-state", new Object[] {
					this.messages.getMessage("status." + current, null, locale),
					this.messages.getMessage("button." + action, null, action, locale) }, locale);
		}
		return this.messages.getMessage(problem.getMessageCode(), problem.getArguments(), locale);
	}

	/** The agencies of the report's jurisdiction whose name or code contains what the officer typed. */
	@GetMapping(OFFICER_BASE + "{code}/opd")
	String agencyOptions(@PathVariable String code, @RequestParam(required = false) String q, Model model) {
		ReportService.ReportFacts facts = this.reports.templateFacts(code, Optional.of(officer()));
		String needle = q == null ? "" : q.strip().toLowerCase(Locale.ROOT);
		model.addAttribute("agencyChoices", agencyChoices(facts).stream()
			.filter(c -> c.label().toLowerCase(Locale.ROOT).contains(needle)
					|| c.value().toLowerCase(Locale.ROOT).contains(needle))
			.toList());
		return "report :: agency-options";
	}

	@GetMapping(OFFICER_BASE + "{code}")
	String officerReport(@PathVariable String code, Model model, Locale locale) {
		return show(code, Optional.of(officer()), null, OFFICER_BASE, model, locale);
	}

	@PostMapping(OFFICER_BASE + "{code}/aksi/{action}")
	String officerAct(@PathVariable String code, @PathVariable String action, @ModelAttribute ActionInput input,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		Actor officer = officer();
		boolean[] stillVisible = { true };
		String outcome = act(code, action, withTemplate(code, action, input, officer), files, Optional.of(officer),
				null, OFFICER_BASE, model, locale, response, redirect, stillVisible);
		if (outcome != null) {
			return outcome;
		}
		// the report may have left the officer's scope (declined, disposed to an agency)
		return stillVisible[0] ? "redirect:" + OFFICER_BASE + code : "redirect:/petugas";
	}

	/**
	 * A template chosen on a page without scripts: when the action's text was left empty, the
	 * template filled for the report becomes the text (typed text always wins).
	 */
	private ActionInput withTemplate(String code, String action, ActionInput input, Actor officer) {
		if (input.template() == null) {
			return input;
		}
		Optional<String> field = AnswerTemplates.fieldOf(action);
		if (field.isEmpty() || (input.text(field.get()) != null && !input.text(field.get()).isBlank())) {
			return input;
		}
		return this.templates.find(input.template(), officer)
			.map(t -> input.with(field.get(), this.templates.fill(t, this.reports.templateFacts(code, Optional.of(officer)))))
			.orElse(input);
	}

	/** An internal note from the report page; the page shows it in the timeline. */
	@PostMapping(OFFICER_BASE + "{code}/catatan")
	String officerNote(@PathVariable String code, @RequestParam(required = false) String text, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		Optional<Actor> by = Optional.of(officer());
		try {
			this.reports.addNote(code, text, by);
			redirect.addFlashAttribute("noted", true);
			return "redirect:" + OFFICER_BASE + code + "#note";
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errors", FormErrors.of(invalid, this.messages, locale));
			model.addAttribute("failedAction", "note");
			model.addAttribute("noteInput", text);
			return show(code, by, null, OFFICER_BASE, model, locale);
		}
	}

	/** The coordinator hides phrases (one per line) of the report's texts from the agency. */
	@PostMapping(OFFICER_BASE + "{code}/samarkan")
	String officerRedact(@PathVariable String code, @RequestParam(required = false) String phrases,
			@RequestParam(required = false) Long version, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		Optional<Actor> by = Optional.of(officer());
		try {
			this.reports.redact(code, new RedactionBody(List.of(phrases == null ? "" : phrases)), by, version, null);
			redirect.addFlashAttribute("redacted", true);
			return "redirect:" + OFFICER_BASE + code;
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errors", FormErrors.of(invalid, this.messages, locale));
			model.addAttribute("failedAction", "redact");
			model.addAttribute("redactionInput", phrases);
			return show(code, by, null, OFFICER_BASE, model, locale);
		}
		catch (ReportRefusal.ConcurrentChange changed) {
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("conflict", "changed");
			model.addAttribute("failedAction", "redact");
			return show(code, by, null, OFFICER_BASE, model, locale);
		}
	}

	@GetMapping(OFFICER_BASE + "{code}/lampiran/{id}")
	ResponseEntity<byte[]> officerFile(@PathVariable String code, @PathVariable UUID id) {
		return file(this.reports.attachment(code, id, Optional.of(officer()), null));
	}

	// ---- reporters ------------------------------------------------------------------------

	@GetMapping("/laporan")
	String openForm(@RequestParam(name = "kode", required = false) String code, Model model) {
		model.addAttribute("code", code);
		model.addAttribute("failed", false);
		return "open";
	}

	@PostMapping("/laporan")
	String open(@RequestParam(name = "kode", required = false) String code,
			@RequestParam(name = "kunci", required = false) String key, Model model, HttpSession session,
			HttpServletRequest request, HttpServletResponse response) {
		String given = key == null ? "" : key.strip();
		try {
			ReportView view = this.reports.view(code == null ? "" : code, Optional.empty(), given);
			// a session that now holds a key gets a new id: one fixed before cannot read the report
			request.changeSessionId();
			ReporterKeys.remember(session, view.trackingCode(), given);
			return "redirect:" + REPORTER_BASE + view.trackingCode();
		}
		catch (ReportRefusal refused) {
			// the same answer for an unknown code and a wrong key: codes cannot be probed
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("code", code);
			model.addAttribute("failed", true);
			return "open";
		}
	}

	@GetMapping(REPORTER_BASE + "{code}")
	String reporterReport(@PathVariable String code, Model model, Locale locale, HttpSession session) {
		Optional<Actor> account = reporterAccount();
		String key = ReporterKeys.of(session, code).orElse(null);
		if (account.isEmpty() && key == null) {
			return "redirect:/laporan?kode=" + code;
		}
		return show(code, account, key, REPORTER_BASE, model, locale);
	}

	@PostMapping(REPORTER_BASE + "{code}/aksi/{action}")
	String reporterAct(@PathVariable String code, @PathVariable String action, @ModelAttribute ActionInput input,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model, Locale locale,
			HttpSession session, HttpServletResponse response, RedirectAttributes redirect) {
		Optional<Actor> account = reporterAccount();
		String key = ReporterKeys.of(session, code).orElse(null);
		if (account.isEmpty() && key == null) {
			return "redirect:/laporan?kode=" + code;
		}
		String outcome = act(code, action, input, files, account, key, REPORTER_BASE, model, locale, response,
				redirect, new boolean[1]);
		return outcome != null ? outcome : "redirect:" + REPORTER_BASE + code;
	}

	/** On a shared computer: this browser forgets the report's key (the reporter keeps it). */
	@PostMapping(REPORTER_BASE + "{code}/lupakan")
	String forget(@PathVariable String code, HttpSession session, RedirectAttributes redirect) {
		ReporterKeys.forget(session, code);
		redirect.addFlashAttribute("forgotten", true);
		return "redirect:/laporan";
	}

	@GetMapping(REPORTER_BASE + "{code}/lampiran/{id}")
	ResponseEntity<byte[]> reporterFile(@PathVariable String code, @PathVariable UUID id, HttpSession session) {
		return file(this.reports.attachment(code, id, reporterAccount(), ReporterKeys.of(session, code).orElse(null)));
	}

	@GetMapping("/akun")
	String myReports(Model model, Locale locale) {
		Actor reporter = reporterAccount().orElseThrow(ReportRefusal::unauthenticated);
		model.addAttribute("items", this.reports.ofAccount(reporter));
		model.addAttribute("when", new When(locale));
		return "account";
	}

	// ---- shared ---------------------------------------------------------------------------

	/**
	 * Null when the action was taken (the caller redirects; {@code stillVisible[0]} says whether
	 * the actor may still see the report), else the view to show again.
	 */
	private String act(String code, String action, ActionInput input, List<MultipartFile> files, Optional<Actor> by,
			String key, String base, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect, boolean[] stillVisible) {
		InvalidInputException.Collector fileErrors = new InvalidInputException.Collector();
		List<Upload> uploads = this.attachments.prepare(files, "files", fileErrors);
		try {
			fileErrors.throwIfAny();
			stillVisible[0] = this.reports.act(code, action, input.toBody(), by, key, uploads, input.version())
				.stillVisible();
			redirect.addFlashAttribute("done", action);
			return null;
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("errors", FormErrors.of(invalid, this.messages, locale));
			model.addAttribute("failedAction", action);
			model.addAttribute("input", input);
			return show(code, by, key, base, model, locale);
		}
		catch (ReportRefusal.WrongState | ReportRefusal.ConcurrentChange refused) {
			// someone acted first, or the action no longer fits: say so, show what is true now
			response.setStatus(HttpStatus.CONFLICT.value());
			model.addAttribute("conflict", refused instanceof ReportRefusal.ConcurrentChange ? "changed" : "state");
			model.addAttribute("failedAction", action);
			return show(code, by, key, base, model, locale);
		}
	}

	private String show(String code, Optional<Actor> by, String key, String base, Model model, Locale locale) {
		ReportService.ReportPage page = this.reports.page(code, by, key);
		ReportView view = page.view();
		Role role = by.map(Actor::role).orElse(Role.REPORTER);
		model.addAttribute("report", view);
		model.addAttribute("timeline", page.timeline());
		boolean asked = page.timeline().stream().anyMatch(e -> Action.OMBUDSMAN_REQUEST.path().equals(e.action()));
		boolean handed = page.timeline().stream().anyMatch(e -> Action.OMBUDSMAN_HANDOVER.path().equals(e.action()));
		model.addAttribute("ombudsmanAsked", asked);
		model.addAttribute("ombudsmanHanded", handed);
		model.addAttribute("ombudsmanKeeper", role == Role.COORDINATOR || role == Role.NATIONAL_ADMIN);
		model.addAttribute("files", page.files());
		model.addAttribute("looks", page.looks());
		model.addAttribute("looksShown", view.anonymous() || view.confidential());
		List<ActionForms.Form> forms = this.actionForms.forms(view.status(), role);
		model.addAttribute("forms", forms);
		// while receiving and verifying, the coordinator sees the reports that look like this one
		boolean mayLink = forms.stream().anyMatch(f -> f.action().equals(Action.LINK.path()));
		model.addAttribute("mayLink", mayLink);
		model.addAttribute("similar", mayLink ? page.similar() : null);
		model.addAttribute("linkedHere", page.linkedHere());
		model.addAttribute("templates", by.isPresent() && role.isOfficer() ? templatesFor(forms, view, by.get())
				: Map.of());
		model.addAttribute("templateFields", AnswerTemplates.FIELDS.entrySet()
			.stream()
			.collect(Collectors.toMap(e -> e.getKey().path(), Map.Entry::getValue)));
		model.addAttribute("base", base + view.trackingCode());
		model.addAttribute("officerView", role.isOfficer());
		model.addAttribute("mayRedact", view.redactions() != null);
		model.addAttribute("mayNote", ReportService.writesNotes(role));
		model.addAttribute("redactionText", view.redactions() == null ? "" : String.join("\n", view.redactions()));
		model.addAttribute("forgettable", !role.isOfficer() && key != null && by.isEmpty());
		ReportService.ReportFacts facts = page.facts();
		model.addAttribute("agencyChoices", facts == null ? List.of() : agencyChoices(facts));
		if (facts != null && this.routing.sensitive(facts.category())) {
			String only = this.routing.required(facts.category(), facts.jurisdiction(), facts.accusedAgency())
				.map(this::agencyName)
				.orElse(this.messages.getMessage("report.sensitive.any", null, locale));
			model.addAttribute("sensitiveNotice", this.messages.getMessage("report.sensitive.notice",
					new Object[] { only }, locale));
		}
		model.addAttribute("accusedName", facts == null || facts.accusedAgency() == null ? null
				: agencyName(facts.accusedAgency()));
		model.addAttribute("jurisdictions", this.directory.jurisdictions());
		model.addAttribute("categoryName", view.category() == null ? null
				: this.directory.category(view.category())
					.map(c -> c.name(locale))
					.orElse(view.category()));
		model.addAttribute("when", new When(locale));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "report";
	}

	/** The templates offered in each action form of the page, for the report's category. */
	private Map<String, List<AnswerTemplates.Template>> templatesFor(List<ActionForms.Form> forms, ReportView view,
			Actor officer) {
		Map<String, List<AnswerTemplates.Template>> offered = new LinkedHashMap<>();
		for (ActionForms.Form form : forms) {
			boolean served = AnswerTemplates.FIELDS.keySet().stream().anyMatch(a -> a.path().equals(form.action()));
			if (served) {
				List<AnswerTemplates.Template> found = this.templates.list(officer, form.action(), view.category(),
						view.jurisdiction());
				if (!found.isEmpty()) {
					offered.put(form.action(), found);
				}
			}
		}
		return offered;
	}

	private String agencyName(String code) {
		return this.directory.agency(code).map(Agency::name).orElse(code);
	}

	/** The agencies a report may be dispositioned to: active, of its jurisdiction, as its category allows. */
	private List<Choice> agencyChoices(ReportService.ReportFacts report) {
		LocalDate today = LocalDate.now(this.clock.withZone(WorkingCalendar.JAKARTA));
		return this.directory.agencies()
			.stream()
			.filter(a -> a.jurisdiction().equals(report.jurisdiction()) && a.isActiveOn(today))
			.filter(a -> this.routing.allows(report.category(), report.jurisdiction(), report.accusedAgency(), a.code()))
			.map(a -> new Choice(a.code(), a.name()))
			.toList();
	}

	private List<Choice> agencies(Actor officer) {
		return this.directory.agencies()
			.stream()
			.filter(a -> officer.jurisdiction() == null || a.jurisdiction().equals(officer.jurisdiction()))
			.map((Agency a) -> new Choice(a.code(), a.name()))
			.toList();
	}

	private List<Choice> categories(Locale locale) {
		return this.directory.categories()
			.stream()
			.map(c -> new Choice(c.code(), c.name(locale)))
			.toList();
	}

	private static ResponseEntity<byte[]> file(Optional<Attachments.Content> content) {
		Attachments.Content file = content.orElseThrow(ReportRefusal::notFound);
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(file.contentType()))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(file.fileName(), StandardCharsets.UTF_8)
						.build()
						.toString())
			.header("X-Content-Type-Options", "nosniff")
			.body(file.bytes());
	}

	private Actor officer() {
		return this.actor.get().filter(a -> a.role().isOfficer()).orElseThrow(ReportRefusal::unauthenticated);
	}

	private Optional<Actor> reporterAccount() {
		return this.actor.get().filter(a -> a.role() == Role.REPORTER);
	}

	private <E extends Enum<E>> E parse(String value, Class<E> type, String field, Map<String, String> errors,
			Locale locale) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException unknown) {
			errors.put(field, this.messages.getMessage("field.invalid", null, locale));
			return null;
		}
	}

	private LocalDate date(String value, String field, Map<String, String> errors, Locale locale) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(value);
		}
		catch (RuntimeException unreadable) {
			errors.put(field, this.messages.getMessage("field.invalid", null, locale));
			return null;
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String value(String value) {
		return value == null ? "" : value;
	}

	/** Lets templates write times the one way the pages do. */
	record When(Locale locale) {

		public String at(OffsetDateTime time) {
			return PageText.when(time, this.locale);
		}

	}

}
