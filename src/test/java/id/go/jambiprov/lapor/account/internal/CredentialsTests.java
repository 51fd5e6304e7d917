package id.go.jambiprov.lapor.account.internal;

import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.shared.RateLimitExceeded;
import id.go.jambiprov.lapor.shared.SharedRateLimits;
import id.go.jambiprov.lapor.web.ProblemException;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * Sign-in throttling protects the right people: a stranger guessing an officer's password from
 * one address cannot lock the officer out at another, and one address trying many usernames is
 * slowed down.
 */
class CredentialsTests {

	private final PasswordEncoder passwords = PasswordEncoderFactories.createDelegatingPasswordEncoder();

	private final UserStore users = mock(UserStore.class);

	private final Credentials credentials = new Credentials(this.users, this.passwords,
			SharedRateLimits.inMemory(), new io.micrometer.core.instrument.simple.SimpleMeterRegistry(), 3, 5);

	{
		when(this.users.find(anyString())).thenReturn(Optional.empty());
		when(this.users.find("koordinator")).thenReturn(Optional.of(new UserAccount(UUID.randomUUID(), "koordinator",
				this.passwords.encode("benar-sekali"), "Koordinator", Role.COORDINATOR, "JAMBI", null, true, 0)));
	}

	@Test
	void aGuesserElsewhereCannotLockAnOfficerOut() {
		for (int i = 0; i < 3; i++) {
			int attempt = i;
			assertThatThrownBy(() -> this.credentials.check("koordinator", "tebakan-" + attempt, "203.0.113.9"))
				.isInstanceOf(ProblemException.class);
		}
		// the guesser's address waits, even with the right password
		assertThatThrownBy(() -> this.credentials.check("koordinator", "benar-sekali", "203.0.113.9"))
			.isInstanceOf(RateLimitExceeded.class);
		// the officer at the office signs in
		assertThat(this.credentials.check("koordinator", "benar-sekali", "198.51.100.20").username())
			.isEqualTo("koordinator");
	}

	@Test
	void oneAddressSprayingManyUsernamesIsSlowed() {
		for (int i = 0; i < 5; i++) {
			int attempt = i;
			assertThatThrownBy(() -> this.credentials.check("pengguna" + attempt, "sandi", "203.0.113.50"))
				.isInstanceOf(ProblemException.class);
		}
		assertThatThrownBy(() -> this.credentials.check("koordinator", "benar-sekali", "203.0.113.50"))
			.isInstanceOf(RateLimitExceeded.class);
		assertThat(this.credentials.check("koordinator", "benar-sekali", "198.51.100.21").username())
			.isEqualTo("koordinator");
	}

}
