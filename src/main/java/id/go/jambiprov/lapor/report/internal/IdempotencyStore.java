package id.go.jambiprov.lapor.report.internal;

import id.go.jambiprov.lapor.shared.Hashes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Remembers the first answer to a create with an {@code Idempotency-Key}, so that a client
 * retrying after a lost answer gets the same report (and its access key) instead of a second
 * one. The key is the primary key: of two concurrent first tries, one commits and the other
 * fails on it and reads the winner's answer.
 * <p>
 * Nothing stored gives the report's access key away: the client's key is kept as its SHA-256,
 * and the access key is encrypted (AES-GCM) with a key derived from the client's key, which only
 * the client holds. Rows written before (plain) are still read for the day they live.
 */
@Component
class IdempotencyStore {

	/** Marks an access key stored encrypted (older rows hold it plain). */
	private static final String VERSION = "v1:";

	private static final SecureRandom RANDOM = new SecureRandom();

	record Stored(String requestHash, UUID reportId, String trackingCode, String accessKey, String status) {
	}

	private final JdbcClient jdbc;

	IdempotencyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Stored> find(String key) {
		return this.jdbc.sql("""
				select request_hash, report_id, tracking_code, access_key, status from idempotency_key
				where idempotency_key in (?, ?)""")
			.params(hashed(key), key)
			.query(Stored.class)
			.optional()
			.map(stored -> new Stored(stored.requestHash(), stored.reportId(), stored.trackingCode(),
					decrypt(stored.accessKey(), key), stored.status()));
	}

	void store(String key, Stored stored, Instant at) {
		this.jdbc.sql("""
				insert into idempotency_key (idempotency_key, request_hash, report_id, tracking_code, access_key, status, created_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(hashed(key), stored.requestHash(), stored.reportId(), stored.trackingCode(),
					encrypt(stored.accessKey(), key), stored.status(), Timestamp.from(at))
			.update();
	}

	private static String hashed(String key) {
		return "sha256:" + AccessKeys.sha256(key);
	}

	private static SecretKeySpec secret(String key) {
		return new SecretKeySpec(Hashes.sha256(("lapor-idempotency-secret:" + key).getBytes(StandardCharsets.UTF_8)),
				"AES");
	}

	static String encrypt(String accessKey, String key) {
		try {
			byte[] iv = new byte[12];
			RANDOM.nextBytes(iv);
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.ENCRYPT_MODE, secret(key), new GCMParameterSpec(128, iv));
			byte[] sealed = cipher.doFinal(accessKey.getBytes(StandardCharsets.UTF_8));
			byte[] all = new byte[iv.length + sealed.length];
			System.arraycopy(iv, 0, all, 0, iv.length);
			System.arraycopy(sealed, 0, all, iv.length, sealed.length);
			return VERSION + Base64.getEncoder().encodeToString(all);
		}
		catch (GeneralSecurityException failed) {
			throw new IllegalStateException(failed);
		}
	}

	static String decrypt(String stored, String key) {
		if (!stored.startsWith(VERSION)) {
			return stored; // written before the access key was encrypted
		}
		try {
			byte[] all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
			Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
			cipher.init(Cipher.DECRYPT_MODE, secret(key), new GCMParameterSpec(128, all, 0, 12));
			return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException failed) {
			throw new IllegalStateException(failed);
		}
	}

}
