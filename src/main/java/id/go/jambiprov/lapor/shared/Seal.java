package id.go.jambiprov.lapor.shared;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Seals what is kept in the database but must not be readable from a copy of it or of its
 * backups, with AES-GCM: the text of a message while it waits in an outbox (a receipt carries
 * the report's access key; a reply, what the reporter wrote; once sent, the text is cleared
 * anyway), and an officer's second-factor secret. The key is
 * derived from {@code lapor.security.outbox-secret}, else from the token secret every instance
 * shares ({@code lapor.security.token-secret}, required in production), else (demo, tests) from
 * a fixed development secret, so that waiting messages survive a restart.
 * <p>
 * A text stored before sealing was introduced (no prefix) is read as it is. Changing the secret
 * makes the messages still waiting unreadable: let the outboxes drain first.
 */
@Component
public class Seal {

	private static final Logger log = LoggerFactory.getLogger(Seal.class);

	static final String PREFIX = "sealed:v1:";

	private static final String DEVELOPMENT_SECRET = "lapor-jambi-development-outbox-secret";

	private static final int IV_BYTES = 12;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final SecretKeySpec key;

	public Seal(@Value("${lapor.security.outbox-secret:}") String outboxSecret,
			@Value("${lapor.security.token-secret:}") String tokenSecret) {
		String secret = !outboxSecret.isBlank() ? outboxSecret : tokenSecret;
		if (secret.isBlank()) {
			log.info("No lapor.security.outbox-secret or token-secret set: waiting messages are sealed with the "
					+ "development key (fine for the demo, never for production)");
			secret = DEVELOPMENT_SECRET;
		}
		this.key = derive(secret);
	}

	private static SecretKeySpec derive(String secret) {
		return new SecretKeySpec(Hashes.sha256(("lapor-outbox-seal:" + secret).getBytes(StandardCharsets.UTF_8)), "AES");
	}

	/** The text as it is stored while it waits. */
	public String seal(String text) {
		try {
			byte[] iv = new byte[IV_BYTES];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, this.key, new GCMParameterSpec(128, iv));
			byte[] sealed = cipher.doFinal(text.getBytes(StandardCharsets.UTF_8));
			byte[] all = new byte[iv.length + sealed.length];
			System.arraycopy(iv, 0, all, 0, iv.length);
			System.arraycopy(sealed, 0, all, iv.length, sealed.length);
			return PREFIX + Base64.getEncoder().encodeToString(all);
		}
		catch (GeneralSecurityException failed) {
			throw new IllegalStateException(failed);
		}
	}

	/**
	 * The text a stored value holds.
	 * @throws IllegalStateException when it was sealed under another secret (or tampered with)
	 */
	public @Nullable String open(@Nullable String stored) {
		if (stored == null || !stored.startsWith(PREFIX)) {
			return stored; // nothing, or stored before texts were sealed
		}
		try {
			byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, this.key, new GCMParameterSpec(128, all, 0, IV_BYTES));
			return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException | IllegalArgumentException unreadable) {
			throw new IllegalStateException("Sealed under another outbox secret, or changed", unreadable);
		}
	}

}
