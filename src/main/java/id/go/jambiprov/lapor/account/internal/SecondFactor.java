package id.go.jambiprov.lapor.account.internal;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.crypto.spec.SecretKeySpec;
import javax.imageio.ImageIO;

import com.eatthepath.otp.TimeBasedOneTimePasswordGenerator;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.apache.commons.codec.binary.Base32;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.shared.Hashes;
import id.go.jambiprov.lapor.shared.RateLimiter;
import id.go.jambiprov.lapor.shared.Seal;
import id.go.jambiprov.lapor.shared.SharedRateLimits;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The second factor: TOTP (RFC 6238: 30-second steps, 6 digits, HMAC-SHA1, what every
 * authenticator app reads) with java-otp, an enrolment QR code drawn by ZXing on our own host,
 * and ten one-time recovery codes. Mandatory for the national admin and the coordinator, who
 * see reporters; open to every other account. A code is accepted one step either side (clocks
 * drift) and only once (the last step used is kept). The secret is sealed in the database.
 * <p>
 * In demo mode only, the demo accounts listed in the README are exempt, so that a newcomer walks
 * the SOP without a phone; every other account of those roles must enrol, in demo mode too.
 */
@Service
public class SecondFactor {

	static final Set<Role> MANDATORY = Set.of(Role.NATIONAL_ADMIN, Role.COORDINATOR);

	static final int RECOVERY_CODES = 10;

	/** White modules around the QR code, as the standard asks (phones rely on it). */
	static final int QUIET_ZONE = 4;

	private static final int QR_PIXELS = 240;

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final Logger security = LoggerFactory.getLogger("security");

	private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private final TimeBasedOneTimePasswordGenerator totp = new TimeBasedOneTimePasswordGenerator();

	private final JdbcClient jdbc;

	private final Seal seal;

	private final Clock clock;

	private final boolean demo;

	private final RateLimiter failures;

	SecondFactor(JdbcClient jdbc, Seal seal, Clock clock, @Value("${lapor.demo.enabled:false}") boolean demo,
			SharedRateLimits limits,
			@Value("${lapor.security.login-failures-per-15-minutes:10}") long failuresAllowed) {
		this.failures = limits.limiter("second-factor", failuresAllowed, Duration.ofMinutes(15));
		this.jdbc = jdbc;
		this.seal = seal;
		this.clock = clock;
		this.demo = demo;
	}

	/** What a sign-in still needs after the password. */
	public enum Step {
		/** Nothing: the password was enough. */
		NONE,
		/** A code from the enrolled authenticator (or a recovery code). */
		CODE,
		/** The role must have a second factor and has none yet: enrol first. */
		ENROL
	}

	/** What the account needs after its password. */
	public Step stepFor(UUID user, String username, Role role) {
		if (enrolled(user)) {
			return Step.CODE;
		}
		if (!MANDATORY.contains(role) || exempt(username)) {
			return Step.NONE;
		}
		return Step.ENROL;
	}

	/** Whether the account is one of the demo accounts, in demo mode (only then exempt). */
	boolean exempt(String username) {
		return this.demo && DemoAccounts.USERS.stream().anyMatch(u -> u.username().equals(username));
	}

	public boolean enrolled(UUID user) {
		return this.jdbc.sql("select count(*) from second_factor where user_id = ?").param(user).query(Integer.class)
			.single() > 0;
	}

	/** A new secret for enrolment, in Base32 (kept by the caller until the first code proves it). */
	public String newSecret() {
		byte[] secret = new byte[20];
		RANDOM.nextBytes(secret);
		return new Base32().encodeToString(secret).replace("=", "");
	}

	/** The {@code otpauth://} address an authenticator app reads from the QR code. */
	public static String otpauth(String secret, String username) {
		String label = URLEncoder.encode("LAPOR Jambi:" + username, StandardCharsets.UTF_8).replace("+", "%20");
		return "otpauth://totp/" + label + "?secret=" + secret + "&issuer=LAPOR%20Jambi&algorithm=SHA1&digits=6&period=30";
	}

	/** What an enrolment page shows: the QR code (a data URI) and the key grouped by four. */
	public record Enrolment(String qr, String key) {
	}

	/** The enrolment of a new secret for the account, to show. */
	public static Enrolment enrolment(String secret, String username) {
		return new Enrolment(
				"data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(qrPng(otpauth(secret, username))),
				secret.replaceAll("(.{4})", "$1 ").strip());
	}

