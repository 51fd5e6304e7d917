package id.go.jambiprov.lapor.account.internal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.servlet.http.HttpServletResponse;

import id.go.jambiprov.lapor.account.NewUser;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.account.internal.AccountRevocation;
import id.go.jambiprov.lapor.account.internal.UserStore;
import id.go.jambiprov.lapor.directory.Agency;
import id.go.jambiprov.lapor.directory.Directory;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The system admin's user pages: officers' accounts with their role and scope, created,
 * disabled and enabled again, passwords reset. The system admin never sees report content.
 */
@Controller
class AdminPages {

	static final List<Role> ASSIGNABLE = List.of(Role.NATIONAL_ADMIN, Role.COORDINATOR, Role.LIAISON, Role.SUPERVISOR,
			Role.SYSTEM_ADMIN);

	record UserRow(UUID id, String username, String displayName, Role role, String jurisdiction, String agency,
			boolean enabled, String email) {
	}

	record UserForm(String username, String displayName, Role role, String jurisdiction, String agency,
			String password, String email) {
	}

	private final UserStore users;

	private final JdbcClient jdbc;

	private final Directory directory;

	private final PasswordEncoder passwords;

	private final MessageSource messages;

	private final AccountRevocation revocation;

	AdminPages(UserStore users, JdbcClient jdbc, Directory directory, PasswordEncoder passwords,
			MessageSource messages, AccountRevocation revocation) {
		this.revocation = revocation;
		this.users = users;
		this.jdbc = jdbc;
		this.directory = directory;
		this.passwords = passwords;
		this.messages = messages;
	}

	@GetMapping("/admin")
	String users(Model model) {
		return show(new UserForm(null, null, null, null, null, null, null), Map.of(), model);
	}

	@PostMapping("/admin/pengguna")
	String create(@ModelAttribute UserForm form, Model model, Locale locale, HttpServletResponse response,
			RedirectAttributes redirect) {
		Map<String, String> errors = new LinkedHashMap<>();
		String username = form.username() == null ? "" : form.username().strip().toLowerCase(Locale.ROOT);
		if (!username.matches("[a-z0-9._@+-]{3,100}")) {
			errors.put("username", text("admin.username.invalid", locale));
		}
		else if (this.users.find(username).isPresent()) {
			errors.put("username", text("register.taken", locale));
		}
		if (form.role() == null || !ASSIGNABLE.contains(form.role())) {
			errors.put("role", text("field.required", locale));
		}
		String jurisdiction = blankToNull(form.jurisdiction());
		String agency = blankToNull(form.agency());
		if (form.role() == Role.LIAISON) {
			Agency chosen = agency == null ? null : this.directory.agency(agency).orElse(null);
			if (chosen == null) {
				errors.put("agency", text("admin.agency.required", locale));
			}
			else {
				jurisdiction = chosen.jurisdiction();
			}
		}
		else {
			agency = null;
		}
		if ((form.role() == Role.COORDINATOR || form.role() == Role.SUPERVISOR)
				&& (jurisdiction == null || this.directory.jurisdiction(jurisdiction).isEmpty())) {
			errors.put("jurisdiction", text("admin.jurisdiction.required", locale));
		}
		if (form.role() == Role.NATIONAL_ADMIN || form.role() == Role.SYSTEM_ADMIN) {
			jurisdiction = null;
		}
		if (form.password() == null || form.password().length() < RegistrationPages.PASSWORD_MIN) {
			errors.put("password", text("register.password.short", locale, RegistrationPages.PASSWORD_MIN));
		}
		String email = blankToNull(form.email());
		if (email != null) {
			try {
				email = new InternetAddress(email, true).getAddress().toLowerCase(Locale.ROOT);
			}
			catch (AddressException invalid) {
				errors.put("email", text("field.email", locale));
			}
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			return show(new UserForm(form.username(), form.displayName(), form.role(), form.jurisdiction(),
					form.agency(), null, form.email()), errors, model);
		}
		this.users.createIfAbsent(new NewUser(username, form.password(), blankToNull(form.displayName()), form.role(),
				jurisdiction, agency, email));
		redirect.addFlashAttribute("done", text("admin.created", locale, username));
		return "redirect:/admin";
	}

	@PostMapping("/admin/pengguna/{id}/status")
	@Transactional
	String enable(@PathVariable UUID id, @RequestParam boolean enabled, Locale locale, RedirectAttributes redirect) {
		this.jdbc.sql("update app_user set enabled = ? where id = ?").params(enabled, id).update();
		if (!enabled) {
			this.revocation.revoke(id);
		}
		redirect.addFlashAttribute("done", text(enabled ? "admin.enabled" : "admin.disabled", locale));
		return "redirect:/admin";
	}

	@PostMapping("/admin/pengguna/{id}/sandi")
	@Transactional
	String resetPassword(@PathVariable UUID id, @RequestParam String password, Locale locale,
			RedirectAttributes redirect) {
		if (password == null || password.length() < RegistrationPages.PASSWORD_MIN) {
			redirect.addFlashAttribute("failed", text("register.password.short", locale, RegistrationPages.PASSWORD_MIN));
			return "redirect:/admin";
		}
		this.jdbc.sql("update app_user set password_hash = ? where id = ?")
			.params(this.passwords.encode(password), id)
			.update();
		this.revocation.revoke(id);
		redirect.addFlashAttribute("done", text("admin.password-reset", locale));
		return "redirect:/admin";
	}

	private String show(UserForm form, Map<String, String> errors, Model model) {
		model.addAttribute("rows", this.jdbc.sql("""
				select id, username, display_name, role, jurisdiction, agency, enabled, email from app_user
				where role <> 'REPORTER' order by role, username""")
			.query(UserRow.class)
			.list());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("roles", ASSIGNABLE);
		model.addAttribute("jurisdictions", this.directory.jurisdictions());
		model.addAttribute("agencies", this.directory.agencies());
		return "admin-users";
	}

	private String text(String code, Locale locale, Object... arguments) {
		return this.messages.getMessage(code, arguments, locale);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
