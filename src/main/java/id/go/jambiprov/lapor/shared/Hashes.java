package id.go.jambiprov.lapor.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the one way the service hashes what it keeps only as a hash or chains. */
public final class Hashes {

	private Hashes() {
	}

	/** The SHA-256 of the bytes. */
	public static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	/** The SHA-256 of the text (UTF-8), in lower-case hexadecimal. */
	public static String sha256Hex(String text) {
		return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
	}

}
