package id.go.jambiprov.lapor.shared;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** What kind of database the service runs on: PostgreSQL in production, H2 as the embedded default. */
public final class Databases {

	private Databases() {
	}

	/**
	 * @throws IllegalStateException when the database cannot be reached
	 */
	public static boolean isPostgreSql(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
		}
		catch (SQLException unreachable) {
			throw new IllegalStateException("The database cannot be reached", unreachable);
		}
	}

}
