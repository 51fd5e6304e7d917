package id.go.jambiprov.lapor.report.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import id.go.jambiprov.lapor.shared.Databases;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How long the report module's logs are kept: the record of who was shown a protected reporter
 * ({@code identity_access}, kept longest: {@code lapor.retention.access-log}, 10 years by default)
 * and the record of inbox exports ({@code inbox_export}, {@code lapor.retention.export-records},
 * 5 years). Both tables are append-only; their trigger lets only this task delete, and only rows
 * older than the instant it sets for its own transaction ({@code lapor.purge_before}).
 */
@Configuration(proxyBeanMethods = false)
class AuditLogRetention {

	private static final Logger log = LoggerFactory.getLogger(AuditLogRetention.class);

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final boolean postgreSql;

	private final Duration accessLog;

	private final Duration exportRecords;

	AuditLogRetention(JdbcClient jdbc, PlatformTransactionManager transactionManager, Clock clock,
			DataSource dataSource, @Value("${lapor.retention.access-log:P3650D}") Duration accessLog,
			@Value("${lapor.retention.export-records:P1825D}") Duration exportRecords) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.postgreSql = Databases.isPostgreSql(dataSource);
		this.accessLog = accessLog;
		this.exportRecords = exportRecords;
	}

	/** @return how many rows were deleted from both logs */
	int purge() {
		Instant now = this.clock.instant();
		int deleted = purge("identity_access", "accessed_at", now.minus(this.accessLog))
				+ purge("inbox_export", "exported_at", now.minus(this.exportRecords));
		if (deleted > 0) {
			log.info("{} access-log and export rows past their retention deleted", deleted);
		}
		return deleted;
	}

	private int purge(String table, String column, Instant before) {
		Integer deleted = this.transactions.execute(status -> {
			if (this.postgreSql) {
				this.jdbc.sql("select set_config('lapor.purge_before', ?, true)").param(before.toString()).query().singleValue();
			}
			else {
				this.jdbc.sql("set @lapor_purge_before = ?").param(Timestamp.from(before)).update();
			}
			int rows = this.jdbc.sql("delete from " + table + " where " + column + " < ?")
				.param(Timestamp.from(before))
				.update();
			if (!this.postgreSql) {
				this.jdbc.sql("set @lapor_purge_before = null").update();
			}
			return rows;
		});
		return deleted == null ? 0 : deleted;
	}

	@Bean
	RecurringTask<Void> auditLogRetentionTask() {
		return Tasks.recurring("audit-log-retention", FixedDelay.of(Duration.ofHours(24)))
			.execute((instance, context) -> purge());
	}

}
