package id.go.jambiprov.lapor.shared;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How long the message queues keep what ended: every inbound message, channel message, mail and
 * national call that was handled, sent or given up is deleted {@code lapor.retention.messages} (90 days by
 * default) after it was last touched. The report keeps what matters (its text, files, timeline).
 */
@Configuration(proxyBeanMethods = false)
public class QueueRetention {

	private static final Logger log = LoggerFactory.getLogger(QueueRetention.class);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration retention;

	QueueRetention(JdbcClient jdbc, Clock clock, @Value("${lapor.retention.messages:P90D}") Duration retention) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.retention = retention;
	}

	/** @return how many rows were deleted */
	public int purge() {
		Instant before = this.clock.instant().minus(this.retention);
		int deleted = new WorkQueue(WorkQueue.Policy.INBOUND, this.jdbc, this.clock).purge(before,
				"inbound_media.message_id")
				+ new WorkQueue(WorkQueue.Policy.CHANNEL_OUTBOX, this.jdbc, this.clock).purge(before)
				+ new WorkQueue(WorkQueue.Policy.MAIL_OUTBOX, this.jdbc, this.clock).purge(before)
				+ new WorkQueue(WorkQueue.Policy.NATIONAL_OUTBOX, this.jdbc, this.clock).purge(before);
		if (deleted > 0) {
			log.info("{} ended messages older than {} deleted", deleted, this.retention);
		}
		return deleted;
	}

	@Bean
	RecurringTask<Void> queueRetentionTask() {
		return Tasks.recurring("queue-retention", FixedDelay.of(Duration.ofHours(6)))
			.execute((instance, context) -> purge());
	}

}
