package db.migration.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import id.go.jambiprov.lapor.report.internal.TimelineChain;

/**
 * Chains the timeline entries written before the chain existed, report by report in entry
 * order, with the append-only trigger set aside for the length of this migration (its
 * transaction): on PostgreSQL disabled, on H2 dropped and made again.
 */
public class V33_1__chain_timeline_entries extends BaseJavaMigration {

	private static final int BATCH = 500;

	@Override
	public void migrate(Context context) throws Exception {
		Connection connection = context.getConnection();
		boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		try (Statement statement = connection.createStatement()) {
			statement.execute(postgres ? "alter table timeline_entry disable trigger timeline_entry_no_change"
					: "drop trigger timeline_entry_no_change");
		}
		try (Statement select = connection.createStatement();
				PreparedStatement update = connection.prepareStatement("update timeline_entry set entry_hash = ? where id = ?")) {
			select.setFetchSize(BATCH);
			UUID report = null;
			String previous = TimelineChain.GENESIS;
			int pending = 0;
			try (ResultSet rs = select.executeQuery("select id, " + TimelineChain.COLUMNS
					+ " from timeline_entry order by report_id, entry_number")) {
				while (rs.next()) {
					TimelineChain.Entry entry = TimelineChain.Entry.of(rs);
					if (!entry.reportId().equals(report)) {
						report = entry.reportId();
						previous = TimelineChain.GENESIS;
					}
					previous = TimelineChain.hash(previous, entry);
					update.setString(1, previous);
					update.setLong(2, rs.getLong("id"));
					update.addBatch();
					if (++pending == BATCH) {
						update.executeBatch();
						pending = 0;
					}
				}
			}
			if (pending > 0) {
				update.executeBatch();
			}
		}
		try (Statement statement = connection.createStatement()) {
			statement.execute(postgres ? "alter table timeline_entry enable trigger timeline_entry_no_change"
					: "create trigger timeline_entry_no_change before update, delete on timeline_entry for each row "
							+ "call 'id.go.jambiprov.lapor.AppendOnlyH2Trigger'");
		}
	}

}
