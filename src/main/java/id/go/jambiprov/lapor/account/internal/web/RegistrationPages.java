package id.go.jambiprov.lapor.account.internal.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import id.go.jambiprov.lapor.account.NewUser;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.account.internal.UserStore;
import id.go.jambiprov.lapor.shared.RateLimitExceeded;
import id.go.jambiprov.lapor.shared.RateLimiter;
import id.go.jambiprov.lapor.shared.SharedRateLimits;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A citizen's LAPOR account: an e-mail address or a mobile number as the username, and a
 * password. Reports filed while signed in are linked to it and listed under "my reports".
 */
@Controller
class RegistrationPages {

	static final int PASSWORD_MIN = 8;

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

	record RegistrationForm(String name, String login, String password, String passwordAgain) {
	}

	private final UserStore users;

	private final MessageSource messages;

	/** Accounts made per address, by all instances: enough for a family or an internet café, not for a script. */
	private final RateLimiter registrations;

	RegistrationPages(UserStore users, MessageSource messages, SharedRateLimits limits) {
		this.users = users;
		this.messages = messages;
		this.registrations = limits.limiter("registration", 20, Duration.ofHours(1));
	}

	@GetMapping("/daftar")
	String form(Model model) {
		model.addAttribute("form", new RegistrationForm(null, null, null, null));
		model.addAttribute("errors", Map.of());
		return "register";
	}

	@PostMapping("/daftar")
	String register(@ModelAttribute("form") RegistrationForm form, Model model, Locale locale,
			HttpServletRequest request, HttpServletResponse response) {
		Map<String, String> errors = new LinkedHashMap<>();
		Optional<String> username = username(form.login());
		if (username.isEmpty()) {
			errors.put("login", message("register.login.invalid", locale));
		}
		if (form.password() == null || form.password().length() < PASSWORD_MIN) {
			errors.put("password", message("register.password.short", locale, PASSWORD_MIN));
		}
		else if (!form.password().equals(form.passwordAgain())) {
			errors.put("passwordAgain", message("register.password.mismatch", locale));
		}
		if (errors.isEmpty()) {
			try {
				this.registrations.acquire(request.getRemoteAddr());
			}
			catch (RateLimitExceeded tooMany) {
				errors.put("login", message("register.too-many", locale));
			}
		}
		if (errors.isEmpty() && this.users.find(username.get()).isPresent()) {
			errors.put("login", message("register.taken", locale));
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("form", new RegistrationForm(form.name(), form.login(), null, null));
			model.addAttribute("errors", errors);
			return "register";
		}
		String name = form.name() == null || form.name().isBlank() ? null : form.name().strip();
		this.users.createIfAbsent(new NewUser(username.get(), form.password(), name, Role.REPORTER, null, null));
		return "redirect:/masuk?terdaftar";
	}

	/** An e-mail address in lower case, or an Indonesian mobile number as +62… */
	static Optional<String> username(String login) {
		if (login == null || login.isBlank()) {
			return Optional.empty();
		}
		String given = login.strip();
		if (given.contains("@")) {
			return EMAIL.matcher(given).matches() && given.length() <= 100
					? Optional.of(given.toLowerCase(Locale.ROOT)) : Optional.empty();
		}
		String digits = given.replaceAll("[\\s.()-]", "");
		if (digits.startsWith("+62")) {
			digits = digits.substring(3);
		}
		else if (digits.startsWith("62")) {
			digits = digits.substring(2);
		}
		else if (digits.startsWith("0")) {
			digits = digits.substring(1);
		}
		// Indonesian mobile numbers: 8xx, 9 to 12 digits after the country code
		return digits.matches("8\\d{8,11}") ? Optional.of("+62" + digits) : Optional.empty();
	}

	private String message(String code, Locale locale, Object... arguments) {
		return this.messages.getMessage(code, arguments, locale);
	}

}
