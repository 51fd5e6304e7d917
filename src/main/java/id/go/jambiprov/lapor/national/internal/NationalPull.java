package id.go.jambiprov.lapor.national.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.report.NationalReports;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes in what the national system has for us: the reports its national admin forwarded to the
 * province (filed here as FORWARDED, step 3 running from the national forwarding time) and the
 * replies its reporters wrote. Each pull goes on from its own cursor; a report comes in once by
 * its national tracking id and a reply once by its id, so a pull repeated after a crash adds
 * nothing twice.
 */
@Component
public class NationalPull {

	private static final Logger log = LoggerFactory.getLogger(NationalPull.class);

	/** Pages taken in one run at most: the next run goes on. */
	static final int MAX_PAGES = 50;

	private final NationalSettings settings;

	private final NationalSystem national;

	private final NationalMapping mapping;

	private final NationalReports reports;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate transactions;

	NationalPull(NationalSettings settings, NationalSystem national, NationalMapping mapping, NationalReports reports,
			JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
		this.settings = settings;
		this.national = national;
		this.mapping = mapping;
		this.reports = reports;
		this.jdbc = jdbc;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactions);
	}

	/** Files the reports forwarded to us since the last pull; returns how many were new here. */
	public int pullForwarded() {
		if (!this.settings.enabled() || !this.national.capabilities().pull()) {
			return 0;
		}
		int taken = 0;
		String cursor = cursor("forwarded");
		for (int page = 0; page < MAX_PAGES; page++) {
			NationalSystem.Page<NationalSystem.Forwarded> answer = this.national.forwarded(cursor);
			for (NationalSystem.Forwarded report : answer.items()) {
				boolean known = this.reports.trackingCodeOf(report.trackingId()).isPresent();
				String code = this.reports.importForwarded(new NationalReports.Incoming(report.trackingId(),
						this.settings.jurisdiction(), this.mapping.typeFrom(null), report.title(), report.description(),
						this.mapping.categoryFrom(report.category()), report.address(), report.latitude(),
						report.longitude(), report.anonymous(), report.confidential(), report.name(), report.email(),
						report.phone(), report.submittedAt(), report.forwardedAt()));
				if (!known) {
					taken++;
					log.info("National report {} forwarded to us, filed as {}", report.trackingId(), code);
				}
			}
			if (answer.next() == null || answer.items().isEmpty() || Objects.equals(answer.next(), cursor)) {
				if (answer.next() != null) {
					save("forwarded", answer.next());
				}
				break;
			}
			cursor = answer.next();
			save("forwarded", cursor);
		}
		return taken;
	}

	/** Takes in the replies written there since the last pull; returns how many were new. */
	public int pullReplies() {
		if (!this.settings.enabled() || !this.national.capabilities().replies()) {
			return 0;
		}
		int taken = 0;
		String cursor = cursor("replies");
		for (int page = 0; page < MAX_PAGES; page++) {
			NationalSystem.Page<NationalSystem.Reply> answer = this.national.replies(cursor);
			for (NationalSystem.Reply reply : answer.items()) {
				Boolean took = this.transactions.execute(status -> {
					int fresh = this.jdbc.sql("insert into national_reply (id, taken_at) values (?, ?) on conflict do nothing")
						.params(reply.id(), Timestamp.from(this.clock.instant()))
						.update();
					if (fresh == 0) {
						return false;
					}
					Optional<?> followed = this.reports.reply(reply.nationalTrackingId(), reply.text());
					if (followed.isEmpty()) {
						log.warn("A national reply {} is for {}, which is not a report of ours", reply.id(),
								reply.nationalTrackingId());
					}
					return true;
				});
				taken += Boolean.TRUE.equals(took) ? 1 : 0;
			}
			if (answer.next() == null || answer.items().isEmpty() || Objects.equals(answer.next(), cursor)) {
				if (answer.next() != null) {
					save("replies", answer.next());
				}
				break;
			}
			cursor = answer.next();
			save("replies", cursor);
		}
		return taken;
	}

	private @Nullable String cursor(String name) {
		return this.jdbc.sql("select position from national_cursor where name = ?")
			.param(name)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	private void save(String name, String position) {
		Timestamp now = Timestamp.from(this.clock.instant());
		if (this.jdbc.sql("update national_cursor set position = ?, updated_at = ? where name = ?")
			.params(position, now, name)
			.update() == 0) {
			this.jdbc.sql("insert into national_cursor (name, position, updated_at) values (?, ?, ?) on conflict do nothing")
				.params(name, position, now)
				.update();
		}
	}

}
