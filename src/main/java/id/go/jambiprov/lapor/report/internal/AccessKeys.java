package id.go.jambiprov.lapor.report.internal;

import id.go.jambiprov.lapor.shared.Hashes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.regex.Pattern;

/**
 * The secret a reporter without an account holds to see and act on one report: 20 random
 * bytes as 32 Crockford base-32 characters, returned once; only its SHA-256 is stored.
 */
final class AccessKeys {

	private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Pattern SEPARATORS = Pattern.compile("[\\s-]");

	private AccessKeys() {
	}

	static String generate() {
		byte[] bytes = new byte[20];
		RANDOM.nextBytes(bytes);
		StringBuilder key = new StringBuilder(32);
		int buffer = 0;
		int bits = 0;
		for (byte b : bytes) {
			buffer = (buffer << 8) | (b & 0xff);
			bits += 8;
			while (bits >= 5) {
				key.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
				bits -= 5;
			}
		}
		return key.toString();
	}

	static String hash(String key) {
		return sha256(normalise(key));
	}

	/** Constant-time comparison of a presented key with a stored hash. */
	static boolean matches(String presented, String storedHash) {
		if (presented == null || storedHash == null) {
			return false;
		}
		return MessageDigest.isEqual(hash(presented).getBytes(StandardCharsets.US_ASCII),
				storedHash.getBytes(StandardCharsets.US_ASCII));
	}

	/** People type keys in lower case, with spaces, and confuse O with 0 and I or L with 1. */
	private static String normalise(String key) {
		return key.strip()
			.toUpperCase()
			.transform(k -> SEPARATORS.matcher(k).replaceAll(""))
			.replace('O', '0')
			.replace('I', '1')
			.replace('L', '1');
	}

	static String sha256(String value) {
		return Hashes.sha256Hex(value);
	}

}
