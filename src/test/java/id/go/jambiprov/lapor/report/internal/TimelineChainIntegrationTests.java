package id.go.jambiprov.lapor.report.internal;

import java.sql.Connection;
import java.time.Duration;
import java.util.Arrays;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMailUtil;
import db.migration.common.V33_1__chain_timeline_entries;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.support.ChannelTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The timeline is tamper-evident: an entry edited in the database around the append-only
 * trigger (as a superuser could) breaks the report's hash chain; the API says where, and the
 * nightly check warns on the health endpoint and mails the national admins.
 */
class TimelineChainIntegrationTests extends ChannelTestSupport {

	@Autowired
	TimelineIntegrity integrity;

	@Autowired
	DataSource dataSource;

	private JsonNode verify(Fixture report) {
		return call(get("/api/v1/reports/{code}/timeline/verify", report.code()).header("Authorization",
				"Bearer " + token("koordinator")), 200);
	}

	/** What a DBA with superuser rights can do: switch the trigger off and change a row. */
	private void aroundTheApplication(String sql, Object... params) {
		this.jdbc.sql("alter table timeline_entry disable trigger timeline_entry_no_change").update();
		try {
			this.jdbc.sql(sql).params(params).update();
		}
		finally {
			this.jdbc.sql("alter table timeline_entry enable trigger timeline_entry_no_change").update();
		}
	}

	private String reportId(Fixture report) {
		return this.jdbc.sql("select cast(id as varchar) from report where tracking_code = ?")
			.param(report.code().replace("-", ""))
			.query(String.class)
			.single();
	}

	@Test
	void anEntryEditedAroundTheApplicationBreaksTheChainAndTheNightlyCheckSaysSo() {
		Fixture report = reach(ReportStatus.ANSWERED);
		JsonNode intact = verify(report);
		assertThat(intact.get("intact").asBoolean()).isTrue();
		assertThat(intact.get("entries").asInt()).isEqualTo(8);
		assertThat(intact.get("brokenAt").isNull()).isTrue();

		String id = reportId(report);
		String note = this.jdbc.sql("select note from timeline_entry where report_id = cast(? as uuid) and entry_number = 3")
			.param(id)
			.query(String.class)
			.optional()
			.orElse(null);
		aroundTheApplication("update timeline_entry set note = 'Catatan yang diubah' where report_id = cast(? as uuid) "
				+ "and entry_number = 3", id);
		JsonNode broken = verify(report);
		assertThat(broken.get("intact").asBoolean()).isFalse();
		assertThat(broken.get("brokenAt").asInt()).isEqualTo(3);

		assertThat(this.integrity.verifyChangedSince(this.clock.instant().minus(Duration.ofHours(1))))
			.extracting(TimelineIntegrity.Verification::trackingCode)
			.contains(report.code());
		assertThat(this.integrity.health().getStatus()).isEqualTo(TimelineIntegrity.WARNING);
		assertThat(this.integrity.health().getDetails().get("warning").toString()).contains(report.code());
		await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(mail.getReceivedMessages()).anyMatch(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals("nasional@lapor.example")
						&& m.getSubject().contains("PERINGATAN") && GreenMailUtil.getBody(m).contains(report.code());
			}
			catch (jakarta.mail.MessagingException ex) {
				return false;
			}
		}));

		// put back as it was, the chain holds again; an entry removed breaks it too
		aroundTheApplication("update timeline_entry set note = ? where report_id = cast(? as uuid) and entry_number = 3",
				note, id);
		assertThat(verify(report).get("intact").asBoolean()).isTrue();
		this.jdbc.sql("create table removed_entry as select * from timeline_entry "
				+ "where report_id = cast(? as uuid) and entry_number = 8").param(id).update();
		aroundTheApplication("delete from timeline_entry where report_id = cast(? as uuid) and entry_number = 8", id);
		assertThat(verify(report).get("brokenAt").asInt()).isEqualTo(8);
		this.jdbc.sql("insert into timeline_entry select * from removed_entry").update();
		this.jdbc.sql("drop table removed_entry").update();

		// a clean check clears the warning
		assertThat(this.integrity.verifyChangedSince(this.clock.instant().minus(Duration.ofHours(1)))).isEmpty();
		assertThat(this.integrity.health().getStatus().getCode()).isEqualTo("UP");
	}

	@Test
	void theMigrationChainsEntriesWrittenBeforeTheChainExisted() throws Exception {
		Fixture report = reach(ReportStatus.IN_PROGRESS);
		String id = reportId(report);
		aroundTheApplication("update timeline_entry set entry_hash = null where report_id = cast(? as uuid)", id);
		assertThat(verify(report).get("intact").asBoolean()).isFalse();

		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			new V33_1__chain_timeline_entries().migrate(new Context() {
				@Override
				public Configuration getConfiguration() {
					return null;
				}

				@Override
				public Connection getConnection() {
					return connection;
				}
			});
			connection.commit();
		}
		assertThat(verify(report).get("intact").asBoolean()).isTrue();
		// and the trigger is back
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.jdbc.sql("update timeline_entry set note = 'x' where report_id = cast(? as uuid)")
				.param(id)
				.update())
			.hasMessageContaining("append-only");
	}

}
