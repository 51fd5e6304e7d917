package id.go.jambiprov.lapor.account.internal.web;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.CurrentActor;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.account.internal.AccountChanges;
import id.go.jambiprov.lapor.web.ProblemException;
import id.go.jambiprov.lapor.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Users through the API: the accounts waiting for the caller's approval, the approval itself
 * (four eyes, see {@link AccountChanges}), and every change to a user.
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Pengguna / Users")
class UserChangesController {

	private final AccountChanges changes;

	private final CurrentActor actor;

	UserChangesController(AccountChanges changes, CurrentActor actor) {
		this.changes = changes;
		this.actor = actor;
	}

	@GetMapping("/pending")
	@Operation(summary = "Akun yang menunggu persetujuan Anda / Accounts waiting for the caller's approval",
			description = "A national admin sees national admins and coordinators; a coordinator the liaison officers "
					+ "and supervisors of their jurisdiction. Never the caller's own account or request.")
	List<AccountChanges.PendingAccount> pending() {
		return this.changes.pendingFor(officer());
	}

	@PostMapping("/{id}/approval")
	@Operation(summary = "Setujui akun / Approve an account waiting for the caller",
			description = "The second person. The answer names the one-time link to set a password when it was not "
					+ "mailed (the account has no e-mail): hand it over in person. 403 when the request does not "
					+ "wait for the caller.")
	AccountChanges.Outcome approve(@PathVariable UUID id) {
		try {
			return this.changes.approve(officer(), id);
		}
		catch (AccountChanges.Refused refused) {
			throw new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN_ACTION, refused.messageKey(),
					refused.arguments());
		}
	}

	@PostMapping("/{id}/rejection")
	@Operation(summary = "Tolak akun / Reject an account waiting for the caller")
	ResponseEntity<Void> reject(@PathVariable UUID id) {
		try {
			this.changes.reject(officer(), id);
			return ResponseEntity.noContent().build();
		}
		catch (AccountChanges.Refused refused) {
			throw new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN_ACTION, refused.messageKey(),
					refused.arguments());
		}
	}

	private Actor officer() {
		Actor caller = this.actor.get()
			.orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED,
					"problem.unauthenticated"));
		if (!caller.role().isOfficer()) {
			throw new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN_ACTION,
					"account.refused.not-yours");
		}
		return caller;
	}

	@GetMapping("/{id}/changes")
	@Operation(summary = "Riwayat perubahan pengguna / Every change to a user, newest first",
			description = "Created, approved, rejected, enabled, disabled, reset, password set: who, when, before, "
					+ "after, why. The system admin and the national admin.")
	List<AccountChanges.Change> changes(@PathVariable UUID id) {
		Actor caller = this.actor.get()
			.orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED,
					"problem.unauthenticated"));
		if (caller.role() != Role.SYSTEM_ADMIN && caller.role() != Role.NATIONAL_ADMIN) {
			throw new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN_ACTION, "problem.forbidden-users");
		}
		if (!this.changes.exists(id)) {
			throw new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "problem.user-not-found");
		}
		return this.changes.changes(id);
	}

}
