package id.go.jambiprov.lapor;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * On the embedded H2 database, refuses every update of an append-only log that has a retention
 * period, and every delete unless the retention task opened it for its transaction (session
 * variable {@code @lapor_purge_before}); the task's own query picks the expired rows. PostgreSQL
 * also checks each row's age in its trigger.
 */
public class AppendOnlyUntilExpiredH2Trigger extends AppendOnlyH2Trigger {

	@Override
	public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
		if (newRow == null && purgeOpen(connection)) {
			return;
		}
		super.fire(connection, oldRow, newRow);
	}

	private static boolean purgeOpen(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select @lapor_purge_before")) {
			return result.next() && result.getObject(1) != null;
		}
	}

}
