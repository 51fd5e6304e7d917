package id.go.jambiprov.lapor.intake.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.intake.internal.InboundMessage.Kind;
import id.go.jambiprov.lapor.intake.internal.Interpreter.Check;
import id.go.jambiprov.lapor.intake.internal.Interpreter.Command;
import id.go.jambiprov.lapor.intake.internal.Interpreter.Info;
import id.go.jambiprov.lapor.intake.internal.Interpreter.Rate;
import id.go.jambiprov.lapor.intake.internal.Interpreter.Report;
import id.go.jambiprov.lapor.notify.ChannelMessages;
import id.go.jambiprov.lapor.notify.ChannelMessages.Outgoing;
import id.go.jambiprov.lapor.report.Channel;
import id.go.jambiprov.lapor.report.ChannelReports;
import id.go.jambiprov.lapor.report.ChannelReports.File;
import id.go.jambiprov.lapor.report.ChannelReports.Filed;
import id.go.jambiprov.lapor.report.ChannelReports.FollowUp;
import id.go.jambiprov.lapor.report.ChannelReports.Mine;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.shared.AfterCommit;
import id.go.jambiprov.lapor.shared.WorkQueue;
import id.go.jambiprov.lapor.shared.Redaction;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns stored messages into reports and answers, one at a time and in the order they came. A
 * message is claimed through the {@link WorkQueue} (another instance leaves it alone; tries and
 * pauses as {@link WorkQueue.Policy#INBOUND} says), then handled in
 * one transaction with everything it causes: the report, the sender's conversation, the reply
 * queued for sending, and the message marked done. A failure rolls all of that back and the
 * message is tried again later; nothing is half done and nothing is done twice.
 */
@Service
class InboundProcessor {

	private static final Logger log = LoggerFactory.getLogger(InboundProcessor.class);

	/** After this many failed tries to fetch a photo, the message goes on without it. */
	static final int MEDIA_ATTEMPTS = 3;

	private static final Locale INDONESIAN = Locale.forLanguageTag("id");

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", INDONESIAN)
		.withZone(ZoneId.of("Asia/Jakarta"));

	/** A claimed message with the files that came with it (fetched before any transaction opens). */
	record Row(UUID id, InboundMessage message, int attempts, List<File> files, int refusedMedia) {

		Row(UUID id, InboundMessage message, int attempts, List<File> files) {
			this(id, message, attempts, files, 0);
		}

		Row withMessage(InboundMessage changed) {
			return new Row(this.id, changed, this.attempts, this.files, this.refusedMedia);
		}

	}

	private record Due(WorkQueue.Claimed row, String sender) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ChannelReports reports;

	private final ChannelMessages replies;

	private final MediaFetcher media;

	private final MessageSource messages;

	private final ChannelSettings settings;

	private final TransactionTemplate transactions;

	private final Executor executor;

	private final String publicUrl;

	private final WorkQueue queue;

	private final AtomicBoolean running = new AtomicBoolean();

	private final AtomicBoolean again = new AtomicBoolean();

	/** One single-threaded executor per lane: a lane runs its messages in order. */
	private final List<ExecutorService> workers = new ArrayList<>();

	InboundProcessor(JdbcClient jdbc, Clock clock, ChannelReports reports, ChannelMessages replies, MediaFetcher media,
			MessageSource messages, ChannelSettings settings, PlatformTransactionManager transactions,
			@Qualifier("applicationTaskExecutor") Executor executor,
			@Value("${lapor.public-url:http://localhost:8080}") String publicUrl,
			@Value("${lapor.channels.worker-lanes:4}") int lanes) {
		for (int i = 0; i < Math.max(1, lanes); i++) {
			int number = i;
			this.workers.add(Executors.newSingleThreadExecutor(work -> {
				Thread thread = new Thread(work, "intake-lane-" + number);
				thread.setDaemon(true);
				return thread;
			}));
		}
		this.jdbc = jdbc;
		this.clock = clock;
		this.reports = reports;
		this.replies = replies;
		this.media = media;
		this.messages = messages;
		this.settings = settings;
		this.transactions = new TransactionTemplate(transactions);
		this.executor = executor;
		this.publicUrl = publicUrl;
		this.queue = new WorkQueue(WorkQueue.Policy.INBOUND, jdbc, clock);
	}

	/** Asks for a run soon, on another thread; one run at a time per instance. */
	void processSoon() {
		AfterCommit.runSoon(this.executor, this::processDue);
	}

	/** Handles what is due; returns how many messages were handled. */
	int processDue() {
		if (!this.running.compareAndSet(false, true)) {
			this.again.set(true);
			return 0;
		}
		int handled = 0;
		try {
			boolean full;
			do {
				this.again.set(false);
				List<WorkQueue.Claimed> claimed = this.queue.claim("received_at, id");
				full = claimed.size() == this.queue.policy().batch();
				handled += inLanes(senders(claimed));
			}
			while (this.again.get() || full);
		}
		finally {
			this.running.set(false);
		}
		return handled;
	}

	/** The sender of each claimed message, oldest message first. */
	private List<Due> senders(List<WorkQueue.Claimed> claimed) {
		if (claimed.isEmpty()) {
			return List.of();
		}
		Map<UUID, String> senders = new HashMap<>();
		this.jdbc.sql("select id, channel, sender from inbound_message where id in (:ids)")
			.param("ids", claimed.stream().map(WorkQueue.Claimed::id).toList())
			.query(rs -> {
				senders.put(rs.getObject("id", UUID.class), rs.getString("channel") + ":" + rs.getString("sender"));
			});
		return claimed.stream().map(row -> new Due(row, senders.get(row.id()))).toList();
	}

	/**
	 * Different senders are handled side by side, each sender's messages in one lane and in the
	 * order they came (the lane of a sender is fixed by its handle; the sender's row lock keeps
	 * the order across instances too).
	 */
	private int inLanes(List<Due> due) {
		Map<Integer, List<WorkQueue.Claimed>> lanes = new LinkedHashMap<>();
		for (Due message : due) {
			lanes.computeIfAbsent(Math.floorMod(message.sender().hashCode(), this.workers.size()), k -> new ArrayList<>())
				.add(message.row());
		}
		List<Future<Integer>> running = new ArrayList<>();
		lanes.forEach((lane, rows) -> running.add(this.workers.get(lane).submit(() -> {
			int done = 0;
			for (WorkQueue.Claimed row : rows) {
				done += process(row) ? 1 : 0;
			}
			return done;
		})));
		int handled = 0;
		for (Future<Integer> lane : running) {
			try {
				handled += lane.get();
			}
			catch (ExecutionException failed) {
				log.warn("An intake lane stopped: {}", Redaction.redact(String.valueOf(failed.getCause())));
			}
			catch (InterruptedException interrupted) {
				Thread.currentThread().interrupt();
				return handled;
			}
		}
		return handled;
	}

	@PreDestroy
	void stop() {
		this.workers.forEach(ExecutorService::shutdown);
	}

	/**
	 * Handles one claimed message; a failure of any kind, an {@link Error} too, counts as a try.
	 * Calls to the provider (a mention's text, a photo) happen before the transaction: no
	 * database connection or sender lock is held while a provider answers.
	 */
	private boolean process(WorkQueue.Claimed claimed) {
		return this.queue.attempt(claimed, () -> {
			Row row = withFiles(withMention(load(claimed.id())));
			this.transactions.executeWithoutResult(status -> handle(row, claimed));
		});
	}

	private Row load(UUID id) {
		return this.jdbc.sql("""
				select id, channel, provider_message_id, sender, sender_name, kind, body, media_ref, media_type,
				  media_name, latitude, longitude, context_ref, provider_sent_at, attempts
				from inbound_message where id = ?""")
			.param(id)
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), new InboundMessage(
					Channel.valueOf(rs.getString("channel")), rs.getString("provider_message_id"), rs.getString("sender"),
					rs.getString("sender_name"), Kind.valueOf(rs.getString("kind")), rs.getString("body"),
					rs.getString("media_ref"), rs.getString("media_type"), rs.getString("media_name"),
					(Double) rs.getObject("latitude"), (Double) rs.getObject("longitude"), rs.getString("context_ref"),
					rs.getTimestamp("provider_sent_at") == null ? null : rs.getTimestamp("provider_sent_at").toInstant()),
					rs.getInt("attempts"), List.of()))
			.single();
	}

	private void handle(Row row, WorkQueue.Claimed claimed) {
		InboundMessage m = row.message();
		Conversation conversation = lockConversation(m.channel(), m.sender());
		Outcome outcome;
		if (m.kind() == Kind.MENTION && (m.body() == null || m.body().isBlank())) {
			// an Instagram mention whose text the Graph API did not give: nothing to file
			outcome = new Outcome("NO_TEXT", null, null);
		}
		else if (m.kind() == Kind.OTHER) {
			outcome = new Outcome("UNSUPPORTED", null, text("intake.reply.unsupported"));
		}
		else {
			outcome = act(row, Interpreter.read(m.channel(), m.body()), conversation);
		}
		Instant now = this.clock.instant();
		int ended = this.jdbc.sql("""
				update inbound_message set status = ?, outcome = ?, report_code = ?, processed_at = ?, last_error = null
				where id = ? and claim = ? and status = 'PENDING'""")
			.params(outcome.reply() == null && outcome.code() == null ? "IGNORED" : "DONE", outcome.name(),
					outcome.code(), Timestamp.from(now), row.id(), claimed.token())
			.update();
		if (ended != 1) {
			// this try outlived its lease and the message was claimed again: all of it rolls back
			throw new WorkQueue.Superseded(row.id());
		}
		if (outcome.code() != null) {
			this.jdbc.sql("update channel_sender set last_report = ?, last_message_at = ? where channel = ? and sender = ?")
				.params(outcome.code(), Timestamp.from(now), m.channel().name(), m.sender())
				.update();
		}
		if (outcome.reply() != null && this.replies.canSend(m.channel())) {
			this.replies.send(new Outgoing(m.channel(), m.sender(), outcome.reply(), outcome.code(),
					replyTo(m)));
		}
	}

	/**
	 * An Instagram mention comes as ids only: its text and author are asked of the Graph API
	 * (a failure is retried like any other).
	 */
	private Row withMention(Row row) {
		InboundMessage m = row.message();
		if (m.channel() != Channel.INSTAGRAM || m.kind() != Kind.MENTION || m.mediaRef() == null
				|| (m.body() != null && !m.body().isBlank())) {
			return row;
		}
		return this.media.instagramMention(m.mediaRef())
			.map(mention -> row.withMessage(new InboundMessage(m.channel(), m.providerMessageId(),
					mention.username() == null ? m.sender() : "@" + mention.username(),
					mention.username() == null ? null : "@" + mention.username(), m.kind(), mention.text(), m.mediaRef(),
					null, null, null, null, m.contextRef(), m.sentAt())))
			.orElse(row);
	}

	private Outcome act(Row row, Command command, Conversation conversation) {
		InboundMessage m = row.message();
		if (command instanceof Check check) {
			return this.reports.status(check.code(), m.channel(), m.sender())
				.map(mine -> new Outcome("STATUS", null, status(mine)))
				.orElseGet(() -> new Outcome("NOT_FOUND", null, text("intake.reply.not-found", check.code())));
		}
		if (command instanceof Info info) {
			return followUp(info.code(), info.text(), List.of(), m)
				.orElseGet(() -> new Outcome("NOT_FOUND", null, text("intake.reply.not-found", info.code())));
		}
		if (command instanceof Rate rate) {
			Optional<ChannelReports.Rating> rated = this.reports.rate(rate.code(), m.channel(), m.sender(), rate.rating());
			if (rate.code() == null && (rated.isEmpty() || rated.get() == ChannelReports.Rating.NOT_CLOSED)) {
				// a bare digit with nothing to rate is an ordinary message
				return m.channel() == Channel.SMS ? new Outcome("HELP", null, text("intake.reply.help", this.publicUrl))
						: report(row, m.body() == null ? "" : m.body().strip(), conversation);
			}
			String code = rate.code() == null ? this.reports.latest(m.channel(), m.sender()).map(Mine::trackingCode)
				.orElse("") : rate.code();
			return rated.map(outcome -> switch (outcome) {
				case RATED -> new Outcome("RATED", code, text("intake.reply.rated", code, rate.rating()));
				case ALREADY_RATED -> new Outcome("ALREADY_RATED", code, text("intake.reply.already-rated", code));
				case NOT_CLOSED -> new Outcome("NOT_CLOSED", code, text("intake.reply.not-closed", code));
			}).orElseGet(() -> new Outcome("NOT_FOUND", null, text("intake.reply.not-found", rate.code())));
		}
		if (command instanceof Report report) {
			return report(row, report.text(), conversation);
		}
		return new Outcome("HELP", null, text("intake.reply.help", this.publicUrl));
	}

	private Outcome report(Row row, String text, Conversation conversation) {
		InboundMessage m = row.message();
		List<File> files = row.files();
		Optional<String> answered = answered(m);
		if (answered.isPresent()) {
			Optional<Outcome> followed = followUp(answered.get(), text, files, m);
			if (followed.isPresent()) {
				return followed.get();
			}
		}
		Optional<Mine> latest = this.reports.latest(m.channel(), m.sender());
		if (latest.isPresent()) {
			Mine mine = latest.get();
			boolean waiting = mine.status() == ReportStatus.ON_HOLD || mine.status() == ReportStatus.ANSWERED;
			boolean talking = mine.status() == ReportStatus.SUBMITTED && mine.trackingCode().equals(conversation.lastReport())
					&& conversation.lastMessageAt() != null
					&& !conversation.lastMessageAt().plus(this.settings.conversationWindow()).isBefore(this.clock.instant());
			if (waiting || talking) {
				Optional<Outcome> followed = followUp(mine.trackingCode(), text, files, m);
				if (followed.isPresent() && !"REFUSED".equals(followed.get().name())) {
					return followed.get();
				}
			}
		}
		String body = text.isBlank() ? wordless(m, files) : text;
		if (body == null) {
			return new Outcome("HELP", null, text("intake.reply.help", this.publicUrl));
		}
		Filed filed = this.reports.file(new ChannelReports.Incoming(m.channel(), m.sender(), m.senderName(), body, files,
				m.latitude(), m.longitude(), m.sentAt()));
		String reply;
		if (m.channel() == Channel.TWITTER && m.kind() == Kind.MENTION) {
			// a public reply: the code only, never the access key
			reply = text("intake.reply.filed-public", filed.trackingCode());
		}
		else {
			reply = text(text.isBlank() ? "intake.reply.filed-ask-text" : "intake.reply.filed", filed.trackingCode(),
					filed.accessKey(), this.publicUrl);
		}
		if (filed.refusedFiles() + row.refusedMedia() > 0) {
			reply = reply + " " + text("intake.reply.files-refused");
		}
		return new Outcome("FILED", filed.trackingCode(), reply);
	}

	/** The report a message answers: ours (a receipt, an update) or the sender's own earlier message. */
	private Optional<String> answered(InboundMessage m) {
		String context = m.contextRef();
		if (context == null) {
			return Optional.empty();
		}
		if (context.startsWith("report:")) {
			return Optional.of(context.substring("report:".length()));
		}
		return this.replies.reportOf(m.channel(), context)
			.or(() -> this.jdbc.sql("""
					select report_code from inbound_message
					where channel = ? and provider_message_id = ? and report_code is not null""")
				.params(m.channel().name(), context)
				.query(String.class)
				.optional());
	}

	private Optional<Outcome> followUp(String code, String text, List<File> files, InboundMessage m) {
		String given = text.isBlank() ? wordless(m, files) : text;
		if (given == null) {
			return Optional.empty();
		}
		return this.reports.followUp(code, m.channel(), m.sender(), given, files).map(result -> {
			String formatted = this.reports.status(code, m.channel(), m.sender()).map(Mine::trackingCode).orElse(code);
			return new Outcome(result.name(), result == FollowUp.REFUSED ? null : formatted,
					text("intake.reply." + result.name().toLowerCase(Locale.ROOT), formatted));
		});
	}

	/** Text for a report or addition that came without words: a photo, a document, a location. */
	private String wordless(InboundMessage m, List<File> files) {
		if (!files.isEmpty()) {
			return text("intake.wordless.file");
		}
		if (m.latitude() != null && m.longitude() != null) {
			return text("intake.wordless.location", m.latitude(), m.longitude());
		}
		return null;
	}

	private Row withFiles(Row row) {
		int[] refused = { 0 };
		List<File> files = files(row, refused);
		return new Row(row.id(), row.message(), row.attempts(), files, refused[0]);
	}

	private List<File> files(Row row, int[] refused) {
		InboundMessage m = row.message();
		List<File> files = new ArrayList<>(this.jdbc.sql("select file_name, content from inbound_media where message_id = ?")
			.param(row.id())
			.query((rs, n) -> new File(rs.getString("file_name"), rs.getBytes("content")))
			.list());
		if (m.mediaRef() != null && (m.kind() == Kind.IMAGE || m.kind() == Kind.DOCUMENT)) {
			try {
				this.media.fetch(m).ifPresent(files::add);
			}
			catch (MediaFetcher.ForbiddenHost forbidden) {
				refused[0]++;
				log.warn("Media of inbound message {} not fetched: {}", row.id(), forbidden.getMessage());
			}
			catch (MediaFetcher.TooLarge tooLarge) {
				// not kept and not tried again; the sender is told
				refused[0]++;
				log.info("Media of inbound message {} is larger than {} bytes: not kept", row.id(), MediaFetcher.MAX_BYTES);
			}
			catch (RuntimeException unavailable) {
				if (row.attempts() < MEDIA_ATTEMPTS) {
					throw unavailable;
				}
				log.warn("Media of inbound message {} left behind after {} tries: {}", row.id(), row.attempts(),
						Redaction.redact(unavailable.getMessage()));
			}
		}
		return files;
	}

	private String status(Mine mine) {
		String status = this.messages.getMessage("status." + mine.status().name(), null, INDONESIAN);
		return mine.dueAt() == null ? text("intake.reply.status", mine.trackingCode(), status)
				: text("intake.reply.status-due", mine.trackingCode(), status, WHEN.format(mine.dueAt()));
	}

	private static String replyTo(InboundMessage m) {
		// answer a tweet or an Instagram comment where it was written; elsewhere a direct message
		return switch (m.kind()) {
			case MENTION -> m.channel() == Channel.INSTAGRAM ? m.mediaRef() : m.providerMessageId();
			case COMMENT -> m.providerMessageId().replaceFirst("^comment:", "");
			default -> m.channel() == Channel.WHATSAPP ? m.providerMessageId() : null;
		};
	}

	private Conversation lockConversation(Channel channel, String sender) {
		this.jdbc.sql("insert into channel_sender (channel, sender) values (?, ?) on conflict do nothing")
			.params(channel.name(), sender)
			.update();
		return this.jdbc.sql("""
				select last_report, last_message_at from channel_sender where channel = ? and sender = ? for update""")
			.params(channel.name(), sender)
			.query((rs, n) -> new Conversation(rs.getString("last_report"),
					rs.getTimestamp("last_message_at") == null ? null : rs.getTimestamp("last_message_at").toInstant()))
			.single();
	}

	private String text(String key, Object... arguments) {
		return this.messages.getMessage(key, arguments, INDONESIAN);
	}

	private record Conversation(String lastReport, Instant lastMessageAt) {
	}

	/** What became of a message, the report it went to, and what to answer. */
	private record Outcome(String name, String code, String reply) {
	}

}
