package id.go.jambiprov.lapor.report.internal.web;

import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.CurrentActor;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.directory.Category;
import id.go.jambiprov.lapor.directory.Directory;
import id.go.jambiprov.lapor.mail.MailOutbox;
import id.go.jambiprov.lapor.report.Channel;
import id.go.jambiprov.lapor.report.ReportType;
import id.go.jambiprov.lapor.report.internal.Attachments;
import id.go.jambiprov.lapor.report.internal.ReportRefusal;
import id.go.jambiprov.lapor.report.internal.ReportService;
import id.go.jambiprov.lapor.report.internal.ReportValidator;
import id.go.jambiprov.lapor.report.internal.ReportViews.Created;
import id.go.jambiprov.lapor.report.internal.Upload;
import id.go.jambiprov.lapor.web.FormErrors;
import id.go.jambiprov.lapor.sop.WorkingCalendar;
import id.go.jambiprov.lapor.web.InvalidInputException;
import id.go.jambiprov.lapor.web.ProblemException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The citizen's report form and its receipt. Works without JavaScript; a second click or a
 * resent form files nothing new (the form carries its own idempotency key), and a form with
 * mistakes comes back with the citizen's input and each message next to its field.
 */
@Controller
class SubmitPages {

	/** What the receipt shows once: the access key is never shown again. */
	record Receipt(String trackingCode, String accessKey, String submittedAt, boolean hasEmail, boolean desk)
			implements Serializable {
	}

	record Choice(String value, String label) {
	}

	private final ReportService reports;

	private final ReportValidator validator;

	private final Attachments attachments;

	private final Directory directory;

	private final CurrentActor actor;

	private final MessageSource messages;

	private final MailOutbox mail;

	private final String publicUrl;

	private final ReceiptDocuments documents;

	private final Clock clock;

	SubmitPages(ReportService reports, ReportValidator validator, Attachments attachments, Directory directory,
			CurrentActor actor, MessageSource messages, MailOutbox mail, ReceiptDocuments documents, Clock clock,
			@Value("${lapor.public-url:http://localhost:8080}") String publicUrl) {
		this.documents = documents;
		this.clock = clock;
		this.mail = mail;
		this.publicUrl = publicUrl;
		this.reports = reports;
		this.validator = validator;
		this.attachments = attachments;
		this.directory = directory;
		this.actor = actor;
		this.messages = messages;
	}

	/** The officers' form for reports that came on paper, at the desk, by telephone or as a post. */
	static final String DESK = "/petugas/catat";

	@GetMapping("/lapor")
	String form(Model model, Locale locale) {
		return show(SubmitForm.empty(UUID.randomUUID().toString()), Map.of(), model, locale);
	}

	@PostMapping("/lapor")
	String submit(@ModelAttribute("form") SubmitForm form, BindingResult binding,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model, Locale locale,
			HttpSession session, HttpServletResponse response, RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		binding.getFieldErrors()
			.forEach(error -> errors.putIfAbsent(error.getField(), this.messages.getMessage("field.invalid", null, locale)));
		InvalidInputException.Collector fileErrors = new InvalidInputException.Collector();
		List<Upload> uploads = this.attachments.prepare(files, "files", fileErrors);
		var reporter = this.actor.get().filter(a -> a.role() == Role.REPORTER);
		try {
			this.validator.validate(form.toBody(), reporter);
		}
		catch (InvalidInputException invalid) {
			FormErrors.of(invalid, this.messages, locale).forEach(errors::putIfAbsent);
		}
		if (!fileErrors.isEmpty()) {
			errors.putAll(FormErrors.of(fileErrors.asException(), this.messages, locale));
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(form, errors, model, locale);
		}
		String key = form.key() == null || form.key().isBlank() || form.key().length() > 100 ? null
				: "web-form:" + form.key();
		Created created = this.reports.create(form.toBody(), reporter, key, uploads);
		ReporterKeys.remember(session, created.trackingCode(), created.accessKey());
		redirect.addFlashAttribute("receipt", new Receipt(created.trackingCode(), created.accessKey(),
				PageText.when(created.submittedAt(), locale), form.email() != null && !form.email().isBlank() && this.mail.enabled(),
				false));
		return "redirect:/lapor/tanda-terima";
	}

	/** Sends the receipt (code and access key) to the e-mail address given in the report. */
	@PostMapping("/lapor/tanda-terima/email")
	String mailReceipt(@RequestParam("code") String code, HttpSession session, Locale locale,
			RedirectAttributes redirect) {
		String key = ReporterKeys.of(session, code).orElseThrow(ReportRefusal::notFound);
		var view = this.reports.view(code, Optional.empty(), key);
		String email = view.reporter() == null ? null : view.reporter().email();
		if (email != null && this.mail.enabled()) {
			Object[] args = { view.trackingCode(), key, this.publicUrl };
			this.mail.queue(email, this.messages.getMessage("mail.receipt.subject", args, locale),
					this.messages.getMessage("mail.receipt.body", args, locale));
			redirect.addFlashAttribute("mailed", true);
		}
		return "redirect:/laporan/" + view.trackingCode();
	}

	@GetMapping("/lapor/tanda-terima")
	String receipt(Model model) {
		if (!model.containsAttribute("receipt")) {
			// the receipt is shown once; a reload or a bookmark leads to tracking instead
			return "redirect:/lacak";
		}
		return "receipt";
	}

