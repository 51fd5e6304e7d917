package id.go.jambiprov.lapor.account.internal;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.CurrentActor;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Gives every page the signed-in person (or null), for the header's links and the sign-out
 * button.
 */
@ControllerAdvice
class SignedInUser {

	private final CurrentActor actor;

	SignedInUser(CurrentActor actor) {
		this.actor = actor;
	}

	@ModelAttribute("me")
	Actor me() {
		return this.actor.get().filter(Actor::hasAccount).orElse(null);
	}

}
