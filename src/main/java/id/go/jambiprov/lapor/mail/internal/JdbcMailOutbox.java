package id.go.jambiprov.lapor.mail.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executor;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.mail.MailOutbox;
import id.go.jambiprov.lapor.shared.AfterCommit;
import id.go.jambiprov.lapor.shared.Seal;
import id.go.jambiprov.lapor.shared.WorkQueue;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;

/**
 * The outbox table and its delivery. A queued mail is tried right after its transaction commits
 * and again by the recurring task, as the {@link WorkQueue.Policy#MAIL_OUTBOX mail queue's
 * policy} says, until it is sent or given up. A mail with a cause (the event that decided it) is
 * queued once per cause and recipient, however often the event is delivered. The body is sealed
 * while it waits ({@link Seal}) and cleared once sent.
 */
@Service
class JdbcMailOutbox implements MailOutbox {

	private static final Logger log = LoggerFactory.getLogger(JdbcMailOutbox.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ObjectProvider<JavaMailSender> sender;

	private final String from;

	private final Executor executor;

	private final WorkQueue queue;

	private final Seal seal;

	JdbcMailOutbox(JdbcClient jdbc, Clock clock, ObjectProvider<JavaMailSender> sender,
			@Value("${lapor.mail.from:LAPOR Jambi <no-reply@lapor.jambiprov.go.id>}") String from,
			@Qualifier("applicationTaskExecutor") Executor executor, Seal seal) {
		this.seal = seal;
		this.executor = executor;
		this.jdbc = jdbc;
		this.clock = clock;
		this.sender = sender;
		this.from = from;
		this.queue = new WorkQueue(WorkQueue.Policy.MAIL_OUTBOX, jdbc, clock);
	}

	@Override
	public boolean enabled() {
		return this.sender.getIfAvailable() != null;
	}

	@Override
	public void queue(String recipient, String subject, String body) {
		queue(recipient, subject, body, null);
	}

	@Override
	public void queue(String recipient, String subject, String body, String cause) {
		queue(recipient, subject, body, cause, null);
	}

	@Override
	public void queue(String recipient, String subject, String body, String cause, Attachment attachment) {
		if (!enabled()) {
			log.info("No mail server configured (spring.mail.host): a mail was not queued");
			return;
		}
		Instant now = this.clock.instant();
		int queued = this.jdbc.sql("""
				insert into outbound_mail (id, recipient, subject, body, status, attempts, next_attempt_at, created_at, cause,
				  attachment_name, attachment_type, attachment)
				values (?, ?, ?, ?, 'PENDING', 0, ?, ?, ?, ?, ?, ?)
				on conflict do nothing""")
			.params(UUID.randomUUID(), recipient, subject, this.seal.seal(body), Timestamp.from(now), Timestamp.from(now),
					cause, attachment == null ? null : attachment.name(), attachment == null ? null : attachment.contentType(),
					attachment == null ? null : attachment.content())
			.update();
		if (queued == 1) {
			AfterCommit.runSoon(this.executor, this::deliverDue);
		}
	}

	/** Sends what is due; returns how many went out. */
	int deliverDue() {
		JavaMailSender mail = this.sender.getIfAvailable();
		if (mail == null) {
			return 0;
		}
		int sent = 0;
		List<WorkQueue.Claimed> claimed;
		do {
			claimed = this.queue.claim("next_attempt_at, id");
			for (WorkQueue.Claimed row : claimed) {
				sent += this.queue.attempt(row, () -> deliver(mail, row)) ? 1 : 0;
			}
		}
		while (claimed.size() == this.queue.policy().batch());
		return sent;
	}

	private void deliver(JavaMailSender mail, WorkQueue.Claimed claimed) {
		UUID id = claimed.id();
		var row = this.jdbc.sql("""
				select recipient, subject, body, attachment_name, attachment_type, attachment from outbound_mail where id = ?""")
			.param(id)
			.query((rs, n) -> new Object[] { rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getBytes(6) })
			.single();
		String recipient;
		try {
			recipient = new InternetAddress((String) row[0], true).getAddress();
		}
		catch (AddressException invalid) {
			throw new IllegalArgumentException("not an e-mail address", invalid);
		}
		if (row[3] == null) {
			SimpleMailMessage message = new SimpleMailMessage();
			message.setFrom(this.from);
			message.setTo(recipient);
			message.setSubject((String) row[1]);
			message.setText(this.seal.open((String) row[2]));
			mail.send(message);
		}
		else {
			MimeMessage message = mail.createMimeMessage();
			try {
				MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
				helper.setFrom(new InternetAddress(this.from, true));
				helper.setTo(recipient);
				helper.setSubject((String) row[1]);
				helper.setText(this.seal.open((String) row[2]));
				helper.addAttachment((String) row[3], new ByteArrayResource((byte[]) row[5]), (String) row[4]);
			}
			catch (MessagingException ex) {
				throw new IllegalStateException("the mail could not be put together", ex);
			}
			mail.send(message);
		}
		this.jdbc.sql("""
				update outbound_mail set status = 'SENT', sent_at = ?, body = null, attachment = null, last_error = null
				where id = ? and claim = ?""")
			.params(Timestamp.from(this.clock.instant()), id, claimed.token())
			.update();
	}

}