	/** The QR code of an address, as a PNG (drawn here; no outside service sees the secret). */
	public static byte[] qrPng(String text) {
		try {
			// one pixel per module, the standard's quiet zone of four modules, then whole pixels per
			// module up to about 240 px: every module the same size, the quiet zone exactly kept
			BitMatrix matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
					java.util.Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN,
							QUIET_ZONE));
			int scale = Math.max(1, QR_PIXELS / matrix.getWidth());
			BufferedImage image = new BufferedImage(matrix.getWidth() * scale, matrix.getHeight() * scale,
					BufferedImage.TYPE_BYTE_BINARY);
			for (int y = 0; y < image.getHeight(); y++) {
				for (int x = 0; x < image.getWidth(); x++) {
					image.setRGB(x, y, matrix.get(x / scale, y / scale) ? 0x000000 : 0xFFFFFF);
				}
			}
			ByteArrayOutputStream png = new ByteArrayOutputStream();
			ImageIO.write(image, "png", png);
			return png.toByteArray();
		}
		catch (WriterException | IOException failed) {
			throw new IllegalStateException("QR code", failed);
		}
	}

	/**
	 * Enrols the account once a code from the new secret proves the app has it.
	 * @return the ten recovery codes, shown once; empty when the code did not match
	 */
	@Transactional
	public Optional<List<String>> enrol(UUID user, String secret, String code) {
		Optional<Long> step = matchingStep(secret, code, 0);
		if (step.isEmpty()) {
			return Optional.empty();
		}
		this.jdbc.sql("delete from second_factor where user_id = ?").param(user).update();
		this.jdbc.sql("delete from recovery_code where user_id = ?").param(user).update();
		this.jdbc.sql("insert into second_factor (user_id, secret, enrolled_at, last_step) values (?, ?, ?, ?)")
			.params(user, this.seal.seal(secret), Timestamp.from(this.clock.instant()), step.get())
			.update();
		List<String> codes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			String recovery = recoveryCode();
			codes.add(recovery);
			this.jdbc.sql("insert into recovery_code (user_id, code_hash) values (?, ?)")
				.params(user, sha256(normalise(recovery)))
				.update();
		}
		return Optional.of(codes);
	}

	/**
	 * Checks a code of the enrolled account: a TOTP code not used before, or an unused recovery
	 * code (used up by this).
	 */
	@Transactional
	public boolean verify(UUID user, String code) {
		if (code == null || code.isBlank() || code.length() > 20) {
			return false;
		}
		var stored = this.jdbc.sql("select secret, last_step from second_factor where user_id = ?")
			.param(user)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getLong(2) })
			.optional();
		if (stored.isEmpty()) {
			return false;
		}
		String secret;
		try {
			secret = this.seal.open((String) stored.get()[0]);
		}
		catch (IllegalStateException unreadable) {
			// sealed under another secret (it was changed): the account needs its factor reset
			security.error("event=second-factor-unreadable user={}: the sealing secret changed; reset the factor", user);
			return false;
		}
		long last = (Long) stored.get()[1];
		Optional<Long> step = matchingStep(secret, code, last);
		if (step.isPresent()) {
			// a code works once: of two sign-ins racing with the same code, one moves the step
			return this.jdbc.sql("update second_factor set last_step = ? where user_id = ? and last_step = ?")
				.params(step.get(), user, last)
				.update() == 1;
		}
		return this.jdbc.sql("update recovery_code set used_at = ? where user_id = ? and code_hash = ? and used_at is null")
			.params(Timestamp.from(this.clock.instant()), user, sha256(normalise(code)))
			.update() == 1;
	}

	/**
	 * Checks a sign-in's code, throttled like the password (per username and address, for all
	 * instances together), and says it in the security log.
	 */
	boolean check(UserAccount account, String code, String clientAddress) {
		return check(account.id(), account.username(), code, clientAddress);
	}

	/** As {@link #check(UserAccount, String, String)}, for a sign-in under way on the pages. */
	public boolean check(UUID user, String username, String code, String clientAddress) {
		String key = username + "@" + (clientAddress == null ? "" : clientAddress);
		if (this.failures.isExhausted(key)) {
			this.failures.acquire(key);
		}
		boolean right = verify(user, code);
		if (!right) {
			this.failures.tryAcquire(key);
			security.warn("event=second-factor-failed user={} address={}", username, clientAddress);
		}
		return right;
	}

	/** How many recovery codes are left. */
	public int recoveryCodesLeft(UUID user) {
		return this.jdbc.sql("select count(*) from recovery_code where user_id = ? and used_at is null")
			.param(user)
			.query(Integer.class)
			.single();
	}

	/** Removes the second factor (a lost device, reset by two people: see {@link AccountChanges}). */
	@Transactional
	public void remove(UUID user) {
		this.jdbc.sql("delete from recovery_code where user_id = ?").param(user).update();
		this.jdbc.sql("delete from second_factor where user_id = ?").param(user).update();
	}

	/** The current code of a secret (for tests and the enrolment check). */
	public String codeAt(String secret, Instant at) {
		try {
			return this.totp.generateOneTimePasswordString(key(secret), at);
		}
		catch (InvalidKeyException impossible) {
			throw new IllegalStateException(impossible);
		}
	}

	/** The time step the code belongs to (now, or one step either side), if it is later than {@code after}. */
	private Optional<Long> matchingStep(String secret, String code, long after) {
		String digits = code == null ? "" : code.replaceAll("\\s", "");
		if (!digits.matches("\\d{6}")) {
			return Optional.empty();
		}
		Instant now = this.clock.instant();
		long period = this.totp.getTimeStep().toSeconds();
		for (int drift = -1; drift <= 1; drift++) {
			Instant at = now.plus(Duration.ofSeconds(drift * period));
			long step = at.getEpochSecond() / period;
			if (step > after && MessageDigest.isEqual(codeAt(secret, at).getBytes(StandardCharsets.US_ASCII),
					digits.getBytes(StandardCharsets.US_ASCII))) {
				return Optional.of(step);
			}
		}
		return Optional.empty();
	}

	private SecretKeySpec key(String secret) {
		return new SecretKeySpec(new Base32().decode(secret), this.totp.getAlgorithm());
	}

	private static String recoveryCode() {
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			if (i == 5) {
				code.append('-');
			}
			code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
		}
		return code.toString();
	}

	private static String normalise(String code) {
		return code.strip().toLowerCase(Locale.ROOT).replace("-", "").replace(" ", "");
	}

	private static String sha256(String text) {
		return Hashes.sha256Hex(text);
	}

}
