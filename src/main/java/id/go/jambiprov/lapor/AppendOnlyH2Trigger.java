package id.go.jambiprov.lapor;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * On the embedded H2 database, refuses every update and delete of an append-only table (the
 * timeline, the holiday audit trail), as the PostgreSQL trigger does in production.
 */
public class AppendOnlyH2Trigger implements Trigger {

	private String table;

	@Override
	public void init(Connection connection, String schema, String trigger, String table, boolean before, int type) {
		this.table = table;
	}

	@Override
	public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
		throw new SQLException(this.table.toLowerCase() + " is append-only", "23000");
	}

}
