package id.go.jambiprov.lapor.notify.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executor;

import id.go.jambiprov.lapor.mail.MailOutbox;
import id.go.jambiprov.lapor.notify.ChannelMessages;
import id.go.jambiprov.lapor.report.Channel;
import id.go.jambiprov.lapor.shared.AfterCommit;
import id.go.jambiprov.lapor.shared.Seal;
import id.go.jambiprov.lapor.shared.WorkQueue;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClientResponseException;

/**
 * The outbox of messages to reporters and its delivery: tried right after the transaction that
 * queued it commits, then by the recurring task, as the {@link WorkQueue.Policy#CHANNEL_OUTBOX
 * channel queue's policy} says, until sent or given up. A message with a cause is queued once
 * per cause, channel and recipient. E-mail goes through the mail module's own outbox. The text
 * is sealed while it waits ({@link Seal}) and cleared once sent.
 */
@Service
class JdbcChannelMessages implements ChannelMessages {

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ProviderClients providers;

	private final MailOutbox mail;

	private final MessageSource messages;

	private final Executor executor;

	private final WorkQueue queue;

	private final Seal seal;

	JdbcChannelMessages(JdbcClient jdbc, Clock clock, ProviderClients providers, MailOutbox mail,
			MessageSource messages, @Qualifier("applicationTaskExecutor") Executor executor, Seal seal) {
		this.seal = seal;
		this.jdbc = jdbc;
		this.clock = clock;
		this.providers = providers;
		this.mail = mail;
		this.messages = messages;
		this.executor = executor;
		this.queue = new WorkQueue(WorkQueue.Policy.CHANNEL_OUTBOX, jdbc, clock);
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
			this.mail.queue(message.recipient(), subject, message.text(), message.cause());
			return;
		}
		Instant now = this.clock.instant();
		int queued = this.jdbc.sql("""
				insert into outbound_message (id, channel, recipient, body, report_code, reply_to, status, attempts,
				  next_attempt_at, created_at, cause)
				values (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)
				on conflict do nothing""")
			.params(UUID.randomUUID(), message.channel().name(), message.recipient(), this.seal.seal(message.text()),
					message.reportCode(), message.replyTo(), Timestamp.from(now), Timestamp.from(now), message.cause())
			.update();
		if (queued == 1) {
			AfterCommit.runSoon(this.executor, this::deliverDue);
		}
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
		int sent = 0;
		List<WorkQueue.Claimed> claimed;
		do {
			claimed = this.queue.claim("next_attempt_at, id");
			for (WorkQueue.Claimed row : claimed) {
				boolean[] done = { false };
				this.queue.attempt(row, () -> done[0] = deliver(row), JdbcChannelMessages::permanent);
				sent += done[0] ? 1 : 0;
			}
		}
		while (claimed.size() == this.queue.policy().batch());
		return sent;
	}

	/** A refusal that will never change (bad recipient, outside a provider's window) ends at once. */
	private static boolean permanent(RuntimeException failure) {
		return failure instanceof RestClientResponseException refused
				&& ProviderClients.isClientError(refused.getStatusCode()) && refused.getStatusCode().value() != 401
				&& refused.getStatusCode().value() != 403;
	}

	private boolean deliver(WorkQueue.Claimed claimed) {
		record Row(Channel channel, String recipient, String body, String replyTo) {
		}
		Row row = this.jdbc.sql("select channel, recipient, body, reply_to from outbound_message where id = ?")
			.param(claimed.id())
			.query((rs, n) -> new Row(Channel.valueOf(rs.getString(1)), rs.getString(2), this.seal.open(rs.getString(3)),
					rs.getString(4)))
			.single();
		try {
			String providerId = this.providers.send(row.channel(), row.recipient(), row.body(), row.replyTo());
			this.jdbc.sql("""
					update outbound_message set status = 'SENT', sent_at = ?, provider_message_id = ?, body = null,
					  last_error = null
					where id = ? and claim = ?""")
				.params(Timestamp.from(this.clock.instant()), providerId, claimed.id(), claimed.token())
				.update();
			return true;
		}
		catch (ProviderClients.RetryLater wait) {
			// not a failure of ours: the provider (or our own pace) asks to wait; the try is given back
			this.queue.later(claimed, wait.waitFor(), wait.getMessage());
			return false;
		}
	}

}
