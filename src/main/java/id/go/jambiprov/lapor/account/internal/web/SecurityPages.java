package id.go.jambiprov.lapor.account.internal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.CurrentActor;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.account.internal.AccountChanges;
import id.go.jambiprov.lapor.account.internal.PasswordPolicy;
import id.go.jambiprov.lapor.account.internal.SecondFactor;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Every signed-in person's own security (/keamanan): change the password (the current one
 * first; officers' rules apply), and set up a second factor where it is not mandatory yet.
 */
@Controller
class SecurityPages {

	private static final String ENROL_SECRET = "lapor.voluntarySecret";

	private final CurrentActor actor;

	private final AccountChanges changes;

	private final SecondFactor secondFactor;

	private final MessageSource messages;

	SecurityPages(CurrentActor actor, AccountChanges changes, SecondFactor secondFactor, MessageSource messages) {
		this.actor = actor;
		this.changes = changes;
		this.secondFactor = secondFactor;
		this.messages = messages;
	}

	@GetMapping("/keamanan")
	String page(Model model, HttpSession session) {
		Optional<Actor> me = this.actor.get();
		if (me.isEmpty()) {
			return "redirect:/masuk";
		}
		return show(me.get(), model, Map.of(), session);
	}

	@PostMapping("/keamanan/sandi")
	String changePassword(@RequestParam(required = false) String current, @RequestParam(required = false) String password,
			@RequestParam(required = false) String passwordAgain, Model model, Locale locale,
			HttpServletResponse response, HttpSession session) {
		Optional<Actor> me = this.actor.get();
		if (me.isEmpty()) {
			return "redirect:/masuk";
		}
		Map<String, String> errors = new LinkedHashMap<>();
		if (!this.changes.passwordMatches(me.get().userId(), current)) {
			errors.put("current", text("security.current.wrong", locale));
		}
		PasswordPolicy.problem(me.get().role(), me.get().username(), password)
			.ifPresent(problem -> errors.put("password",
					text((String) problem[0], locale, java.util.Arrays.copyOfRange(problem, 1, problem.length))));
		if (!errors.containsKey("password") && password != null && !password.equals(passwordAgain)) {
			errors.put("passwordAgain", text("register.password.mismatch", locale));
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(me.get(), model, errors, session);
		}
		// every session of the account ends, this one too: sign in again with the new password
		this.changes.changeOwnPassword(me.get(), password);
		return "redirect:/masuk?sandi";
	}

	@PostMapping("/keamanan/faktor-kedua")
	String enrol(@RequestParam(required = false) String code, Model model, HttpSession session, Locale locale,
			HttpServletResponse response) {
		Optional<Actor> me = this.actor.get();
		String secret = (String) session.getAttribute(ENROL_SECRET);
		if (me.isEmpty() || secret == null) {
			return "redirect:/keamanan";
		}
		Optional<List<String>> codes = this.secondFactor.enrol(me.get().userId(), secret, code);
		if (codes.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("failure", "wrong");
			return show(me.get(), model, Map.of(), session);
		}
		session.removeAttribute(ENROL_SECRET);
		model.addAttribute("codes", codes.get());
		model.addAttribute("continueTo", "/keamanan");
		return "second-factor-codes";
	}

	private String show(Actor me, Model model, Map<String, String> errors, HttpSession session) {
		boolean enrolled = this.secondFactor.enrolled(me.userId());
		model.addAttribute("enrolled", enrolled);
		model.addAttribute("errors", errors);
		model.addAttribute("min", me.role() == Role.REPORTER ? PasswordPolicy.REPORTER_MIN : PasswordPolicy.OFFICER_MIN);
		if (enrolled) {
			model.addAttribute("recoveryLeft", this.secondFactor.recoveryCodesLeft(me.userId()));
		}
		else {
			String secret = (String) session.getAttribute(ENROL_SECRET);
			if (secret == null) {
				secret = this.secondFactor.newSecret();
				session.setAttribute(ENROL_SECRET, secret);
			}
			SecondFactor.Enrolment enrolment = SecondFactor.enrolment(secret, me.username());
			model.addAttribute("qr", enrolment.qr());
			model.addAttribute("secret", enrolment.key());
		}
		return "security";
	}

	private String text(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
