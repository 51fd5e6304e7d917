package id.go.jambiprov.lapor.report.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.directory.Directory;
import id.go.jambiprov.lapor.report.PhoneNumber;
import id.go.jambiprov.lapor.shared.CsvWriter;
import id.go.jambiprov.lapor.shared.ReportingReads;
import id.go.jambiprov.lapor.sop.WorkingCalendar;

import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The inbox as a file (CSV or XLSX): exactly the reports the inbox lists under the same filter,
 * in the caller's scope, written row by row as the database streams them, so that a hundred
 * thousand rows take no more memory than one. Texts as the caller reads them (what the
 * coordinator hid stays hidden for the agency and the supervisor). The reporter of an anonymous
 * or confidential report is never written, for any role: an identity the page shows only behind
 * a record of who looked does not leave in a file. Confidential reports are marked. Every
 * export is recorded (who, when, filters, format, rows) in {@code inbox_export}, append-only.
 */
@Component
public class InboxExport {

	public enum Format {

		CSV("text/csv;charset=UTF-8"), XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

		private final String mediaType;

		Format(String mediaType) {
			this.mediaType = mediaType;
		}

		public String mediaType() {
			return this.mediaType;
		}

		public String extension() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	private static final Logger log = LoggerFactory.getLogger("security");

	private static final String EXTRA_COLUMNS = ", anonymous, confidential, reporter_name, reporter_phone, reporter_email,"
			+ " location_regency, resolution_due_at";

	private final InboxQuery inbox;

	private final JdbcClient jdbc;

	private final ReportingReads reads;

	private final MessageSource messages;

	private final Directory directory;

	private final Clock clock;

	InboxExport(InboxQuery inbox, JdbcClient jdbc, ReportingReads reads, MessageSource messages, Directory directory,
			Clock clock) {
		this.inbox = inbox;
		this.jdbc = jdbc;
		this.reads = reads;
		this.messages = messages;
		this.directory = directory;
		this.clock = clock;
	}

	/** A file name for the export, by the day it is made. */
	public String fileName(Format format) {
		return "kotak-masuk-" + this.clock.instant().atZone(WorkingCalendar.JAKARTA).toLocalDate() + "."
				+ format.extension();
	}

	/**
	 * Writes the export to {@code out} and records it.
	 * @return how many reports were written
	 */
	public long write(Actor actor, InboxQuery.Filter filter, Format format, Locale locale, OutputStream out) {
		if (!actor.role().isOfficer()) {
			throw ReportRefusal.forbiddenRead();
		}
		long[] rows = { 0 };
		boolean complete = false;
		try {
			Sink sink = format == Format.CSV ? new CsvSink(out) : new XlsxSink(out, text("export.sheet", locale));
			sink.header(header(locale));
			Instant now = this.clock.instant();
			Map<String, String> agencies = new LinkedHashMap<>();
			ReportingReads.Target reads = this.reads.reads();
			reads.readOnly().executeWithoutResult(status -> this.inbox.stream(actor, filter, EXTRA_COLUMNS, rs -> {
				var item = InboxQuery.item(rs, now);
				boolean anonymous = rs.getBoolean("anonymous");
				boolean confidential = rs.getBoolean("confidential");
				boolean identity = !anonymous && !confidential;
				boolean contacts = identity && (actor.role() == Role.COORDINATOR || actor.role() == Role.NATIONAL_ADMIN
						|| actor.role() == Role.LIAISON);
				String protectedText = text("export.protected", locale);
				Timestamp resolution = rs.getTimestamp("resolution_due_at");
				List<Object> cells = new ArrayList<>();
				cells.add(item.trackingCode());
				cells.add(item.title());
				cells.add(text("type." + item.type(), locale));
				cells.add(text("status." + item.status(), locale));
				cells.add(item.category() == null ? null
						: this.directory.category(item.category()).map(c -> c.name()).orElse(item.category()));
				cells.add(text("channel." + item.channel(), locale));
				cells.add(item.agency() == null ? null : agencies.computeIfAbsent(item.agency(),
						code -> this.directory.agency(code).map(a -> a.name()).orElse(code)));
				cells.add(rs.getString("location_regency"));
				cells.add(item.submittedAt().toLocalDateTime());
				cells.add(item.statusSince().toLocalDateTime());
				cells.add(item.dueAt() == null ? null : item.dueAt().toLocalDateTime());
				cells.add(item.clock() == null ? null : text("clock." + item.clock(), locale));
				cells.add(resolution == null ? null
						: LocalDateTime.ofInstant(resolution.toInstant(), WorkingCalendar.JAKARTA));
				cells.add(text(confidential ? "export.yes" : "export.no", locale));
				cells.add(text(anonymous ? "export.yes" : "export.no", locale));
				cells.add(identity ? rs.getString("reporter_name") : protectedText);
				String phone = rs.getString("reporter_phone");
				cells.add(contacts ? national(phone) : identity ? null : protectedText);
				cells.add(contacts ? rs.getString("reporter_email") : identity ? null : protectedText);
				sink.row(cells);
				rows[0]++;
			}, reads.streaming()));
			sink.finish();
			complete = true;
			return rows[0];
		}
		finally {
			record(actor, filter, format, rows[0], complete);
		}
	}

