package id.go.jambiprov.lapor.shared;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The one work-queue mechanism of the service, over a table of its own per queue: the intake's
 * inbound messages, the channel outbox and the mail outbox. A row is {@code PENDING} until it
 * is {@code SENT}/{@code DONE} by its worker or {@code FAILED} (given up, kept for a person to
 * look at). Each try is claimed in one statement that takes a lease and counts the attempt, so
 * two instances never work on the same row; a worker that dies leaves the lease to run out and
 * the row is tried again; a row whose attempts are used up is given up at the next claim even
 * when its last try never came back (an {@link Error}, a killed process). Each queue's numbers
 * and why they are what they are: {@link Policy}; the decision: ADR 0005.
 * <p>
 * The table needs the columns {@code id uuid}, {@code status}, {@code attempts},
 * {@code next_attempt_at}, {@code claim uuid} and {@code last_error varchar(500)}. What a queue
 * keeps beyond them (provider message ids, delivery status, the sender's lane) stays its own.
 */
public final class WorkQueue {

	private static final Logger log = LoggerFactory.getLogger(WorkQueue.class);

	/**
	 * A queue's numbers.
	 *
	 * @param name for logs
	 * @param table the queue's table
	 * @param lease how long a claimed try may take before another instance may take the row:
	 *        longer than the slowest provider call (timeouts are 20 s at most)
	 * @param maxAttempts tries before the row is given up
	 * @param firstBackoff the pause after the first failed try; it doubles with each try
	 * @param maxBackoff the longest pause
	 * @param batch rows claimed at once: small enough that the slowest batch ends within the lease
	 *        (an outbox sends one at a time, each call up to 25 s: four in two minutes)
	 */
	public record Policy(String name, String table, Duration lease, int maxAttempts, Duration firstBackoff,
			Duration maxBackoff, int batch) {

		/**
		 * Messages citizens sent us. Handling them is our own work, which fails because of us
		 * (a bug, the database) or because a provider cannot give a photo now: tried soon and
		 * often (15 s, 30 s, 1 min … at most an hour), ten times, about four hours in all, so a
		 * fix deployed the same morning still files the report. A batch is handled in parallel
		 * lanes at hundreds a second; a try that outlives its lease finds its row claimed again
		 * and rolls back ({@link Superseded}).
		 */
		public static final Policy INBOUND = new Policy("inbound", "inbound_message", Duration.ofMinutes(2), 10,
				Duration.ofSeconds(15), Duration.ofHours(1), 1000);

		/**
		 * Messages to reporters on their channel. They fail when a provider is down, which lasts
		 * minutes to hours: 1, 2, 4 … minutes, at most an hour, twelve times, about six hours in
		 * all; a provider's own Retry-After is waited out without counting a try.
		 */
		public static final Policy CHANNEL_OUTBOX = new Policy("channel-outbox", "outbound_message",
				Duration.ofMinutes(2), 12, Duration.ofMinutes(1), Duration.ofHours(1), 4);

		/** E-mail, through our SMTP relay: as the channel outbox, for the same reasons. */
		public static final Policy MAIL_OUTBOX = new Policy("mail-outbox", "outbound_mail", Duration.ofMinutes(2), 12,
				Duration.ofMinutes(1), Duration.ofHours(1), 4);

		/**
		 * Calls to the national SP4N-LAPOR!. Its outages last hours, sometimes days: 1, 2, 4 …
		 * minutes, at most an hour, sixty times, about two and a half days in all, and a call
		 * given up stays for a person to send again.
		 */
		public static final Policy NATIONAL_OUTBOX = new Policy("national-outbox", "national_call",
				Duration.ofMinutes(2), 60, Duration.ofMinutes(1), Duration.ofHours(1), 4);

		/** The pause before try number {@code attempts + 1}. */
		public Duration backoff(int attempts) {
			int doublings = Math.min(Math.max(attempts, 1) - 1, 20);
			Duration pause = this.firstBackoff.multipliedBy(1L << doublings);
			return pause.compareTo(this.maxBackoff) > 0 ? this.maxBackoff : pause;
		}

	}

	/**
	 * A row claimed for one try: its id, which try this is (from 1), and the claim's token. Every
	 * update that ends the try names the token: a worker whose lease ran out and whose row was
	 * claimed again meanwhile changes nothing.
	 */
	public record Claimed(UUID id, int attempt, UUID token) {
	}

	/**
	 * Thrown by a worker that finds its row claimed by another try meanwhile (its lease ran
	 * out): the work is rolled back and the row left to the other try; not a failure.
	 */
	public static final class Superseded extends RuntimeException {

		public Superseded(UUID id) {
			super("claimed again by another try: " + id, null, false, false);
		}

	}

	private final Policy policy;

	private final JdbcClient jdbc;

	private final Clock clock;

	public WorkQueue(Policy policy, JdbcClient jdbc, Clock clock) {
		this.policy = policy;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public Policy policy() {
		return this.policy;
	}

	/**
	 * Claims the rows due now, at most a batch, in the given order (an SQL order by the
	 * table's columns, e.g. {@code received_at, id}); answers those this call got.
	 */
	public List<Claimed> claim(String orderBy) {
		Instant now = this.clock.instant();
		giveUpUsedUp(now);
		String table = this.policy.table();
		List<UUID> candidates = this.jdbc.sql("select id from " + table
				+ " where status = 'PENDING' and next_attempt_at <= ? order by " + orderBy + " fetch first "
				+ this.policy.batch() + " rows only")
			.param(Timestamp.from(now))
			.query(UUID.class)
			.list();
		if (candidates.isEmpty()) {
			return List.of();
		}
		UUID token = UUID.randomUUID();
		this.jdbc.sql("update " + table + """
				 set attempts = attempts + 1, next_attempt_at = :lease, claim = :token
				where id in (:ids) and status = 'PENDING' and next_attempt_at <= :now""")
			.param("lease", Timestamp.from(now.plus(this.policy.lease())))
			.param("token", token)
			.param("ids", candidates)
			.param("now", Timestamp.from(now))
			.update();
		return this.jdbc.sql("select id, attempts from " + table + " where claim = ? order by " + orderBy)
			.param(token)
			.query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getInt("attempts"), token))
			.list();
	}

	/**
	 * Rows whose last try never came back (the lease ran out) and that have no try left: given
	 * up, so that a message that kills its worker is not taken again forever.
	 */
	private void giveUpUsedUp(Instant now) {
		int given = this.jdbc.sql("update " + this.policy.table() + """
				 set status = 'FAILED', last_error = ?
				where status = 'PENDING' and next_attempt_at <= ? and attempts >= ?""")
			.params("gave up: the last try did not finish", Timestamp.from(now), this.policy.maxAttempts())
			.update();
		if (given > 0) {
			log.warn("{}: {} rows given up after {} tries that did not finish", this.policy.name(), given,
					this.policy.maxAttempts());
		}
	}

	/**
	 * Runs one claimed try. Whatever it throws, an {@link Error} too, counts as a failed try
	 * ({@link #failed}); an {@code Error} is thrown on after it is recorded.
	 * @return whether the work finished
	 */
	public boolean attempt(Claimed row, Runnable work) {
		return attempt(row, work, failure -> false);
	}

	/**
	 * As {@link #attempt(Claimed, Runnable)}, giving up at once on a failure that will never
	 * change (a provider refusing a recipient).
	 */
	public boolean attempt(Claimed row, Runnable work, Predicate<RuntimeException> permanent) {
		try {
			work.run();
			return true;
		}
		catch (Superseded other) {
			return false;
		}
		catch (RuntimeException failure) {
			failed(row, failure, permanent.test(failure));
			return false;
		}
		catch (Error failure) {
			try {
				failed(row, failure, false);
			}
			catch (RuntimeException | Error unrecorded) {
				failure.addSuppressed(unrecorded);
			}
			throw failure;
		}
	}

	/**
	 * Records a failed try: the row waits for its next try, or is given up when its tries are
	 * used up or the failure will never change ({@code permanent}).
	 * @return whether the row was given up
	 */
	public boolean failed(Claimed row, Throwable failure, boolean permanent) {
		boolean giveUp = permanent || row.attempt() >= this.policy.maxAttempts();
		// what a provider or mail server says names addresses, tokens and recipients: never kept
		String reason = Redaction.redact(failure.getClass().getSimpleName() + ": " + failure.getMessage());
		this.jdbc.sql("update " + this.policy.table()
				+ " set status = ?, next_attempt_at = ?, last_error = ? where id = ? and claim = ? and status = 'PENDING'")
			.params(giveUp ? "FAILED" : "PENDING",
					Timestamp.from(this.clock.instant().plus(this.policy.backoff(row.attempt()))), shortened(reason),
					row.id(), row.token())
			.update();
		log.warn("{}: {} failed (try {}{}): {}", this.policy.name(), row.id(), row.attempt(),
				giveUp ? ", giving up" : "", reason);

		return giveUp;
	}

	/** Not a failure of ours (a provider's Retry-After, our own pace): the try is given back. */
	public void later(Claimed row, Duration wait, @Nullable String reason) {
		this.jdbc.sql("update " + this.policy.table()
				+ " set attempts = attempts - 1, next_attempt_at = ?, last_error = ? where id = ? and claim = ?")
			.params(Timestamp.from(this.clock.instant().plus(wait)), shortened(reason), row.id(), row.token())
			.update();
	}

	/**
	 * Deletes the rows that ended (sent, done, given up) and were last touched before
	 * {@code before}, with the rows of {@code dependents} ({@code "table.column"} referring to a
	 * row's id) first. Message bodies hold what citizens wrote and, until sent, access keys: they
	 * are not kept for ever ({@code lapor.retention.messages}).
	 * @return how many rows were deleted
	 */
	public int purge(Instant before, String... dependents) {
		String ended = "select id from " + this.policy.table() + " where status <> 'PENDING' and next_attempt_at < ?";
		for (String dependent : dependents) {
			String[] tableAndColumn = dependent.split("\\.");
			this.jdbc.sql("delete from " + tableAndColumn[0] + " where " + tableAndColumn[1] + " in (" + ended + ")")
				.param(Timestamp.from(before))
				.update();
		}
		return this.jdbc.sql("delete from " + this.policy.table() + " where status <> 'PENDING' and next_attempt_at < ?")
			.param(Timestamp.from(before))
			.update();
	}

	private static String shortened(@Nullable String reason) {
		String text = Redaction.redact(reason);
		return text.length() > 500 ? text.substring(0, 500) : text;
	}

}
