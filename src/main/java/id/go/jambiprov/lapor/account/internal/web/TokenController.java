package id.go.jambiprov.lapor.account.internal.web;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import id.go.jambiprov.lapor.account.internal.TokenService;
import id.go.jambiprov.lapor.web.InvalidInputException;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Autentikasi / Authentication")
class TokenController {

	/** {@code otp}: the second factor's code (or a recovery code), for accounts that have one. */
	record Credentials(String username, String password, String otp) {
	}

	record TokenResponse(@JsonProperty("access_token") String accessToken,
			@JsonProperty("token_type") String tokenType, @JsonProperty("expires_in") long expiresIn) {
	}

	private final TokenService tokens;

	TokenController(TokenService tokens) {
		this.tokens = tokens;
	}

	@PostMapping("/api/v1/auth/token")
	@Operation(summary = "Masuk dan dapatkan token / Log in for a bearer token",
			description = "An account with a second factor sends its code in otp (a 6-digit TOTP code or a recovery "
					+ "code); without it, 401 with problem type second-factor-required. National admins and "
					+ "coordinators must enrol a second factor on the sign-in page first.")
	TokenResponse token(@RequestBody Credentials credentials, HttpServletRequest request) {
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		if (credentials.username() == null || credentials.username().isBlank()) {
			errors.add("username", "required");
		}
		if (credentials.password() == null || credentials.password().isEmpty()) {
			errors.add("password", "required");
		}
		errors.throwIfAny();
		TokenService.Token token = this.tokens.issue(credentials.username().strip(), credentials.password(),
				credentials.otp(), request.getRemoteAddr());
		return new TokenResponse(token.accessToken(), "Bearer", token.expiresIn());
	}

}
