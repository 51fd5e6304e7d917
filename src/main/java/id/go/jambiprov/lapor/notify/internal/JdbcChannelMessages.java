package id.go.jambiprov.lapor.notify.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.mail.MailOutbox;
import id.go.jambiprov.lapor.notify.ChannelMessages;
import id.go.jambiprov.lapor.report.Channel;
import id.go.jambiprov.lapor.web.AfterCommit;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClientResponseException;

/**
 * The outbox of messages to reporters and its delivery: tried right after the transaction that
 * queued it commits, then by the recurring task with a growing pause until sent or given up
 * after {@value #MAX_ATTEMPTS} tries. Rows are claimed with a guarded update, so two instances
 * never send the same message. E-mail goes through the mail module's own outbox.
 */
@Service
class JdbcChannelMessages implements ChannelMessages {

	private static final Logger log = LoggerFactory.getLogger(JdbcChannelMessages.class);

	static final int MAX_ATTEMPTS = 12;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ProviderClients providers;

	private final MailOutbox mail;

	private final MessageSource messages;

	private final Executor executor;

	JdbcChannelMessages(JdbcClient jdbc, Clock clock, ProviderClients providers, MailOutbox mail,
			MessageSource messages, @Qualifier("applicationTaskExecutor") Executor executor) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.providers = providers;
		this.mail = mail;
		this.messages = messages;
		this.executor = executor;
	}

	@Override
	public boolean canSend(Channel channel) {
		return channel == Channel.EMAIL ? this.mail.enabled() : this.providers.canSend(channel);
	}

	@Override
	public void send(Outgoing message) {
		if (message.channel() == Channel.EMAIL) {
			String subject = this.messages.getMessage("notify.mail.subject",
					new Object[] { message.reportCode() == null ? "" : message.reportCode() },
					Locale.forLanguageTag("id"));
			this.mail.queue(message.recipient(), subject, message.text());
			return;
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				insert into outbound_message (id, channel, recipient, body, report_code, reply_to, status, attempts,
				  next_attempt_at, created_at)
				values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
			.params(UUID.randomUUID(), message.channel().name(), message.recipient(), message.text(),
					message.reportCode(), message.replyTo(), Timestamp.from(now), Timestamp.from(now))
			.update();
		AfterCommit.runSoon(this.executor, this::deliverDue);
	}

	@Override
	public void delivered(Channel channel, String providerMessageId, String status, Instant at, String error) {
		this.jdbc.sql("""
				update outbound_message set delivery_status = ?, delivery_at = ?, last_error = coalesce(?, last_error)
				where channel = ? and provider_message_id = ?""")
			.params(status, at == null ? null : Timestamp.from(at), error, channel.name(), providerMessageId)
			.update();
	}

	@Override
	public Optional<String> reportOf(Channel channel, String providerMessageId) {
		return this.jdbc.sql("""
				select report_code from outbound_message where channel = ? and provider_message_id = ?
				and report_code is not null fetch first 1 rows only""")
			.params(channel.name(), providerMessageId)
			.query(String.class)
			.optional();
	}

	/** Sends what is due; returns how many went out. */
	int deliverDue() {
		Instant now = this.clock.instant();
		List<UUID> due = this.jdbc.sql("""
				select id from outbound_message where status = 'PENDING' and next_attempt_at <= ?
				order by next_attempt_at fetch first 200 rows only""")
			.param(Timestamp.from(now))
			.query(UUID.class)
			.list();
		int sent = 0;
		for (UUID id : due) {
			sent += deliver(id, now) ? 1 : 0;
		}
		return sent;
	}

	private boolean deliver(UUID id, Instant now) {
		int claimed = this.jdbc.sql("""
				update outbound_message set attempts = attempts + 1, next_attempt_at = ?
				where id = ? and status = 'PENDING' and next_attempt_at <= ?""")
			.params(Timestamp.from(now.plus(Duration.ofMinutes(5))), id, Timestamp.from(now))
			.update();
		if (claimed == 0) {
			return false;
		}
		record Row(Channel channel, String recipient, String body, String replyTo, int attempts) {
		}
		Row row = this.jdbc.sql("select channel, recipient, body, reply_to, attempts from outbound_message where id = ?")
			.param(id)
			.query((rs, n) -> new Row(Channel.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getInt(5)))
			.single();
		try {
			String providerId = this.providers.send(row.channel(), row.recipient(), row.body(), row.replyTo());
			this.jdbc.sql("""
					update outbound_message set status = 'SENT', sent_at = ?, provider_message_id = ?, body = null,
					  last_error = null
					where id = ?""")
				.params(Timestamp.from(this.clock.instant()), providerId, id)
				.update();
			return true;
		}
		catch (ProviderClients.RetryLater wait) {
			// not a failure of ours: the provider (or our own pace) asks to wait; the try is given back
			this.jdbc.sql("update outbound_message set attempts = attempts - 1, next_attempt_at = ?, last_error = ? where id = ?")
				.params(Timestamp.from(now.plus(wait.waitFor())), wait.getMessage(), id)
				.update();
			return false;
		}
		catch (RuntimeException failure) {
			// a refusal that will never change (bad recipient, outside a provider's window) ends at once
			boolean permanent = failure instanceof RestClientResponseException refused
					&& ProviderClients.isClientError(refused.getStatusCode()) && refused.getStatusCode().value() != 401
					&& refused.getStatusCode().value() != 403;
			boolean giveUp = permanent || row.attempts() >= MAX_ATTEMPTS;
			String reason = String.valueOf(failure.getMessage());
			this.jdbc.sql("update outbound_message set status = ?, next_attempt_at = ?, last_error = ? where id = ?")
				.params(giveUp ? "FAILED" : "PENDING", Timestamp.from(now.plus(AfterCommit.backoff(row.attempts()))),
						reason.length() > 500 ? reason.substring(0, 500) : reason, id)
				.update();
			log.warn("{} message {} not sent (attempt {}{}): {}", row.channel(), id, row.attempts(),
					giveUp ? ", giving up" : "", reason);
			return false;
		}
	}

}
