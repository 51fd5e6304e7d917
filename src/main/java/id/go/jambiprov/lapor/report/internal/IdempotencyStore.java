package id.go.jambiprov.lapor.report.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Remembers the first answer to a create with an {@code Idempotency-Key}, so that a client
 * retrying after a lost answer gets the same report (and its access key) instead of a second
 * one. The key is the primary key: of two concurrent first tries, one commits and the other
 * fails on it and reads the winner's answer.
 */
@Component
class IdempotencyStore {

	record Stored(String requestHash, UUID reportId, String trackingCode, String accessKey, String status) {
	}

	private final JdbcClient jdbc;

	IdempotencyStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Stored> find(String key) {
		return this.jdbc.sql("""
				select request_hash, report_id, tracking_code, access_key, status from idempotency_key where idempotency_key = ?""")
			.param(key)
			.query(Stored.class)
			.optional();
	}

	void store(String key, Stored stored, Instant at) {
		this.jdbc.sql("""
				insert into idempotency_key (idempotency_key, request_hash, report_id, tracking_code, access_key, status, created_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(key, stored.requestHash(), stored.reportId(), stored.trackingCode(), stored.accessKey(),
					stored.status(), Timestamp.from(at))
			.update();
	}

}
