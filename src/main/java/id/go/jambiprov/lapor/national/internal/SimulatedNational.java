package id.go.jambiprov.lapor.national.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo's national SP4N-LAPOR!: what a national server holds, in memory, for the simulated
 * national API ({@code /webhooks/simulated-national}) and the simulator page. It issues national
 * tracking ids, keeps the reports its "national admin" forwarded to the province, the reports
 * and steps the bridge sent it (each once by its idempotency key), and replies its reporters
 * wrote. Demo only: forgotten at restart.
 */
@Component
@ConditionalOnProperty(name = "lapor.demo.enabled", havingValue = "true")
public class SimulatedNational {

	/** A report on the national system. */
	public record NationalReport(String trackingId, String transactionId, String title, String description,
			@Nullable String category, boolean anonymous, boolean confidential, @Nullable String name,
			@Nullable String phone, Instant submittedAt, Instant forwardedAt, @Nullable String ourCode) {
	}

	/** A step the bridge sent about a report. */
	public record Step(String trackingId, String status, @Nullable String note, Instant at) {
	}

	/** A reply a reporter wrote there. */
	public record Reply(String id, String trackingId, String text, Instant at) {
	}

	private final Clock clock;

	/**
	 * Numbers of reports and replies, from the clock at start: the bridge's cursor (the last number
	 * it took) outlives a restart of the demo, and the numbers after a restart are still above it.
	 */
	private final AtomicLong ids;

	private final List<NationalReport> forwarded = new ArrayList<>();

	private final Map<String, NationalReport> filedByKey = new ConcurrentHashMap<>();

	private final Map<String, Step> stepsByKey = new LinkedHashMap<>();

	private final List<Reply> replies = new ArrayList<>();

	SimulatedNational(Clock clock) {
		this.clock = clock;
		this.ids = new AtomicLong(clock.millis());
	}

	/** The national admin forwards a citizen's report to the province. */
	public synchronized NationalReport forward(String title, String description, @Nullable String category,
			boolean anonymous, boolean confidential, @Nullable String name, @Nullable String phone) {
		Instant now = this.clock.instant();
		NationalReport report = new NationalReport(nextId(), "TRX-" + this.ids.get(), title, description, category,
				anonymous, confidential, name, phone, now.minusSeconds(3600), now, null);
		this.forwarded.add(report);
		return report;
	}

	/** Forwarded reports numbered after the cursor (the number of the last one taken). */
	public synchronized List<NationalReport> forwardedAfter(long cursor) {
		return this.forwarded.stream().filter(r -> number(r.trackingId()) > cursor).toList();
	}

	/** One of the province's reports filed here: once per key. */
	public NationalReport file(String key, String title, String description, boolean anonymous, boolean confidential,
			@Nullable String category) {
		return this.filedByKey.computeIfAbsent(key, k -> {
			Instant now = this.clock.instant();
			return new NationalReport(nextId(), "TRX-" + this.ids.get(), title, description, category, anonymous,
					confidential, null, null, now, now, k);
		});
	}

	public synchronized void step(String key, Step step) {
		this.stepsByKey.putIfAbsent(key, step);
	}

	public synchronized List<Step> steps(String trackingId) {
		return this.stepsByKey.values().stream().filter(s -> s.trackingId().equals(trackingId)).toList();
	}

	public synchronized Reply reply(String trackingId, String text) {
		Reply reply = new Reply("BALAS-" + this.ids.incrementAndGet(), trackingId, text, this.clock.instant());
		this.replies.add(reply);
		return reply;
	}

	/** Replies numbered after the cursor. */
	public synchronized List<Reply> repliesAfter(long cursor) {
		return this.replies.stream().filter(r -> number(r.id()) > cursor).toList();
	}

	/** The number in an id such as {@code LAPOR-17648} or {@code BALAS-17649}. */
	public static long number(String id) {
		return Long.parseLong(id.substring(id.indexOf('-') + 1));
	}

	/** Every report the national system holds that concerns the province, newest first. */
	public synchronized List<NationalReport> all() {
		List<NationalReport> all = new ArrayList<>(this.forwarded);
		all.addAll(this.filedByKey.values());
		all.sort((a, b) -> b.forwardedAt().compareTo(a.forwardedAt()));
		return all;
	}

	private String nextId() {
		return "LAPOR-" + this.ids.incrementAndGet();
	}

}
