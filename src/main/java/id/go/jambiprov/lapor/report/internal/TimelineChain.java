package id.go.jambiprov.lapor.report.internal;

import id.go.jambiprov.lapor.shared.Hashes;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * What makes the timeline tamper-evident: every entry stores the SHA-256 of the previous entry's
 * hash and its own canonical content, so that an entry edited or removed around the application
 * (by someone with the database's superuser rights, who can switch the append-only trigger off)
 * breaks the chain from there on. The canonical content is every column of the entry, each
 * written with its length (no two different entries read the same), times in epoch
 * milliseconds.
 * <p>
 * Public for the migration that chained the entries written before the chain existed.
 */
public final class TimelineChain {

	/** What the first entry of a report is chained to. */
	public static final String GENESIS = "0".repeat(64);

	/** The columns of {@code timeline_entry} the hash covers, as the chain reads them. */
	public static final String COLUMNS = """
			report_id, entry_number, occurred_at, action, from_status, to_status, actor_user_id, actor_username,
			actor_role, note, decree_step, due_at, met, working_seconds, jurisdiction, agency""";

	private TimelineChain() {
	}

	/** One entry's content, as stored. */
	public record Entry(UUID reportId, int number, Instant at, String action, String from, String to,
			UUID actorUserId, String actorUsername, String actorRole, String note, String step, Instant dueAt,
			Boolean met, Long workingSeconds, String jurisdiction, String agency) {

		/** Reads the {@link #COLUMNS} of a row. */
		public static Entry of(ResultSet rs) throws SQLException {
			Timestamp due = rs.getTimestamp("due_at");
			Object met = rs.getObject("met");
			Object seconds = rs.getObject("working_seconds");
			return new Entry(rs.getObject("report_id", UUID.class), rs.getInt("entry_number"),
					rs.getTimestamp("occurred_at").toInstant(), rs.getString("action"), rs.getString("from_status"),
					rs.getString("to_status"), rs.getObject("actor_user_id", UUID.class), rs.getString("actor_username"),
					rs.getString("actor_role"), rs.getString("note"), rs.getString("decree_step"),
					due == null ? null : due.toInstant(), met == null ? null : rs.getBoolean("met"),
					seconds == null ? null : rs.getLong("working_seconds"), rs.getString("jurisdiction"),
					rs.getString("agency"));
		}

	}

	/** The entry's hash, chained to the one before it. */
	public static String hash(String previous, Entry entry) {
		StringBuilder canonical = new StringBuilder(previous).append('\n');
		field(canonical, entry.reportId());
		field(canonical, entry.number());
		field(canonical, entry.at().toEpochMilli());
		field(canonical, entry.action());
		field(canonical, entry.from());
		field(canonical, entry.to());
		field(canonical, entry.actorUserId());
		field(canonical, entry.actorUsername());
		field(canonical, entry.actorRole());
		field(canonical, entry.note());
		field(canonical, entry.step());
		field(canonical, entry.dueAt() == null ? null : entry.dueAt().toEpochMilli());
		field(canonical, entry.met());
		field(canonical, entry.workingSeconds());
		field(canonical, entry.jurisdiction());
		field(canonical, entry.agency());
		return Hashes.sha256Hex(canonical.toString());
	}

	private static void field(StringBuilder canonical, Object value) {
		if (value == null) {
			canonical.append("-;");
			return;
		}
		String text = value.toString();
		canonical.append(text.length()).append(':').append(text).append(';');
	}

}
