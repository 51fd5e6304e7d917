package id.go.jambiprov.lapor.open311.internal;

import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import id.go.jambiprov.lapor.report.EmailAddress;
import id.go.jambiprov.lapor.report.TrackingCode;
import id.go.jambiprov.lapor.shared.Hashes;
import id.go.jambiprov.lapor.shared.RateLimiter;
import id.go.jambiprov.lapor.shared.SharedRateLimits;
import id.go.jambiprov.lapor.web.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The client applications that may file reports through Open311, each with its own key and its
 * own limit. A key is shown once, when it is issued; the table keeps only its SHA-256 (a key is
 * 32 random bytes, so a plain hash is enough) and its first characters, to tell keys apart.
 * Revoking is for good: a revoked key never files again, and a new key is issued instead.
 */
@Service
public class ApiClients {

	/** What a key starts with, so that one found in a log or a repository is recognised. */
	static final String KEY_PREFIX = "o311_";

	static final int NAME_MAX = 200;

	static final int RATE_MAX = 10_000;

	/** The limit a new client gets when none is given. */
	public static final int DEFAULT_RATE = 60;

	private static final SecureRandom RANDOM = new SecureRandom();

	/**
	 * One client application.
	 *
	 * @param keyHint the key's first characters
	 * @param filed how many reports it filed
	 */
	public record Client(UUID id, String name, @Nullable String contact, String keyHint, int ratePerMinute,
			Instant createdAt, String createdBy, @Nullable Instant revokedAt, @Nullable String revokedBy,
			@Nullable Instant lastUsedAt, long filed) {

		public boolean revoked() {
			return this.revokedAt != null;
		}

	}

	/** A client just issued, with its key: the only time the key is known. */
	public record Issued(Client client, String key) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final SharedRateLimits limits;

	private final Map<Integer, RateLimiter> limiters = new ConcurrentHashMap<>();

	ApiClients(JdbcClient jdbc, Clock clock, SharedRateLimits limits) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.limits = limits;
	}

	/** Issues a key for a client application; the key is in the answer and nowhere else. */
	@Transactional
	public Issued issue(@Nullable String name, @Nullable String contact, @Nullable Integer ratePerMinute, String by) {
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		String cleanName = name == null ? "" : name.strip();
		if (cleanName.isEmpty()) {
			errors.add("name", "required");
		}
		else if (cleanName.length() > NAME_MAX) {
			errors.add("name", "max-length", NAME_MAX);
		}
		String cleanContact = contact == null || contact.isBlank() ? null
				: EmailAddress.parse(contact).map(EmailAddress::value).orElse(null);
		if (contact != null && !contact.isBlank() && cleanContact == null) {
			errors.add("contact", "email");
		}
		int rate = ratePerMinute == null ? DEFAULT_RATE : ratePerMinute;
		if (rate < 1 || rate > RATE_MAX) {
			errors.add("ratePerMinute", "rate-range", RATE_MAX);
		}
		errors.throwIfAny();
		byte[] random = new byte[32];
		RANDOM.nextBytes(random);
		String key = KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
		UUID id = UUID.randomUUID();
		insert(id, cleanName, cleanContact, key, rate, by);
		return new Issued(find(id).orElseThrow(), key);
	}

	/** Adds a client with a key chosen by the caller (the demo's known key); nothing when it exists. */
	@Transactional
	public void ensure(String name, String key, int ratePerMinute, String by) {
		if (this.jdbc.sql("select count(*) from open311_client where key_hash = ?")
			.param(Hashes.sha256Hex(key))
			.query(Long.class)
			.single() == 0) {
			insert(UUID.randomUUID(), name, null, key, ratePerMinute, by);
		}
	}

	private void insert(UUID id, String name, @Nullable String contact, String key, int rate, String by) {
		this.jdbc.sql("""
				insert into open311_client (id, name, contact, key_hash, key_hint, rate_per_minute, created_at, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, name, contact, Hashes.sha256Hex(key), key.substring(0, Math.min(9, key.length())), rate,
					Timestamp.from(this.clock.instant()), by)
			.update();
	}

	/** Every client, the usable ones first, newest first. */
	public List<Client> all() {
		return this.jdbc.sql(SELECT + " order by case when c.revoked_at is null then 0 else 1 end, c.created_at desc")
			.query(ApiClients::client)
			.list();
	}

	public Optional<Client> find(UUID id) {
		return this.jdbc.sql(SELECT + " where c.id = ?").param(id).query(ApiClients::client).optional();
	}

	/** Revokes a key for good; false when there is no such client. Revoking twice changes nothing. */
	@Transactional
	public boolean revoke(UUID id, String by) {
		if (find(id).isEmpty()) {
			return false;
		}
		this.jdbc.sql("update open311_client set revoked_at = ?, revoked_by = ? where id = ? and revoked_at is null")
			.params(Timestamp.from(this.clock.instant()), by, id)
			.update();
		return true;
	}

	/** The usable client holding this key, if any. */
	public Optional<Client> authenticate(@Nullable String key) {
		if (key == null || key.isBlank() || key.length() > 200) {
			return Optional.empty();
		}
		return this.jdbc.sql(SELECT + " where c.key_hash = ? and c.revoked_at is null")
			.param(Hashes.sha256Hex(key.strip()))
			.query(ApiClients::client)
			.optional();
	}

	/**
	 * Takes one filing from the client's own limit (shared by the instances on PostgreSQL).
	 * @throws id.go.jambiprov.lapor.shared.RateLimitExceeded with the seconds to wait
	 */
	public void acquire(Client client) {
		this.limiters
			.computeIfAbsent(client.ratePerMinute(),
					rate -> this.limits.limiter("open311-" + rate, rate, Duration.ofMinutes(1)))
			.acquire(client.id().toString());
	}

	/** Records that the client filed the report. */
	public void filed(Client client, String trackingCode) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("insert into open311_request (tracking_code, client_id, filed_at) values (?, ?, ?)")
			.params(TrackingCode.parse(trackingCode).orElseThrow().value(), client.id(), now)
			.update();
		this.jdbc.sql("update open311_client set last_used_at = ? where id = ?").params(now, client.id()).update();
	}

	private static final String SELECT = """
			select c.*, (select count(*) from open311_request r where r.client_id = c.id) as filed
			from open311_client c""";

	private static Client client(ResultSet rs, int n) throws SQLException {
		return new Client(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("contact"),
				rs.getString("key_hint"), rs.getInt("rate_per_minute"), rs.getTimestamp("created_at").toInstant(),
				rs.getString("created_by"), instant(rs.getTimestamp("revoked_at")), rs.getString("revoked_by"),
				instant(rs.getTimestamp("last_used_at")), rs.getLong("filed"));
	}

	private static @Nullable Instant instant(@Nullable Timestamp at) {
		return at == null ? null : at.toInstant();
	}

}
