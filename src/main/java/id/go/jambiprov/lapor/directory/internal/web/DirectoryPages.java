package id.go.jambiprov.lapor.directory.internal.web;

import java.security.Principal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;

import id.go.jambiprov.lapor.directory.Agency;
import id.go.jambiprov.lapor.directory.Category;
import id.go.jambiprov.lapor.directory.internal.DirectoryAdministration;
import id.go.jambiprov.lapor.directory.internal.JdbcDirectory;
import id.go.jambiprov.lapor.web.FormErrors;
import id.go.jambiprov.lapor.web.InvalidInputException;
import id.go.jambiprov.lapor.web.ProblemException;
import id.go.jambiprov.lapor.web.ProblemTypes;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The system admin's pages for the directory: the regional agencies with their validity dates
 * and successors, and the category tree. Only the system admin reaches {@code /admin/**}.
 */
@Controller
class DirectoryPages {

	private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

	private static final int CHANGES_SHOWN = 20;

	record AgencyForm(String code, String name, String abbreviation, String jurisdiction, LocalDate validFrom,
			LocalDate validUntil, String successor) {

		static AgencyForm of(Agency a) {
			return new AgencyForm(a.code(), a.name(), a.abbreviation(), a.jurisdiction(), a.validFrom(), a.validUntil(),
					a.successor());
		}

		Agency toAgency() {
			return new Agency(this.code, this.name, this.abbreviation, this.jurisdiction, this.validFrom,
					this.validUntil, this.successor);
		}

	}

	record CategoryForm(String code, String name, String nameEn, String parent, Boolean active, Boolean sensitive) {

		static CategoryForm of(Category c) {
			return new CategoryForm(c.code(), c.name(), c.nameEn(), c.parent(), c.active(), c.sensitive());
		}

		Category toCategory() {
			return new Category(this.code, this.name, this.nameEn, this.parent, !Boolean.FALSE.equals(this.active),
					Boolean.TRUE.equals(this.sensitive));
		}

	}

	private final JdbcDirectory directory;

	private final DirectoryAdministration administration;

	private final MessageSource messages;

	private final Clock clock;

	DirectoryPages(JdbcDirectory directory, DirectoryAdministration administration, MessageSource messages,
			Clock clock) {
		this.directory = directory;
		this.administration = administration;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping("/admin/opd")
	String agencies(Model model) {
		LocalDate today = LocalDate.now(this.clock.withZone(JAKARTA));
		model.addAttribute("agencies", this.directory.agencies());
		model.addAttribute("today", today);
		model.addAttribute("names", names());
		model.addAttribute("changes", this.administration.changes(CHANGES_SHOWN));
		return "admin-agencies";
	}

	@GetMapping("/admin/opd/baru")
	String newAgency(Model model) {
		return agencyForm(new AgencyForm(null, null, null, null, null, null, null), true, Map.of(), model);
	}

	@GetMapping("/admin/opd/{code}")
	String editAgency(@PathVariable String code, Model model) {
		Agency agency = this.directory.agency(code).orElseThrow(DirectoryPages::notFound);
		return agencyForm(AgencyForm.of(agency), false, Map.of(), model);
	}

	@PostMapping("/admin/opd")
	String createAgency(@ModelAttribute AgencyForm form, Principal by, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		return saveAgency(form, true, by, model, locale, response, redirect);
	}

	@PostMapping("/admin/opd/{code}")
	String updateAgency(@PathVariable String code, @ModelAttribute AgencyForm form, Principal by, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		AgencyForm fixed = new AgencyForm(code, form.name(), form.abbreviation(), form.jurisdiction(), form.validFrom(),
				form.validUntil(), form.successor());
		return saveAgency(fixed, false, by, model, locale, response, redirect);
	}

	@GetMapping("/admin/kategori")
	String categories(Model model, Locale locale) {
		model.addAttribute("categories", tree());
		model.addAttribute("changes", this.administration.changes(CHANGES_SHOWN));
		return "admin-categories";
	}

	@GetMapping("/admin/kategori/baru")
	String newCategory(Model model) {
		return categoryForm(new CategoryForm(null, null, null, null, true, false), true, Map.of(), model);
	}

	@GetMapping("/admin/kategori/{code}")
	String editCategory(@PathVariable String code, Model model) {
		Category category = this.directory.category(code).orElseThrow(DirectoryPages::notFound);
		return categoryForm(CategoryForm.of(category), false, Map.of(), model);
	}

	@PostMapping("/admin/kategori")
	String createCategory(@ModelAttribute CategoryForm form, Principal by, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		return saveCategory(form, true, by, model, locale, response, redirect);
	}

	@PostMapping("/admin/kategori/{code}")
	String updateCategory(@PathVariable String code, @ModelAttribute CategoryForm form, Principal by, Model model,
			Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
		CategoryForm fixed = new CategoryForm(code, form.name(), form.nameEn(), form.parent(),
				Boolean.TRUE.equals(form.active()), Boolean.TRUE.equals(form.sensitive()));
		return saveCategory(fixed, false, by, model, locale, response, redirect);
	}

	private String saveAgency(AgencyForm form, boolean isNew, Principal by, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.administration.saveAgency(form.toAgency(), isNew, by.getName());
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return agencyForm(form, isNew, FormErrors.of(invalid, this.messages, locale), model);
		}
		redirect.addFlashAttribute("done", this.messages.getMessage("directory.saved", new Object[] { form.name() },
				locale));
		return "redirect:/admin/opd";
	}

	private String saveCategory(CategoryForm form, boolean isNew, Principal by, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		try {
			this.administration.saveCategory(form.toCategory(), isNew, by.getName());
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return categoryForm(form, isNew, FormErrors.of(invalid, this.messages, locale), model);
		}
		redirect.addFlashAttribute("done", this.messages.getMessage("directory.saved", new Object[] { form.name() },
				locale));
		return "redirect:/admin/kategori";
	}

	private String agencyForm(AgencyForm form, boolean isNew, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("isNew", isNew);
		model.addAttribute("errors", errors);
		model.addAttribute("jurisdictions", this.directory.jurisdictions());
		model.addAttribute("successors",
				this.directory.agencies().stream().filter(a -> !a.code().equals(form.code())).toList());
		return "admin-agency";
	}

	private String categoryForm(CategoryForm form, boolean isNew, Map<String, String> errors, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("isNew", isNew);
		model.addAttribute("errors", errors);
		model.addAttribute("parents", this.directory.categories()
			.stream()
			.filter(c -> c.parent() == null && !c.code().equals(form.code()))
			.toList());
		return "admin-category";
	}

	/** Top-level categories, each followed by its children. */
	private List<Category> tree() {
		List<Category> all = this.directory.categories();
		return all.stream()
			.sorted(Comparator.comparing((Category c) -> c.parent() == null ? c.code() : c.parent())
				.thenComparing(c -> c.parent() != null)
				.thenComparing(Category::code))
			.toList();
	}

	private Map<String, String> names() {
		return this.directory.agencies()
			.stream()
			.collect(Collectors.toMap(Agency::code, Agency::name));
	}

	private static ProblemException notFound() {
		return new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "problem.no-resource");
	}

}
