package id.go.jambiprov.lapor.intake.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import id.go.jambiprov.lapor.report.Channel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.stereotype.Component;

/**
 * SMS from a GSM modem: Gammu SMSD writes each received SMS into its {@code inbox} table
 * ({@code gammu-smsd-tables(7)}); this poller reads the unprocessed rows, joins the parts of a
 * long SMS (by the concatenation header in {@code UDH}), stores each message, and only then marks
 * the rows processed. A crash in between stores nothing twice (the message id is
 * {@code gammu:<first row id>}, unique per channel).
 */
@Component
class GammuInbox {

	/** Parts of a long SMS that never all arrive are taken as they are after this long. */
	static final Duration PART_WAIT = Duration.ofMinutes(10);

	record Row(long id, String sender, String text, Instant receivedAt, String udh) {
	}

	private final JdbcClient gammu;

	private final InboundStore store;

	private final Clock clock;

	GammuInbox(ChannelSettings settings, InboundStore store, Clock clock) {
		ChannelSettings.Gammu config = settings.sms().gammu();
		this.gammu = config.enabled()
				? JdbcClient.create(new DriverManagerDataSource(config.url(), config.username(), config.password())) : null;
		this.store = store;
		this.clock = clock;
	}

	boolean enabled() {
		return this.gammu != null;
	}

	/** Reads what the modem received; returns how many messages were stored. */
	int poll() {
		if (this.gammu == null) {
			return 0;
		}
		List<Row> rows = this.gammu.sql("""
				select ID, SenderNumber, TextDecoded, ReceivingDateTime, UDH from inbox
				where Processed = 'false' order by ID""")
			.query((rs, n) -> new Row(rs.getLong("ID"), rs.getString("SenderNumber"), rs.getString("TextDecoded"),
					rs.getTimestamp("ReceivingDateTime") == null ? null : rs.getTimestamp("ReceivingDateTime").toInstant(),
					rs.getString("UDH")))
			.list();
		Map<String, List<Row>> messages = new LinkedHashMap<>();
		for (Row row : rows) {
			Part part = Part.of(row.udh());
			String key = part == null ? "single:" + row.id() : row.sender() + ":" + part.reference();
			messages.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
		}
		int stored = 0;
		for (List<Row> parts : messages.values()) {
			Part first = Part.of(parts.get(0).udh());
			boolean complete = first == null || parts.size() >= first.total();
			Instant oldest = parts.get(0).receivedAt();
			if (!complete && oldest != null && oldest.plus(PART_WAIT).isAfter(this.clock.instant())) {
				continue; // the other parts may still come
			}
			parts.sort(Comparator.comparingInt(r -> Part.of(r.udh()) == null ? 0 : Part.of(r.udh()).number()));
			StringBuilder text = new StringBuilder();
			parts.forEach(r -> text.append(r.text() == null ? "" : r.text()));
			Row head = parts.get(0);
			stored += this.store.store(List.of(InboundMessage.text(Channel.SMS, "gammu:" + head.id(), head.sender(), null,
					text.toString(), head.receivedAt())));
			this.gammu.sql("update inbox set Processed = 'true' where ID in (:ids)")
				.param("ids", parts.stream().map(Row::id).toList())
				.update();
		}
		return stored;
	}

	/** The concatenation header of one part: {@code 050003 <ref> <total> <number>} (or 0608 04 with a 16-bit ref). */
	record Part(String reference, int total, int number) {

		static Part of(String udh) {
			if (udh == null || udh.isBlank()) {
				return null;
			}
			String hex = udh.strip().toUpperCase(Locale.ROOT);
			try {
				if (hex.startsWith("050003") && hex.length() >= 12) {
					return new Part(hex.substring(6, 8), Integer.parseInt(hex.substring(8, 10), 16),
							Integer.parseInt(hex.substring(10, 12), 16));
				}
				if (hex.startsWith("060804") && hex.length() >= 14) {
					return new Part(hex.substring(6, 10), Integer.parseInt(hex.substring(10, 12), 16),
							Integer.parseInt(hex.substring(12, 14), 16));
				}
			}
			catch (NumberFormatException unreadable) {
				return null;
			}
			return null;
		}

	}

}
