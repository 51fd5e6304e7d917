package id.go.jambiprov.lapor.web.internal;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells a database that cannot be reached (down, restarting, a connection cut, the pool unable
 * to open one) from a fault of ours: the first is answered 503 with {@code Retry-After}, the
 * second 500.
 */
final class DatabaseOutage {

	/** Seconds a client is asked to wait: a restarted PostgreSQL is back well within a minute. */
	static final long RETRY_AFTER_SECONDS = 30;

	private DatabaseOutage() {
	}

	static boolean isOutage(Throwable failure) {
		for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof DataAccessResourceFailureException || cause instanceof CannotCreateTransactionException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException) {
				return true;
			}
			// 08: connection exceptions; 57P01-57P03: the server shuts down, crashed or cannot
			// accept connections yet
			if (cause instanceof SQLException sql && sql.getSQLState() != null
					&& (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
				return true;
			}
		}
		return false;
	}

}
