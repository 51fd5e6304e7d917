package id.go.jambiprov.lapor.intake.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The providers' signature schemes: HMAC-SHA256 over the raw bytes received (never over
 * something parsed and written again), keyed by the secret as text, compared in constant time.
 */
public final class Signatures {

	private Signatures() {
	}

	static byte[] hmacSha256(String secret, byte[] message) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return mac.doFinal(message);
		}
		catch (GeneralSecurityException impossible) {
			throw new IllegalStateException("HmacSHA256 is part of every Java runtime", impossible);
		}
	}

	/** {@code sha256=<lowercase hex>}: Meta's X-Hub-Signature-256 and our SMS gateway's X-Signature. */
	public static String sha256Hex(String secret, byte[] message) {
		return "sha256=" + HexFormat.of().formatHex(hmacSha256(secret, message));
	}

	/** {@code sha256=<base64>}: X's webhook signature and CRC response token. */
	public static String sha256Base64(String secret, byte[] message) {
		return "sha256=" + Base64.getEncoder().encodeToString(hmacSha256(secret, message));
	}

	/** Whether the header carries the expected value; a missing header is never a match. */
	public static boolean matches(String expected, String given) {
		if (given == null || expected == null) {
			return false;
		}
		return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				given.strip().getBytes(StandardCharsets.US_ASCII));
	}

	/** Meta sends hex in lower case; compare case-insensitively on the hex part only. */
	public static boolean matchesHex(String expected, String given) {
		return given != null && matches(expected, given.strip().toLowerCase(Locale.ROOT));
	}

}
