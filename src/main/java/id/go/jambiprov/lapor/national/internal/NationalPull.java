package id.go.jambiprov.lapor.national.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;

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
		return drain("forwarded", this.national::forwarded, report -> {
			boolean known = this.reports.trackingCodeOf(report.trackingId()).isPresent();
			String code = this.reports.importForwarded(new NationalReports.Incoming(report.trackingId(),
					this.settings.jurisdiction(), this.mapping.typeFrom(null), report.title(), report.description(),
					this.mapping.categoryFrom(report.category()), report.address(), report.latitude(),
					report.longitude(), report.anonymous(), report.confidential(), report.name(), report.email(),
					report.phone(), report.submittedAt(), report.forwardedAt()));
			if (!known) {
				log.info("National report {} forwarded to us, filed as {}", report.trackingId(), code);
			}
			return !known;
		});
	}

	/** Takes in the replies written there since the last pull; returns how many were new. */
	public int pullReplies() {
		if (!this.settings.enabled() || !this.national.capabilities().replies()) {
			return 0;
		}
		return drain("replies", this.national::replies, reply -> Boolean.TRUE.equals(this.transactions.execute(status -> {
			int fresh = this.jdbc.sql("insert into national_reply (id, taken_at) values (?, ?) on conflict do nothing")
				.params(reply.id(), Timestamp.from(this.clock.instant()))
				.update();
			if (fresh == 0) {
				return false;
			}
			if (this.reports.reply(reply.nationalTrackingId(), reply.text()).isEmpty()) {
				log.warn("A national reply {} is for {}, which is not a report of ours", reply.id(),
						reply.nationalTrackingId());
			}
			return true;
		})));
	}

	/**
	 * Takes pages from the cursor {@code name} on, each item by {@code take} (true: it was new),
	 * the cursor saved after each page; at most {@link #MAX_PAGES} pages a run.
	 */
	private <T> int drain(String name, Function<@Nullable String, NationalSystem.Page<T>> fetch,
			Predicate<T> take) {
		int taken = 0;
		String cursor = cursor(name);
		for (int page = 0; page < MAX_PAGES; page++) {
			NationalSystem.Page<T> answer = fetch.apply(cursor);
			for (T item : answer.items()) {
				taken += take.test(item) ? 1 : 0;
			}
			if (answer.next() != null && !Objects.equals(answer.next(), cursor)) {
				save(name, answer.next());
			}
			if (answer.next() == null || answer.items().isEmpty() || Objects.equals(answer.next(), cursor)) {
				break;
			}
			cursor = answer.next();
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
