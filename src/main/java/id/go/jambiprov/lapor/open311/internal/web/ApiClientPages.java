package id.go.jambiprov.lapor.open311.internal.web;

import java.security.Principal;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.jspecify.annotations.Nullable;

import id.go.jambiprov.lapor.open311.internal.ApiClients;
import id.go.jambiprov.lapor.web.FormErrors;
import id.go.jambiprov.lapor.web.InvalidInputException;
import id.go.jambiprov.lapor.web.ProblemException;
import id.go.jambiprov.lapor.web.ProblemTypes;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
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
 * The system admin's page of Open311 client applications: issue a key (shown once), see each
 * client's limit, use and state, revoke a key.
 */
@Controller
class ApiClientPages {

	static final String PAGE = "/admin/open311";

	/** The form of a new client; {@code ratePerMinute} as typed. */
	record ClientForm(String name, String contact, String ratePerMinute) {
	}

	/** A client as the page lists it, its times in Jakarta time. */
	record Row(ApiClients.Client client, String created, @Nullable String lastUsed, @Nullable String revoked) {
	}

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'WIB'")
		.withZone(ZoneId.of("Asia/Jakarta"));

	private final ApiClients clients;

	private final MessageSource messages;

	private final String publicUrl;

	ApiClientPages(ApiClients clients, MessageSource messages,
			@Value("${lapor.public-url:http://localhost:8080}") String publicUrl) {
		this.clients = clients;
		this.messages = messages;
		this.publicUrl = publicUrl;
	}

	@GetMapping(PAGE)
	String page(Model model) {
		return page(new ClientForm(null, null, String.valueOf(ApiClients.DEFAULT_RATE)), Map.of(), model);
	}

	@PostMapping(PAGE)
	String issue(@ModelAttribute ClientForm form, Principal by, Model model, Locale locale,
			HttpServletResponse response, RedirectAttributes redirect) {
		Integer rate;
		try {
			rate = form.ratePerMinute() == null || form.ratePerMinute().isBlank() ? null
					: Integer.valueOf(form.ratePerMinute().strip());
		}
		catch (NumberFormatException notANumber) {
			rate = -1;
		}
		try {
			ApiClients.Issued issued = this.clients.issue(form.name(), form.contact(), rate, by.getName());
			redirect.addFlashAttribute("issuedKey", issued.key());
			redirect.addFlashAttribute("issuedName", issued.client().name());
		}
		catch (InvalidInputException invalid) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return page(form, FormErrors.of(invalid, this.messages, locale), model);
		}
		return "redirect:" + PAGE;
	}

	@PostMapping(PAGE + "/{id}/cabut")
	String revoke(@PathVariable UUID id, Principal by, Locale locale, RedirectAttributes redirect) {
		ApiClients.Client client = this.clients.find(id)
			.orElseThrow(() -> new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "problem.no-resource"));
		this.clients.revoke(id, by.getName());
		redirect.addFlashAttribute("done",
				this.messages.getMessage("open311.clients.revoked", new Object[] { client.name() }, locale));
		return "redirect:" + PAGE;
	}

	private String page(ClientForm form, Map<String, String> errors, Model model) {
		model.addAttribute("clients", this.clients.all()
			.stream()
			.map(c -> new Row(c, WHEN.format(c.createdAt()), c.lastUsedAt() == null ? null : WHEN.format(c.lastUsedAt()),
					c.revokedAt() == null ? null : WHEN.format(c.revokedAt())))
			.toList());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("endpoint", this.publicUrl + GeoReportController.BASE);
		return "admin-open311";
	}

}