	private static String national(String phone) {
		if (phone == null) {
			return null;
		}
		try {
			return new PhoneNumber(phone).national();
		}
		catch (IllegalArgumentException notE164) {
			return phone;
		}
	}

	private List<String> header(Locale locale) {
		List<String> header = new ArrayList<>();
		for (String column : List.of("code", "title", "type", "status", "category", "channel", "agency", "regency",
				"submitted", "status-since", "due", "clock", "resolution-due", "confidential", "anonymous", "reporter",
				"phone", "email")) {
			header.add(text("export.col." + column, locale));
		}
		return header;
	}

	private void record(Actor actor, InboxQuery.Filter filter, Format format, long rows, boolean complete) {
		this.jdbc.sql("""
				insert into inbox_export (exported_at, user_id, username, role, filters, format, row_count, complete)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(Timestamp.from(this.clock.instant()), actor.userId(),
					actor.username() == null ? "-" : actor.username(), actor.role().name(), describe(filter),
					format.name(), rows, complete)
			.update();
		log.info("event=inbox-exported user={} role={} format={} rows={} complete={} filters=[{}]", actor.username(),
				actor.role(), format, rows, complete, describe(filter));
	}

	/** The filter as a person reads it in the record. */
	static String describe(InboxQuery.Filter filter) {
		List<String> parts = new ArrayList<>();
		add(parts, "status", filter.status());
		add(parts, "clock", filter.clock());
		add(parts, "category", filter.category());
		add(parts, "agency", filter.agency());
		add(parts, "channel", filter.channel());
		add(parts, "from", filter.from());
		add(parts, "to", filter.to());
		add(parts, "q", filter.text());
		String text = String.join("; ", parts);
		return text.length() > 2000 ? text.substring(0, 2000) : text;
	}

	private static void add(List<String> parts, String name, Object value) {
		if (value != null && !value.toString().isBlank()) {
			parts.add(name + "=" + value);
		}
	}

	/** Every export, newest first, for the record. */
	public List<Map<String, Object>> recent(int limit) {
		return this.jdbc.sql("select * from inbox_export order by id desc fetch first ? rows only")
			.param(limit)
			.query()
			.listOfRows();
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	/** Where the rows go. */
	private interface Sink {

		void header(List<String> header);

		void row(List<Object> cells);

		void finish();

	}

	/** CSV in UTF-8 with a BOM, times in Jakarta as {@code yyyy-MM-dd HH:mm}. */
	private static final class CsvSink implements Sink {

		private final CsvWriter csv;

		CsvSink(OutputStream out) {
			this.csv = new CsvWriter(out);
		}

		@Override
		public void header(List<String> header) {
			this.csv.line(header);
		}

		@Override
		public void row(List<Object> cells) {
			List<Object> line = new ArrayList<>(cells.size());
			for (Object cell : cells) {
				line.add(cell instanceof LocalDateTime time ? time.toString().replace('T', ' ').substring(0, 16) : cell);
			}
			this.csv.line(line);
		}

		@Override
		public void finish() {
			this.csv.flush();
		}

	}

	/** XLSX written as a stream: real dates (Jakarta), the header frozen, widths set. */
	private static final class XlsxSink implements Sink {

		private final Workbook workbook;

		private final Worksheet sheet;

		private int row;

		XlsxSink(OutputStream out, String sheetName) {
			this.workbook = new Workbook(out, "LAPOR Jambi", "1.0");
			this.sheet = this.workbook.newWorksheet(sheetName);
		}

		@Override
		public void header(List<String> header) {
			for (int c = 0; c < header.size(); c++) {
				this.sheet.value(0, c, header.get(c));
				this.sheet.width(c, c == 1 ? 50 : c == 0 ? 14 : 18);
			}
			this.sheet.range(0, 0, 0, header.size() - 1).style().bold().fillColor("E4E7EB").set();
			this.sheet.freezePane(1, 1);
			this.row = 1;
		}

		@Override
		public void row(List<Object> cells) {
			for (int c = 0; c < cells.size(); c++) {
				Object cell = cells.get(c);
				if (cell instanceof LocalDateTime time) {
					this.sheet.value(this.row, c, time);
					this.sheet.style(this.row, c).format("yyyy-mm-dd hh:mm").set();
				}
				else if (cell != null) {
					// inline: a shared-strings table would grow with every distinct title
					this.sheet.inlineString(this.row, c, cell.toString());
				}
			}
			this.row++;
			if (this.row % 1_000 == 0) {
				try {
					this.sheet.flush();
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}

		@Override
		public void finish() {
			try {
				this.workbook.finish();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

	}

}
