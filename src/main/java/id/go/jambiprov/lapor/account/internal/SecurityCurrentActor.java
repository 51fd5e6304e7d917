package id.go.jambiprov.lapor.account.internal;

import java.util.Optional;
import java.util.UUID;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.CurrentActor;
import id.go.jambiprov.lapor.account.Role;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Reads the actor from the verified token's claims (API) or from the signed-in session (pages).
 */
@Component
class SecurityCurrentActor implements CurrentActor {

	@Override
	public Optional<Actor> get() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication instanceof JwtAuthenticationToken token) {
			return Optional.of(fromClaims(token.getToken()));
		}
		if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
			return Optional.of(actor);
		}
		return Optional.empty();
	}

	static Actor fromClaims(Jwt jwt) {
		return new Actor(UUID.fromString(jwt.getClaimAsString(TokenService.USER_ID)), jwt.getSubject(),
				Role.valueOf(jwt.getClaimAsString(TokenService.ROLE)), jwt.getClaimAsString(TokenService.JURISDICTION),
				jwt.getClaimAsString(TokenService.AGENCY));
	}

}
