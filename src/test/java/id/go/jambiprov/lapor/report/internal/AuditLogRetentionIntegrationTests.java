package id.go.jambiprov.lapor.report.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.support.ApiTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The access log and the export records are append-only and still not kept for ever: the
 * retention task deletes what passed its period (10 and 5 years by default), and nothing else
 * can delete a row, not even the task's own setting for a younger row.
 */
class AuditLogRetentionIntegrationTests extends ApiTestSupport {

	@Autowired
	AuditLogRetention retention;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void rowsPastTheirPeriodGoAndYoungerRowsStay() {
		Fixture report = submit(true, false);
		UUID reportId = this.jdbc.sql("select id from report where tracking_code = ?").param(report.code().replace("-", ""))
			.query(UUID.class).single();
		Instant now = this.clock.instant();
		String marker = "retensi-" + UUID.randomUUID().toString().substring(0, 8);
		access(reportId, now.minus(Duration.ofDays(3651)), marker);
		access(reportId, now.minus(Duration.ofDays(3649)), marker);
		export(now.minus(Duration.ofDays(1826)), marker);
		export(now.minus(Duration.ofDays(1824)), marker);

		assertThatThrownBy(() -> this.jdbc.sql("delete from identity_access where username = ?").param(marker).update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("delete from inbox_export where username = ?").param(marker).update())
			.hasMessageContaining("append-only");

		this.retention.purge();

		assertThat(this.jdbc.sql("select accessed_at from identity_access where username = ?").param(marker)
			.query(Timestamp.class).list()).singleElement()
			.satisfies(at -> assertThat(at.toInstant()).isEqualTo(now.minus(Duration.ofDays(3649))));
		assertThat(this.jdbc.sql("select exported_at from inbox_export where username = ?").param(marker)
			.query(Timestamp.class).list()).singleElement()
			.satisfies(at -> assertThat(at.toInstant()).isEqualTo(now.minus(Duration.ofDays(1824))));
	}

	@Test
	void theTasksOpeningDeletesNoYoungerRowAndNoUpdate() {
		Instant now = this.clock.instant();
		String marker = "retensi-" + UUID.randomUUID().toString().substring(0, 8);
		export(now.minus(Duration.ofDays(30)), marker);
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);
		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
			this.jdbc.sql("select set_config('lapor.purge_before', ?, true)").param(now.toString()).query().singleValue();
			this.jdbc.sql("update inbox_export set row_count = 0 where username = ?").param(marker).update();
		})).hasMessageContaining("append-only");
		assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
			this.jdbc.sql("select set_config('lapor.purge_before', ?, true)")
				.param(now.minus(Duration.ofDays(60)).toString()).query().singleValue();
			this.jdbc.sql("delete from inbox_export where username = ?").param(marker).update();
		})).hasMessageContaining("append-only");
		assertThat(this.jdbc.sql("select count(*) from inbox_export where username = ?").param(marker)
			.query(Long.class).single()).isOne();
	}

	private void access(UUID reportId, Instant at, String username) {
		this.jdbc.sql("""
				insert into identity_access (report_id, accessed_at, username, role, via)
				values (?, ?, ?, 'COORDINATOR', 'API')""").params(reportId, Timestamp.from(at), username).update();
	}

	private void export(Instant at, String username) {
		this.jdbc.sql("""
				insert into inbox_export (exported_at, username, role, filters, format, row_count, complete)
				values (?, ?, 'COORDINATOR', '', 'csv', 3, true)""").params(Timestamp.from(at), username).update();
	}

}
