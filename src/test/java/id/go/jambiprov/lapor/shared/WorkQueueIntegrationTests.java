package id.go.jambiprov.lapor.shared;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.support.ApiTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one work queue on PostgreSQL, over a table of its own: a try that outlives its lease
 * cannot end a row claimed again meanwhile; a worker that dies on every try is given up when
 * its tries are used up; an {@link Error} is a failed try; pauses double up to their cap.
 */
class WorkQueueIntegrationTests extends ApiTestSupport {

	private static final WorkQueue.Policy POLICY = new WorkQueue.Policy("test", "work_queue_test",
			Duration.ofMinutes(2), 3, Duration.ofSeconds(15), Duration.ofMinutes(1), 10);

	private WorkQueue queue;

	@BeforeEach
	void table() {
		this.jdbc.sql("""
				create table if not exists work_queue_test (id uuid primary key, status varchar(20) not null,
				  attempts int not null default 0, next_attempt_at timestamp with time zone not null, claim uuid,
				  last_error varchar(500))""").update();
		this.jdbc.sql("delete from work_queue_test").update();
		this.queue = new WorkQueue(POLICY, this.jdbc, this.clock);
	}

	private UUID queued() {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("insert into work_queue_test (id, status, next_attempt_at) values (?, 'PENDING', ?)")
			.params(id, java.sql.Timestamp.from(this.clock.instant()))
			.update();
		return id;
	}

	private Map<String, Object> row(UUID id) {
		return this.jdbc.sql("select status, attempts, last_error from work_queue_test where id = ?")
			.param(id)
			.query()
			.singleRow();
	}

	@Test
	void aTryThatOutlivedItsLeaseEndsNothing() {
		UUID id = queued();
		WorkQueue.Claimed first = this.queue.claim("id").get(0);
		assertThat(this.queue.claim("id")).isEmpty(); // leased
		this.clock.advance(Duration.ofMinutes(3));
		WorkQueue.Claimed second = this.queue.claim("id").get(0);
		assertThat(second.attempt()).isEqualTo(2);

		assertThat(this.queue.failed(first, new IllegalStateException("late"), false)).isFalse();
		assertThat(row(id)).containsEntry("status", "PENDING").containsEntry("last_error", null);
		assertThat(this.queue.attempt(first, () -> {
			throw new WorkQueue.Superseded(id);
		})).isFalse();
		assertThat(row(id)).containsEntry("last_error", null);

		assertThat(this.queue.attempt(second, () -> {
			throw new IllegalStateException("provider down");
		})).isFalse();
		assertThat(row(id)).containsEntry("status", "PENDING").containsEntry("attempts", 2);
		assertThat((String) row(id).get("last_error")).contains("provider down");
	}

	@Test
	void aWorkerThatDiesOnEveryTryIsGivenUpWhenItsTriesAreUsedUp() {
		UUID id = queued();
		for (int i = 1; i <= POLICY.maxAttempts(); i++) {
			List<WorkQueue.Claimed> claimed = this.queue.claim("id");
			assertThat(claimed).singleElement().satisfies(c -> assertThat(c.id()).isEqualTo(id));
			this.clock.advance(POLICY.lease().plusSeconds(1)); // the worker never came back
		}
		assertThat(this.queue.claim("id")).isEmpty();
		assertThat(row(id)).containsEntry("status", "FAILED").containsEntry("attempts", POLICY.maxAttempts());
		assertThat((String) row(id).get("last_error")).contains("did not finish");
	}

	@Test
	void anErrorIsAFailedTryAndIsThrownOn() {
		UUID id = queued();
		WorkQueue.Claimed claimed = this.queue.claim("id").get(0);
		assertThatThrownBy(() -> this.queue.attempt(claimed, () -> {
			throw new OutOfMemoryError("Java heap space");
		})).isInstanceOf(OutOfMemoryError.class);
		assertThat(row(id)).containsEntry("status", "PENDING").containsEntry("attempts", 1);
		assertThat((String) row(id).get("last_error")).contains("OutOfMemoryError");
	}

	@Test
	void aFailureIsKeptWithoutTheTokensAndAddressesItsMessageNamed() {
		UUID id = queued();
		WorkQueue.Claimed claimed = this.queue.claim("id").get(0);
		this.queue.attempt(claimed, () -> {
			throw new IllegalStateException("I/O error on POST request for "
					+ "\"https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage\": refused; "
					+ "550 <budi.santoso@example.com> unknown; to +62 812-3456-7890; ?access_token=EAAGm0PX4ZCps");
		});
		String kept = (String) row(id).get("last_error");
		assertThat(kept).contains("api.telegram.org/bot[token]/sendMessage", "[e-mail]", "[phone]", "access_token=[secret]")
			.doesNotContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw", "budi.santoso", "3456", "EAAGm0PX4ZCps");
	}

	@Autowired
	QueueRetention retention;

	@Test
	void whatEndedIsDeletedAfterTheRetentionAndWhatWaitsIsKept() {
		UUID sent = queued();
		UUID waiting = queued();
		this.jdbc.sql("update work_queue_test set status = 'SENT' where id = ?").param(sent).update();
		this.clock.advance(Duration.ofDays(91));
		assertThat(this.queue.purge(this.clock.instant().minus(Duration.ofDays(90)))).isEqualTo(1);
		assertThat(this.jdbc.sql("select id from work_queue_test").query(UUID.class).list()).containsExactly(waiting);

		// the real queues: a channel message sent 91 days ago goes, its text with it
		UUID message = UUID.randomUUID();
		java.sql.Timestamp old = java.sql.Timestamp.from(this.clock.instant().minus(Duration.ofDays(91)));
		this.jdbc.sql("""
				insert into outbound_message (id, channel, recipient, body, status, attempts, next_attempt_at, created_at)
				values (?, 'SMS', '+6281200000000', 'Kode 1234, kunci ABCD', 'SENT', 1, ?, ?)""")
			.params(message, old, old)
			.update();
		assertThat(this.retention.purge()).isPositive();
		assertThat(this.jdbc.sql("select count(*) from outbound_message where id = ?").param(message)
			.query(Integer.class).single()).isZero();
	}

	@Test
	void pausesDoubleUpToTheirCapAndEachQueueStatesItsOwn() {
		assertThat(POLICY.backoff(1)).isEqualTo(Duration.ofSeconds(15));
		assertThat(POLICY.backoff(2)).isEqualTo(Duration.ofSeconds(30));
		assertThat(POLICY.backoff(3)).isEqualTo(Duration.ofMinutes(1));
		assertThat(POLICY.backoff(30)).isEqualTo(Duration.ofMinutes(1));
		assertThat(WorkQueue.Policy.INBOUND.backoff(9)).isEqualTo(Duration.ofHours(1));
		assertThat(WorkQueue.Policy.CHANNEL_OUTBOX.backoff(1)).isEqualTo(Duration.ofMinutes(1));
		assertThat(WorkQueue.Policy.MAIL_OUTBOX.maxAttempts()).isEqualTo(12);
	}

}
