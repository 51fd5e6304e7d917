package id.go.jambiprov.lapor.mail.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;

import jakarta.mail.internet.InternetAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.mail.MailOutbox;
import id.go.jambiprov.lapor.web.AfterCommit;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * The outbox table and its delivery. A queued mail is tried right after its transaction commits
 * and again by the recurring task with a growing pause (1, 2, 4 … minutes, at most an hour)
 * until it is sent or has failed {@value #MAX_ATTEMPTS} times. Each row is claimed with a
 * guarded update, so two instances never send the same mail.
 */
@Service
class JdbcMailOutbox implements MailOutbox {

	private static final Logger log = LoggerFactory.getLogger(JdbcMailOutbox.class);

	static final int MAX_ATTEMPTS = 12;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ObjectProvider<JavaMailSender> sender;

	private final String from;

	private final Executor executor;

	JdbcMailOutbox(JdbcClient jdbc, Clock clock, ObjectProvider<JavaMailSender> sender,
			@Value("${lapor.mail.from:LAPOR Jambi <no-reply@lapor.jambiprov.go.id>}") String from,
			@Qualifier("applicationTaskExecutor") Executor executor) {
		this.executor = executor;
		this.jdbc = jdbc;
		this.clock = clock;
		this.sender = sender;
		this.from = from;
	}

	@Override
	public boolean enabled() {
		return this.sender.getIfAvailable() != null;
	}

	@Override
	public void queue(String recipient, String subject, String body) {
		if (!enabled()) {
			log.info("No mail server configured (spring.mail.host): a mail was not queued");
			return;
		}
		UUID id = UUID.randomUUID();
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into outbound_mail (id, recipient, subject, body, status, attempts, next_attempt_at, created_at)
				values (?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
			.params(id, recipient, subject, body, Timestamp.from(now), Timestamp.from(now))
			.update();
		AfterCommit.runSoon(this.executor, this::deliverDue);
	}

	/** Sends what is due; returns how many went out. */
	int deliverDue() {
		JavaMailSender mail = this.sender.getIfAvailable();
		if (mail == null) {
			return 0;
		}
		Instant now = this.clock.instant();
		List<UUID> due = this.jdbc
			.sql("select id from outbound_mail where status = 'PENDING' and next_attempt_at <= ? order by next_attempt_at "
					+ "fetch first 50 rows only")
			.param(Timestamp.from(now))
			.query(UUID.class)
			.list();
		int sent = 0;
		for (UUID id : due) {
			sent += deliver(mail, id, now) ? 1 : 0;
		}
		return sent;
	}

	private boolean deliver(JavaMailSender mail, UUID id, Instant now) {
		// claim: push the next attempt out first, so another instance leaves it alone meanwhile
		int claimed = this.jdbc.sql("""
				update outbound_mail set attempts = attempts + 1, next_attempt_at = ?
				where id = ? and status = 'PENDING' and next_attempt_at <= ?""")
			.params(Timestamp.from(now.plus(Duration.ofMinutes(5))), id, Timestamp.from(now))
			.update();
		if (claimed == 0) {
			return false;
		}
		var row = this.jdbc.sql("select recipient, subject, body, attempts from outbound_mail where id = ?")
			.param(id)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4) })
			.single();
		int attempts = (Integer) row[3];
		try {
			SimpleMailMessage message = new SimpleMailMessage();
			message.setFrom(this.from);
			message.setTo(new InternetAddress((String) row[0], true).getAddress());
			message.setSubject((String) row[1]);
			message.setText((String) row[2]);
			mail.send(message);
			this.jdbc.sql("update outbound_mail set status = 'SENT', sent_at = ?, body = null, last_error = null where id = ?")
				.params(Timestamp.from(this.clock.instant()), id)
				.update();
			return true;
		}
		catch (Exception failure) {
			boolean giveUp = attempts >= MAX_ATTEMPTS;

			String reason = String.valueOf(failure.getMessage());
			this.jdbc.sql("update outbound_mail set status = ?, next_attempt_at = ?, last_error = ? where id = ?")
				.params(giveUp ? "FAILED" : "PENDING", Timestamp.from(now.plus(AfterCommit.backoff(attempts))),
						reason.length() > 500 ? reason.substring(0, 500) : reason, id)
				.update();
			log.warn("Mail {} not sent (attempt {}{}): {}", id, attempts, giveUp ? ", giving up" : "", reason);
			return false;
		}
	}

}
