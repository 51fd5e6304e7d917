package id.go.jambiprov.lapor.account.internal.web;

import java.util.Locale;
import java.util.UUID;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.CurrentActor;
import id.go.jambiprov.lapor.account.internal.AccountChanges;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The second pair of eyes: a national admin approves national admins and coordinators, a
 * coordinator the liaison officers and supervisors of their jurisdiction. The page shows who
 * asked, for which role and scope, and why; an approved account's link to set its password is
 * shown here once when the account has no e-mail.
 */
@Controller
class ApprovalPages {

	private final AccountChanges changes;

	private final CurrentActor actor;

	private final MessageSource messages;

	ApprovalPages(AccountChanges changes, CurrentActor actor, MessageSource messages) {
		this.changes = changes;
		this.actor = actor;
		this.messages = messages;
	}

	@GetMapping("/petugas/persetujuan")
	String pending(Model model) {
		model.addAttribute("pending", this.changes.pendingFor(officer()));
		return "approvals";
	}

	@PostMapping("/petugas/persetujuan/{id}/setujui")
	String approve(@PathVariable UUID id, Locale locale, RedirectAttributes redirect) {
		try {
			AccountChanges.Outcome outcome = this.changes.approve(officer(), id);
			redirect.addFlashAttribute("done", text("approval.approved", locale, outcome.username()));
			AdminPages.handOver(outcome, redirect, this.messages, locale);
		}
		catch (AccountChanges.Refused refused) {
			redirect.addFlashAttribute("failed", text(refused.messageKey(), locale, refused.arguments()));
		}
		return "redirect:/petugas/persetujuan";
	}

	@PostMapping("/petugas/persetujuan/{id}/tolak")
	String reject(@PathVariable UUID id, Locale locale, RedirectAttributes redirect) {
		try {
			this.changes.reject(officer(), id);
			redirect.addFlashAttribute("done", text("approval.rejected", locale));
		}
		catch (AccountChanges.Refused refused) {
			redirect.addFlashAttribute("failed", text(refused.messageKey(), locale, refused.arguments()));
		}
		return "redirect:/petugas/persetujuan";
	}

	private Actor officer() {
		return this.actor.get().filter(a -> a.role().isOfficer())
			.orElseThrow(() -> new AccountChanges.Refused("account.refused.not-yours"));
	}

	private String text(String key, Locale locale, Object... arguments) {
		return this.messages.getMessage(key, arguments, locale);
	}

}
