package id.go.jambiprov.lapor.report.internal;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.report.Channel;
import id.go.jambiprov.lapor.report.ReportType;
import id.go.jambiprov.lapor.report.TrackingCode;
import id.go.jambiprov.lapor.report.internal.ReportViews.InboxItem;
import id.go.jambiprov.lapor.report.internal.ReportViews.InboxPage;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.sop.SopDefinition;
import id.go.jambiprov.lapor.sop.WorkingCalendar;
import id.go.jambiprov.lapor.web.InvalidInputException;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import static id.go.jambiprov.lapor.report.internal.ReportViews.jakarta;

/**
 * The officer's inbox, a SQL read model: the reports waiting for the caller's role (from the
 * SOP table) within their scope, most urgent first (earliest due time; reports without a
 * running clock last), paginated by key set on (due time, id) so pages stay stable while
 * reports move.
 */
@Component
public class InboxQuery {

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 100;

	/** Stands in for "no clock running" so that such reports sort last. */
	private static final Instant NO_DUE = Instant.parse("9999-12-31T00:00:00Z");

	private final JdbcClient jdbc;

	private final SopDefinition sop;

	private final Clock clock;

	InboxQuery(JdbcClient jdbc, SopDefinition sop, Clock clock) {
		this.jdbc = jdbc;
		this.sop = sop;
		this.clock = clock;
	}

	/**
	 * What an officer narrows the inbox by; every part optional. {@code text} is looked for in
	 * title and chronology; the dates bound the day of submission (Jakarta time), both included.
	 */
	public record Filter(ReportStatus status, ClockState clock, String category, String agency, Channel channel,
			LocalDate from, LocalDate to, String text) {

		public static final Filter NONE = new Filter(null, null, null, null, null, null, null, null);

	}

	public InboxPage inbox(Actor actor, ReportStatus status, ClockState clockState, Integer limit, String cursor) {
		return inbox(actor, new Filter(status, clockState, null, null, null, null, null, null), limit, cursor);
	}

