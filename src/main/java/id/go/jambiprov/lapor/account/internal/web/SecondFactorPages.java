package id.go.jambiprov.lapor.account.internal.web;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.account.internal.PageLogin;
import id.go.jambiprov.lapor.account.internal.PendingSignIn;
import id.go.jambiprov.lapor.account.internal.SecondFactor;
import id.go.jambiprov.lapor.shared.RateLimitExceeded;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of signing in: the code of the authenticator (or a recovery code), or, for a
 * national admin or a coordinator who has none yet, its enrolment — a QR code drawn here, the
 * secret to type in by hand, the first code to prove it, and ten recovery codes shown once.
 * Only a sign-in whose password was right reaches these pages; it grants nothing until then.
 */
@Controller
class SecondFactorPages {

	private static final Logger security = LoggerFactory.getLogger("security");

	private static final String ENROL_SECRET = "lapor.enrolSecret";

	private final SecondFactor secondFactor;

	private final PageLogin login;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SecondFactorPages(SecondFactor secondFactor, PageLogin login) {
		this.secondFactor = secondFactor;
		this.login = login;
	}

	private static Optional<PendingSignIn> pending(SecondFactor.Step step) {
		return SecurityContextHolder.getContext().getAuthentication() instanceof PendingSignIn pending
				&& pending.step() == step ? Optional.of(pending) : Optional.empty();
	}

	@GetMapping("/masuk/kode")
	String codeForm(Model model) {
		if (pending(SecondFactor.Step.CODE).isEmpty()) {
			return "redirect:/masuk";
		}
		return "second-factor";
	}

	@PostMapping("/masuk/kode")
	String code(@RequestParam(required = false) String code, Model model, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Optional<PendingSignIn> pending = pending(SecondFactor.Step.CODE);
		if (pending.isEmpty()) {
			return "redirect:/masuk";
		}
		boolean right;
		try {
			right = this.secondFactor.check(pending.get().actor().userId(), pending.get().actor().username(), code,
					request.getRemoteAddr());
		}
		catch (RateLimitExceeded throttled) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("failure", "throttled");
			return "second-factor";
		}
		if (!right) {
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
			model.addAttribute("failure", "wrong");
			return "second-factor";
		}
		complete(pending.get(), request, response);
		return null;
	}

	@GetMapping("/masuk/kode/daftar")
	String enrolForm(Model model, HttpSession session) {
		Optional<PendingSignIn> pending = pending(SecondFactor.Step.ENROL);
		if (pending.isEmpty()) {
			return "redirect:/masuk";
		}
		String secret = (String) session.getAttribute(ENROL_SECRET);
		if (secret == null) {
			secret = this.secondFactor.newSecret();
			session.setAttribute(ENROL_SECRET, secret);
		}
		show(model, secret, pending.get().actor().username());
		return "second-factor-enrol";
	}

	@PostMapping("/masuk/kode/daftar")
	String enrol(@RequestParam(required = false) String code, Model model, HttpSession session,
			HttpServletRequest request, HttpServletResponse response) {
		Optional<PendingSignIn> pending = pending(SecondFactor.Step.ENROL);
		String secret = (String) session.getAttribute(ENROL_SECRET);
		if (pending.isEmpty() || secret == null) {
			return "redirect:/masuk";
		}
		Optional<List<String>> codes = this.secondFactor.enrol(pending.get().actor().userId(), secret, code);
		if (codes.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("failure", "wrong");
			show(model, secret, pending.get().actor().username());
			return "second-factor-enrol";
		}
		session.removeAttribute(ENROL_SECRET);
		security.info("event=second-factor-enrolled user={}", pending.get().actor().username());
		// signed in now; the recovery codes are shown this once, before going on
		signIn(pending.get(), request, response);
		// the header was drawn for the sign-in under way; it is someone now
		model.addAttribute("me", pending.get().actor());
		model.addAttribute("codes", codes.get());
		return "second-factor-codes";
	}

	@PostMapping("/masuk/kode/lanjut")
	void proceed(HttpServletRequest request, HttpServletResponse response) throws IOException {
		var authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof id.go.jambiprov.lapor.account.Actor actor) {
			this.login.signedIn(request, response, actor);
			return;
		}
		response.sendRedirect(request.getContextPath() + "/masuk");
	}

	private void show(Model model, String secret, String username) {
		SecondFactor.Enrolment enrolment = SecondFactor.enrolment(secret, username);
		model.addAttribute("qr", enrolment.qr());
		model.addAttribute("secret", enrolment.key());
		model.addAttribute("username", username);
	}

	private void complete(PendingSignIn pending, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		signIn(pending, request, response);
		this.login.signedIn(request, response, pending.actor());
	}

	/** Replaces the pending sign-in with the signed-in actor, under a new session id. */
	private void signIn(PendingSignIn pending, HttpServletRequest request, HttpServletResponse response) {
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(PageLogin.signedIn(pending.actor()));
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		security.info("event=signed-in user={} role={} second-factor=true", pending.actor().username(),
				pending.actor().role());
	}

}
