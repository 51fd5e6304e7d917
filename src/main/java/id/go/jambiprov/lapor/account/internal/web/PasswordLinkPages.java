package id.go.jambiprov.lapor.account.internal.web;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.account.internal.AccountChanges;
import id.go.jambiprov.lapor.account.internal.PasswordPolicy;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Where the owner of a new or reset account sets their own password, through the one-time link
 * they were mailed or handed (24 hours). An unknown, used or expired link is one readable page.
 */
@Controller
class PasswordLinkPages {

	private final AccountChanges changes;

	private final MessageSource messages;

	PasswordLinkPages(AccountChanges changes, MessageSource messages) {
		this.changes = changes;
		this.messages = messages;
	}

	@GetMapping("/sandi/{token}")
	String form(@PathVariable String token, Model model, HttpServletResponse response) {
		Optional<AccountChanges.LinkOwner> owner = this.changes.link(token);
		if (owner.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("invalid", true);
		}
		model.addAttribute("token", token);
		model.addAttribute("username", owner.map(AccountChanges.LinkOwner::username).orElse(null));
		model.addAttribute("min", owner.map(o -> min(o.role())).orElse(PasswordPolicy.OFFICER_MIN));
		model.addAttribute("errors", Map.of());
		return "password-set";
	}

	@PostMapping("/sandi/{token}")
	String set(@PathVariable String token, @RequestParam(required = false) String password,
			@RequestParam(required = false) String passwordAgain, Model model, Locale locale,
			HttpServletResponse response) {
		Optional<AccountChanges.LinkOwner> owner = this.changes.link(token);
		if (owner.isEmpty()) {
			response.setStatus(HttpStatus.NOT_FOUND.value());
			model.addAttribute("invalid", true);
			model.addAttribute("token", token);
			model.addAttribute("min", PasswordPolicy.OFFICER_MIN);
			model.addAttribute("errors", Map.of());
			return "password-set";
		}
		Map<String, String> errors = new LinkedHashMap<>();
		Role role = owner.get().role();
		PasswordPolicy.problem(role, owner.get().username(), password)
			.ifPresent(problem -> errors.put("password", this.messages.getMessage((String) problem[0],
					java.util.Arrays.copyOfRange(problem, 1, problem.length), locale)));
		if (errors.isEmpty() && !password.equals(passwordAgain)) {
			errors.put("passwordAgain", this.messages.getMessage("register.password.mismatch", null, locale));
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("token", token);
			model.addAttribute("username", owner.get().username());
			model.addAttribute("min", min(role));
			model.addAttribute("errors", errors);
			return "password-set";
		}
		this.changes.setPassword(token, password);
		return "redirect:/masuk?sandi";
	}

	private static int min(Role role) {
		return role == Role.REPORTER ? PasswordPolicy.REPORTER_MIN : PasswordPolicy.OFFICER_MIN;
	}

}
