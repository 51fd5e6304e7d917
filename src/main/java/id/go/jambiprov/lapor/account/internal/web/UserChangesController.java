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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every change to a user, for the system admin and the national admin. */
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
