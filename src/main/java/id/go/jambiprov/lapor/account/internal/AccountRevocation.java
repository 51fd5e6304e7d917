package id.go.jambiprov.lapor.account.internal;

import java.time.Duration;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Ends everything an account signed in with, at once: disabling it or resetting its password
 * deletes its page sessions (Spring Session's index by principal name) and bumps its credentials
 * version, which every API token carries and every API call checks (through a cache of a few
 * seconds, so a call costs no query; another instance sees the change within that time).
 */
@Component
public class AccountRevocation {

	private static final Logger log = LoggerFactory.getLogger(AccountRevocation.class);

	/** How long an instance trusts what it read of an account. */
	static final Duration CACHE = Duration.ofSeconds(5);

	record Standing(boolean enabled, int version) {
	}

	private final JdbcClient jdbc;

	private final FindByIndexNameSessionRepository<? extends Session> sessions;

	private final Cache<UUID, Standing> standings = Caffeine.newBuilder()
		.maximumSize(10_000)
		.expireAfterWrite(CACHE)
		.build();

	AccountRevocation(JdbcClient jdbc, FindByIndexNameSessionRepository<? extends Session> sessions) {
		this.jdbc = jdbc;
		this.sessions = sessions;
	}

	/** Ends the account's sessions and makes its tokens worthless. */
	public void revoke(UUID userId) {
		this.jdbc.sql("update app_user set credentials_version = credentials_version + 1 where id = ?")
			.param(userId)
			.update();
		this.standings.invalidate(userId);
		this.jdbc.sql("select username from app_user where id = ?")
			.param(userId)
			.query(String.class)
			.optional()
			.ifPresent(username -> {
				var open = this.sessions.findByPrincipalName(username);
				open.keySet().forEach(this.sessions::deleteById);
				log.info("Account {} revoked: {} sessions ended, its tokens refused", userId, open.size());
			});
	}

	/** Whether a token issued with {@code version} for this account still stands. */
	boolean stands(UUID userId, int version) {
		Standing standing = this.standings.get(userId, id -> this.jdbc
			.sql("select enabled, credentials_version from app_user where id = ?")
			.param(id)
			.query((rs, n) -> new Standing(rs.getBoolean(1), rs.getInt(2)))
			.optional()
			.orElse(new Standing(false, -1)));
		return standing.enabled() && standing.version() == version;
	}

}
