package id.go.jambiprov.lapor.account.internal.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.servlet.http.HttpServletResponse;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.CurrentActor;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.account.internal.AccountChanges;
import id.go.jambiprov.lapor.account.internal.UserStore;
import id.go.jambiprov.lapor.directory.Agency;
import id.go.jambiprov.lapor.directory.Directory;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Controller;
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
			boolean enabled, String email, String pendingChange, boolean secondFactor,
			List<AccountChanges.Change> changes) {
	}

	record UserForm(String username, String displayName, Role role, String jurisdiction, String agency,
			String reason, String email) {
	}

	private final UserStore users;

	private final JdbcClient jdbc;

	private final Directory directory;

	private final PasswordEncoder passwords;

	private final MessageSource messages;

	private final AccountChanges changes;

	private final CurrentActor actor;

	AdminPages(UserStore users, JdbcClient jdbc, Directory directory, PasswordEncoder passwords,
			MessageSource messages, AccountChanges changes, CurrentActor actor) {
		this.changes = changes;
		this.actor = actor;
		this.users = users;
		this.jdbc = jdbc;
		this.directory = directory;
		this.passwords = passwords;
		this.messages = messages;
	}

	@GetMapping("/admin")
	String users(Model model, Locale locale) {
		return show(new UserForm(null, null, null, null, null, null, null), Map.of(), model, locale);
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
					form.agency(), form.reason(), form.email()), errors, model, locale);
		}
		AccountChanges.Outcome outcome = this.changes.create(admin(), username, blankToNull(form.displayName()),
				form.role(), jurisdiction, agency, email, blankToNull(form.reason()));
		redirect.addFlashAttribute("done", AccountChanges.needsApproval(form.role())
				? text("admin.created.pending", locale, username, text(approverKey(form.role()), locale))
				: text("admin.created", locale, username));
		handOver(outcome, redirect, this.messages, locale);
		return "redirect:/admin";
	}

	/** Who approves an account of that role, said to the system admin. */
	private static String approverKey(Role role) {
		return role == Role.NATIONAL_ADMIN || role == Role.COORDINATOR ? "admin.approver.national"
				: "admin.approver.coordinator";
	}

	/** A link that was not mailed is shown once, to be handed over in person. */
	static void handOver(AccountChanges.Outcome outcome, RedirectAttributes redirect, MessageSource messages,
			Locale locale) {
		if (outcome.mailed()) {
			redirect.addFlashAttribute("link",
					messages.getMessage("admin.link.mailed", new Object[] { outcome.username() }, locale));
		}
		else if (outcome.link() != null) {
			redirect.addFlashAttribute("link",
					messages.getMessage("admin.link.once", new Object[] { outcome.username() }, locale));
			redirect.addFlashAttribute("linkUrl", outcome.link());
		}
	}

	@PostMapping("/admin/pengguna/{id}/status")
	String enable(@PathVariable UUID id, @RequestParam boolean enabled,
			@RequestParam(required = false) String reason, Locale locale, RedirectAttributes redirect) {
		try {
			if (enabled) {
				boolean waiting = this.changes.enable(admin(), id, blankToNull(reason)).waiting();
				redirect.addFlashAttribute("done", text(waiting ? "admin.enable.pending" : "admin.enabled", locale));
			}
			else {
				this.changes.disable(admin(), id, blankToNull(reason));
				redirect.addFlashAttribute("done", text("admin.disabled", locale));
			}
		}
		catch (AccountChanges.Refused refused) {
			redirect.addFlashAttribute("failed", text(refused.messageKey(), locale, refused.arguments()));
		}
		return "redirect:/admin";
	}

	@PostMapping("/admin/pengguna/{id}/sandi")
	String resetPassword(@PathVariable UUID id, @RequestParam(required = false) String reason, Locale locale,
			RedirectAttributes redirect) {
		try {
			AccountChanges.Outcome outcome = this.changes.reset(admin(), id, blankToNull(reason));
			redirect.addFlashAttribute("done",
					text(outcome.waiting() ? "admin.password-reset.pending" : "admin.password-reset", locale));
			handOver(outcome, redirect, this.messages, locale);
		}
		catch (AccountChanges.Refused refused) {
			redirect.addFlashAttribute("failed", text(refused.messageKey(), locale, refused.arguments()));
		}
		return "redirect:/admin";
	}

	@PostMapping("/admin/pengguna/{id}/faktor-kedua")
	String resetSecondFactor(@PathVariable UUID id, @RequestParam(required = false) String reason, Locale locale,
			RedirectAttributes redirect) {
		try {
			boolean waiting = this.changes.resetSecondFactor(admin(), id, blankToNull(reason)).waiting();
			redirect.addFlashAttribute("done", text(
					waiting ? "admin.second-factor-reset.pending" : "admin.second-factor-reset", locale));
		}
		catch (AccountChanges.Refused refused) {
			redirect.addFlashAttribute("failed", text(refused.messageKey(), locale, refused.arguments()));
		}
		return "redirect:/admin";
	}

	private Actor admin() {
		return this.actor.get().filter(a -> a.role() == Role.SYSTEM_ADMIN).orElseThrow(
				() -> new AccountChanges.Refused("account.refused.role"));
	}

	private String show(UserForm form, Map<String, String> errors, Model model, Locale locale) {
		model.addAttribute("rows", this.jdbc.sql("""
				select id, username, display_name, role, jurisdiction, agency, enabled, email, pending_change,
				       (select count(*) from second_factor f where f.user_id = app_user.id) as factors
				from app_user where role <> 'REPORTER' order by role, username""")
			.query((rs, n) -> {
				UUID id = rs.getObject("id", UUID.class);
				return new UserRow(id, rs.getString("username"), rs.getString("display_name"),
						Role.valueOf(rs.getString("role")), rs.getString("jurisdiction"), rs.getString("agency"),
						rs.getBoolean("enabled"), rs.getString("email"), rs.getString("pending_change"),
						rs.getInt("factors") > 0, this.changes.changes(id));
			})
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
