package id.go.jambiprov.lapor;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.h2.api.Trigger;

/**
 * On the embedded H2 database, refuses every update of an append-only log that has a retention
 * period, and every delete unless the retention task opened it for its transaction (session
 * variable {@code @lapor_purge_before}); the task's own query picks the expired rows. PostgreSQL
 * also checks each row's age in its trigger.
 */
public class AppendOnlyUntilExpiredH2Trigger implements Trigger {

	private String table;

	@Override
	public void init(Connection connection, String schema, String trigger, String table, boolean before, int type) {
		this.table = table;
	}

	@Override
	public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
		if (newRow == null && purgeOpen(connection)) {
			return;
		}
		throw new SQLException(this.table.toLowerCase() + " is append-only", "23000");
	}

	private static boolean purgeOpen(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select @lapor_purge_before")) {
			return result.next() && result.getObject(1) != null;
		}
	}

}
