package id.go.jambiprov.lapor.account.internal.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Signing in (officers, admins and citizens with an account) and out.
 */
@Controller
class AccountPages {

	private final boolean demo;

	AccountPages(@org.springframework.beans.factory.annotation.Value("${lapor.demo.enabled:false}") boolean demo) {
		this.demo = demo;
	}

	@GetMapping("/masuk")
	String login(@RequestParam(name = "gagal", required = false) String failed,
			@RequestParam(name = "terlalu-banyak", required = false) String throttled,
			@RequestParam(name = "keluar", required = false) String loggedOut,
			@RequestParam(name = "terdaftar", required = false) String registered,
			@RequestParam(name = "sandi", required = false) String passwordSet, Model model) {
		model.addAttribute("passwordSet", passwordSet != null);
		model.addAttribute("demo", this.demo);
		model.addAttribute("loggedOut", loggedOut != null);
		model.addAttribute("registered", registered != null);
		model.addAttribute("failure", throttled != null ? "throttled" : failed != null ? "failed" : null);
		return "login";
	}

}