	/** The officers' form for a report that came by letter, at the desk, by telephone or as a post. */
	@GetMapping(DESK)
	String deskForm(Model model, Locale locale) {
		deskOfficer();
		model.addAttribute("desk", true);
		model.addAttribute("receivedAt", "");
		return show(SubmitForm.empty(UUID.randomUUID().toString()), Map.of(), model, locale);
	}

	@PostMapping(DESK)
	String deskSubmit(@ModelAttribute("form") SubmitForm form, BindingResult binding,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String receivedAt,
			@RequestParam(name = "files", required = false) List<MultipartFile> files, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		Actor officer = deskOfficer();
		Map<String, String> errors = new LinkedHashMap<>();
		binding.getFieldErrors()
			.forEach(error -> errors.putIfAbsent(error.getField(), this.messages.getMessage("field.invalid", null, locale)));
		Channel assisted = null;
		try {
			assisted = channel == null || channel.isBlank() ? null : Channel.valueOf(channel);
		}
		catch (IllegalArgumentException unknown) {
			// answered below as a missing choice
		}
		if (assisted == null || !assisted.assisted()) {
			errors.put("channel", this.messages.getMessage("field.required", null, locale));
			assisted = Channel.LETTER; // to check the rest of the form
		}
		OffsetDateTime received = null;
		if (receivedAt != null && !receivedAt.isBlank()) {
			try {
				received = LocalDateTime.parse(receivedAt.strip()).atZone(WorkingCalendar.JAKARTA).toOffsetDateTime();
			}
			catch (DateTimeParseException invalid) {
				errors.put("receivedAt", this.messages.getMessage("field.invalid", null, locale));
			}
		}
		InvalidInputException.Collector fileErrors = new InvalidInputException.Collector();
		List<Upload> uploads = this.attachments.prepare(files, "files", fileErrors);
		try {
			this.validator.validate(form.toBody(assisted, received), Optional.of(officer));
		}
		catch (InvalidInputException invalid) {
			FormErrors.of(invalid, this.messages, locale).forEach(errors::putIfAbsent);
		}
		if (!fileErrors.isEmpty()) {
			errors.putAll(FormErrors.of(fileErrors.asException(), this.messages, locale));
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("desk", true);
			model.addAttribute("channel", channel);
			model.addAttribute("receivedAt", receivedAt);
			return show(form, errors, model, locale);
		}
		String key = form.key() == null || form.key().isBlank() || form.key().length() > 100 ? null
				: "desk-form:" + form.key();
		Created created = this.reports.create(form.toBody(assisted, received), Optional.of(officer), key, uploads);
		redirect.addFlashAttribute("receipt", new Receipt(created.trackingCode(), created.accessKey(),
				PageText.when(created.submittedAt(), locale), false, true));
		return "redirect:" + DESK + "/tanda-terima";
	}

	@GetMapping(DESK + "/tanda-terima")
	String deskReceipt(Model model) {
		deskOfficer();
		return model.containsAttribute("receipt") ? "receipt" : "redirect:" + DESK;
	}

	/**
	 * The receipt as a one-page PDF, to print at the desk or send by post: only for the code and
	 * access key together (posted, never in an address), checked as the reporter's own door checks them.
	 */
	@PostMapping("/tanda-terima.pdf")
	ResponseEntity<byte[]> receiptPdf(@RequestParam(required = false) String code,
			@RequestParam(required = false) String key, Locale locale) {
		if (code == null || key == null) {
			throw ReportRefusal.notFound();
		}
		var view = this.reports.view(code, Optional.empty(), key);
		byte[] pdf = this.documents.receipt(view, key, locale);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("tanda-terima-" + view.trackingCode() + ".pdf")
				.build()
				.toString())
			.body(pdf);
	}

	/** The signed-in coordinator or national admin; anyone else is refused. */
	private Actor deskOfficer() {
		Actor officer = this.actor.get().orElseThrow(ReportRefusal::unauthenticated);
		if (officer.role() != Role.COORDINATOR && officer.role() != Role.NATIONAL_ADMIN) {
			throw new ProblemException(HttpStatus.FORBIDDEN, "assisted-channel", "problem.desk-only");
		}
		return officer;
	}

	private String show(SubmitForm form, Map<String, String> errors, Model model, Locale locale) {
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("types", List.of(ReportType.values()));
		model.addAttribute("categories", this.directory.categories()
			.stream()
			.filter(Category::active)
			.map(c -> new Choice(c.code(), c.name(locale)))
			.toList());
		model.addAttribute("regencies", this.directory.regencies());
		LocalDate today = LocalDate.now(this.clock.withZone(WorkingCalendar.JAKARTA));
		model.addAttribute("accusedChoices", this.directory.agencies()
			.stream()
			.filter(a -> a.isActiveOn(today))
			.map(a -> new Choice(a.code(), a.name()))
			.toList());
		model.addAttribute("maxFiles", Attachments.MAX_FILES);
		model.addAttribute("maxMegabytes", Attachments.MAX_BYTES / (1024 * 1024));
		model.addAttribute("signedIn", this.actor.get().filter(a -> a.role() == Role.REPORTER).isPresent());
		boolean desk = Boolean.TRUE.equals(model.getAttribute("desk"));
		model.addAttribute("desk", desk);
		if (desk) {
			model.addAttribute("assistedChannels", List.copyOf(Channel.assistedChannels()));
			model.addAttribute("receivedMax", LocalDateTime.now(this.clock.withZone(WorkingCalendar.JAKARTA))
				.truncatedTo(ChronoUnit.MINUTES)
				.toString());
		}
		return "submit";
	}

}
