package id.go.jambiprov.lapor.account.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

import com.nulabinc.zxcvbn.Zxcvbn;

import id.go.jambiprov.lapor.account.Role;

/**
 * How strong a password must be. Officers, who may see reports and reporters: at least 12
 * characters, and hard to guess by zxcvbn's estimate (score 3 of 4: common and breached
 * passwords, words, names, dates, keyboard patterns and the username itself score low).
 * Reporter accounts: at least 8 characters.
 */
public final class PasswordPolicy {

	public static final int OFFICER_MIN = 12;

	public static final int REPORTER_MIN = 8;

	static final int OFFICER_SCORE = 3;

	/** What bcrypt reads of a password. */
	public static final int MAX_BYTES = 72;

	private static final Zxcvbn ZXCVBN = new Zxcvbn();

	private PasswordPolicy() {
	}

	/** What is wrong with the password, as a message key and its arguments; empty when it will do. */
	public static Optional<Object[]> problem(Role role, String username, String password) {
		int min = role == Role.REPORTER ? REPORTER_MIN : OFFICER_MIN;
		if (password == null || password.length() < min) {
			return Optional.of(new Object[] { "password.too-short", min });
		}
		if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			return Optional.of(new Object[] { "password.too-long", MAX_BYTES });
		}
		if (role != Role.REPORTER && ZXCVBN.measure(password, List.of(username, "lapor", "jambi")).getScore() < OFFICER_SCORE) {
			return Optional.of(new Object[] { "password.too-weak" });
		}
		return Optional.empty();
	}

}