	public InboxPage inbox(Actor actor, Filter filter, Integer limit, String cursor) {
		Instant now = this.clock.instant();
		int size = limit == null ? DEFAULT_LIMIT : limit;
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		if (size < 1 || size > MAX_LIMIT) {
			errors.add("limit", "range");
		}
		Cursor after = cursor == null || cursor.isBlank() ? null : Cursor.decode(cursor, errors);
		errors.throwIfAny();
		Selection selection = select(actor, filter, now, "");
		if (selection == null) {
			return new InboxPage(List.of(), null);
		}
		StringBuilder sql = selection.sql();
		Map<String, Object> params = selection.params();
		if (after != null) {
			sql.append(" and (coalesce(step_due_at, :noDue) > :afterDue"
					+ " or (coalesce(step_due_at, :noDue) = :afterDue and id > :afterId))");
			params.put("afterDue", Timestamp.from(after.due()));
			params.put("afterId", after.id());
		}
		sql.append(" order by urgency, id fetch first :limit rows only");
		params.put("limit", size + 1);
		List<Row> rows = this.jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new Row((UUID) rs.getObject("id"), rs.getTimestamp("urgency").toInstant(), item(rs, now)))
			.list();
		String next = null;
		if (rows.size() > size) {
			Row last = rows.get(size - 1);
			next = new Cursor(last.urgency(), last.id()).encode();
			rows = rows.subList(0, size);
		}
		return new InboxPage(rows.stream().map(Row::item).toList(), next);
	}

	/** A column the officers' work table sorts by. */
	public enum Sort {

		CODE("tracking_code"), TITLE("title"), STATUS("status"), CLOCK("urgency"), AGENCY("agency"),
		RECEIVED("submitted_at"), CHANNEL("channel");

		private final String column;

		Sort(String column) {
			this.column = column;
		}

	}

	/** A page of the work table sorted by a column, and the number of the next page if there is one. */
	public record SortedPage(List<InboxItem> items, Integer nextPage) {
	}

	/**
	 * The inbox under the filter sorted by a column of the work table (then by id, so that pages do
	 * not overlap), one numbered page at a time. The inbox itself pages by urgency with a cursor;
	 * this is for an officer who asked for another order.
	 */
	public SortedPage sorted(Actor actor, Filter filter, Sort sort, boolean descending, int page, int size) {
		Instant now = this.clock.instant();
		Selection selection = select(actor, filter, now, "");
		if (selection == null) {
			return new SortedPage(List.of(), null);
		}
		int from = Math.max(0, page) * size;
		StringBuilder sql = selection.sql()
			.append(" order by ")
			.append(sort.column)
			.append(descending ? " desc" : "")
			.append(", id offset :offset rows fetch first :limit rows only");
		Map<String, Object> params = selection.params();
		params.put("offset", from);
		params.put("limit", size + 1);
		List<InboxItem> items = this.jdbc.sql(sql.toString()).params(params).query((rs, n) -> item(rs, now)).list();
		if (items.size() > size) {
			return new SortedPage(items.subList(0, size), Math.max(0, page) + 1);
		}
		return new SortedPage(items, null);
	}

	/**
	 * Every report the inbox lists under the filter, most urgent first, without pages, handed to
	 * {@code each} one at a time as the database sends them (in batches of the template's fetch
	 * size, so that memory stays flat however many there are), on the database of
	 * {@code streaming} (the reporting replica or the primary: {@code ReportingReads}). Runs in a
	 * transaction of that database, which must exist for PostgreSQL to stream.
	 * @param extraColumns more columns of the report table, each preceded by a comma
	 */
	void stream(Actor actor, Filter filter, String extraColumns, RowCallbackHandler each,
			NamedParameterJdbcTemplate streaming) {
		Selection selection = select(actor, filter, this.clock.instant(), extraColumns);
		if (selection == null) {
			return;
		}
		streaming.query(selection.sql().append(" order by urgency, id").toString(), selection.params(), each);
	}

	/** The inbox's query before its order and pages: the statuses awaiting the role, its scope, the filter. */
	private record Selection(StringBuilder sql, Map<String, Object> params) {
	}

	private Selection select(Actor actor, Filter filter, Instant now, String extraColumns) {
		ReportStatus status = filter.status();
		ClockState clockState = filter.clock();
		Set<ReportStatus> statuses = switch (actor.role()) {
			case NATIONAL_ADMIN, COORDINATOR, LIAISON -> EnumSet.copyOf(this.sop.awaiting(actor.role()));
			case SUPERVISOR -> EnumSet.complementOf(EnumSet.of(ReportStatus.ARCHIVED, ReportStatus.CLOSED));
			default -> throw ReportRefusal.forbiddenRead();
		};
		if (status != null) {
			statuses.retainAll(Set.of(status));
		}
		if (statuses.isEmpty()) {
			return null;
		}
		// the liaison and the supervisor read and search the texts with what the coordinator hid hidden
		boolean original = ReportAccess.seesOriginalText(actor.role());
		String title = original ? "title" : "coalesce(redacted_title, title)";
		String description = original ? "description" : "coalesce(redacted_description, description)";
		StringBuilder sql = new StringBuilder("""
				select id, tracking_code, type, %s as title, status, category, channel, jurisdiction, agency, submitted_at,
				       status_since, step_due_at, step_warn_at, coalesce(step_due_at, :noDue) as urgency%s
				from report where status in (:statuses)""".formatted(title, extraColumns));
		Map<String, Object> params = new HashMap<>();
		params.put("noDue", Timestamp.from(NO_DUE));
		params.put("statuses", statuses.stream().map(Enum::name).collect(Collectors.toList()));
		switch (actor.role()) {
			case COORDINATOR, SUPERVISOR -> {
				sql.append(" and jurisdiction = :jurisdiction");
				params.put("jurisdiction", actor.jurisdiction());
			}
			case LIAISON -> {
				sql.append(" and agency = :agency");
				params.put("agency", actor.agency());
			}
			default -> {
			}
		}
		if (clockState != null) {
			sql.append(switch (clockState) {
				case OVERDUE -> " and step_due_at < :now";
				case APPROACHING -> " and step_due_at >= :now and step_warn_at <= :now";
				case ON_TIME -> " and step_due_at >= :now and (step_warn_at is null or step_warn_at > :now)";
			});
			params.put("now", Timestamp.from(now));
		}
		if (filter.category() != null) {
			sql.append(" and category = :category");
			params.put("category", filter.category());
		}
		if (filter.agency() != null) {
			sql.append(" and agency = :filterAgency");
			params.put("filterAgency", filter.agency());
		}
		if (filter.channel() != null) {
			sql.append(" and channel = :channel");
			params.put("channel", filter.channel().name());
		}
		if (filter.from() != null) {
			sql.append(" and submitted_at >= :fromTime");
			params.put("fromTime", Timestamp.from(filter.from().atStartOfDay(WorkingCalendar.JAKARTA).toInstant()));
		}
		if (filter.to() != null) {
			sql.append(" and submitted_at < :toTime");
			params.put("toTime", Timestamp.from(filter.to().plusDays(1).atStartOfDay(WorkingCalendar.JAKARTA).toInstant()));
		}
		if (filter.text() != null && !filter.text().isBlank()) {
			sql.append(" and (lower(" + title + ") like :text escape '\\' or lower(" + description
					+ ") like :text escape '\\')");
			params.put("text", "%" + filter.text().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
				.replace("%", "\\%").replace("_", "\\_") + "%");
		}
		return new Selection(sql, params);
	}

	static InboxItem item(ResultSet rs, Instant now) throws SQLException {
		return new InboxItem(new TrackingCode(rs.getString("tracking_code")).formatted(),
				ReportType.valueOf(rs.getString("type")), rs.getString("title"),
				ReportStatus.valueOf(rs.getString("status")), rs.getString("category"),
				Channel.valueOf(rs.getString("channel")), rs.getString("jurisdiction"), rs.getString("agency"),
				jakarta(rs.getTimestamp("submitted_at").toInstant()), jakarta(rs.getTimestamp("status_since").toInstant()),
				rs.getTimestamp("step_due_at") == null ? null : jakarta(rs.getTimestamp("step_due_at").toInstant()),
				ClockState.at(now, instant(rs.getTimestamp("step_warn_at")), instant(rs.getTimestamp("step_due_at"))));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private record Row(UUID id, Instant urgency, InboxItem item) {
	}

	record Cursor(Instant due, UUID id) {

		String encode() {
			String raw = this.due.getEpochSecond() + ":" + this.due.getNano() + ":" + this.id;
			return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
		}

		static Cursor decode(String cursor, InvalidInputException.Collector errors) {
			try {
				String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
				Instant due = Instant.ofEpochSecond(Long.parseLong(parts[0]), Integer.parseInt(parts[1]));
				return new Cursor(due, UUID.fromString(parts[2]));
			}
			catch (RuntimeException ex) {
				errors.add("cursor", "cursor");
				return null;
			}
		}

	}

}
