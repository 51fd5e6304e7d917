package id.go.jambiprov.lapor.intake.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.shared.RateLimiter;
import id.go.jambiprov.lapor.shared.SharedRateLimits;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores what the channels deliver, before anything else happens: the webhook answers only once
 * the rows are committed, so a crash afterwards loses nothing (the worker finds them). A message
 * already stored (the provider redelivered it) is skipped. A sender who floods is still stored,
 * but marked ignored with the reason, and not turned into reports.
 */
@Service
public class InboundStore {

	private static final Logger log = LoggerFactory.getLogger(InboundStore.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final InboundProcessor processor;

	private final RateLimiter perSender;

	InboundStore(JdbcClient jdbc, Clock clock, InboundProcessor processor, ChannelSettings settings,
			SharedRateLimits limits) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.processor = processor;
		// a provider may call any instance: the limit holds for all of them together
		this.perSender = limits.limiter("inbound-sender", settings.perSenderPerTenMinutes(), Duration.ofMinutes(10));
	}

	/** @return how many of the messages were new */
	@Transactional
	public int store(List<InboundMessage> messages) {
		Instant now = this.clock.instant();
		int added = 0;
		for (InboundMessage m : messages) {
			boolean flooding = !this.perSender.tryAcquire(m.channel() + ":" + m.sender());
			int inserted = this.jdbc.sql("""
					insert into inbound_message (id, channel, provider_message_id, sender, sender_name, kind, body,
					  media_ref, media_type, media_name, latitude, longitude, context_ref, provider_sent_at, received_at,
					  status, attempts, next_attempt_at, outcome)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)
					on conflict do nothing""")
				.params(UUID.randomUUID(), m.channel().name(), cut(m.providerMessageId(), 200), cut(m.sender(), 200),
						cut(m.senderName(), 200), m.kind().name(), cut(m.body(), 20_000), cut(m.mediaRef(), 1000),
						cut(m.mediaType(), 100), cut(m.mediaName(), 200), m.latitude(), m.longitude(),
						cut(m.contextRef(), 300), m.sentAt() == null ? null : Timestamp.from(m.sentAt()),
						Timestamp.from(now), flooding ? "IGNORED" : "PENDING", Timestamp.from(now),
						flooding ? "RATE_LIMITED" : null)
				.update();
			if (inserted == 1 && flooding) {
				log.warn("Inbound {} message from a flooding sender stored but ignored (rate limit per sender)",
						m.channel());
			}
			added += inserted;
		}
		if (added > 0) {
			this.processor.processSoon();
		}
		return added;
	}

	/** Stores a message with the files that came inside it (e-mail attachments). */
	@Transactional
	public int store(InboundMessage message, List<EmailInbox.Media> files) {
		int added = store(List.of(message));
		if (added == 1 && !files.isEmpty()) {
			UUID id = this.jdbc.sql("select id from inbound_message where channel = ? and provider_message_id = ?")
				.params(message.channel().name(), cut(message.providerMessageId(), 200))
				.query(UUID.class)
				.single();
			for (EmailInbox.Media file : files) {
				this.jdbc.sql("insert into inbound_media (id, message_id, file_name, content_type, content) values (?, ?, ?, ?, ?)")
					.params(UUID.randomUUID(), id, cut(file.fileName(), 200), cut(file.contentType(), 100), file.content())
					.update();
			}
		}
		return added;
	}

	private static String cut(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

}
