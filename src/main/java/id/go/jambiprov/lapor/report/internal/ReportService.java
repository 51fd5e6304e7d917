package id.go.jambiprov.lapor.report.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import id.go.jambiprov.lapor.web.InvalidInputException;

import org.jspecify.annotations.Nullable;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.directory.Directory;
import id.go.jambiprov.lapor.report.Channel;
import id.go.jambiprov.lapor.report.NationalReports;
import id.go.jambiprov.lapor.report.ReportType;
import id.go.jambiprov.lapor.report.TrackingCode;
import id.go.jambiprov.lapor.report.internal.ReportRequests.ActionBody;
import id.go.jambiprov.lapor.report.internal.ReportRequests.CreateReport;
import id.go.jambiprov.lapor.report.internal.ReportViews.ActorView;
import id.go.jambiprov.lapor.report.internal.ReportViews.AgencyView;
import id.go.jambiprov.lapor.report.internal.ReportViews.Created;
import id.go.jambiprov.lapor.report.internal.ReportViews.LocationView;
import id.go.jambiprov.lapor.report.internal.ReportViews.ReportView;
import id.go.jambiprov.lapor.report.internal.ReportViews.ReporterView;
import id.go.jambiprov.lapor.report.internal.ReportViews.TimelineEntryView;
import id.go.jambiprov.lapor.report.internal.ReportViews.TrackEntry;
import id.go.jambiprov.lapor.report.internal.ReportViews.TrackView;
import id.go.jambiprov.lapor.sop.Action;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.sop.SopDefinition;
import id.go.jambiprov.lapor.sop.Transition;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

import static id.go.jambiprov.lapor.report.internal.ReportViews.jakarta;

/**
 * The report use cases. Authorises at the boundary in the order of the API contract:
 * credentials, role, scope, state; then lets the aggregate move.
 */
@Service
public class ReportService {

	private static final int CREATE_ATTEMPTS = 3;

	private final SimilarReports similarReports;

	/** The action an internal note shows as in an officer's timeline. */
	public static final String NOTE = "note";

	/** Actions whose note a reporter may read on their own report's timeline. */
	private static final List<String> NOTES_FOR_REPORTER = List.of(Action.ANSWER.path(), Action.HOLD.path(),
			Action.ARCHIVE.path(), Action.REPLY.path(), Action.CLOSE.path(), Action.RESUME.path(),
			Action.OMBUDSMAN_HANDOVER.path(), Action.LINK.path(),
			Action.RETURN.path());

	private final ReportRepository reports;

	private final SopDefinition sop;

	private final Clock clock;

	private final Directory directory;

	private final ReportValidator validator;

	private final IdempotencyStore idempotency;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Workflows workflows;

	private final Attachments attachments;

	private final TimelineIntegrity integrity;

	private final IdentityAccessLog identityLog;

	ReportService(ReportRepository reports, SopDefinition sop, Workflows workflows, Clock clock, Directory directory,
			ReportValidator validator, IdempotencyStore idempotency, JdbcClient jdbc,
			PlatformTransactionManager transactionManager, JsonMapper json, Attachments attachments,
			TimelineIntegrity integrity, IdentityAccessLog identityLog, SimilarReports similarReports) {
		this.similarReports = similarReports;
		this.attachments = attachments;
		this.integrity = integrity;
		this.identityLog = identityLog;
		this.reports = reports;
		this.sop = sop;
		this.workflows = workflows;
		this.clock = clock;
		this.directory = directory;
		this.validator = validator;
		this.idempotency = idempotency;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.json = json;
	}

	/**
	 * Files a report. With an idempotency key, a retry gets the first answer; the same key with
	 * a different body is refused.
	 */
	public Created create(CreateReport body, Optional<Actor> actor, String idempotencyKey) {
		return create(body, actor, idempotencyKey, List.of());
	}

	/**
	 * Files a report with its files (already checked and cleaned, see {@link Attachments}); the
	 * report and its files commit together or not at all.
	 */
	public Created create(CreateReport body, Optional<Actor> actor, String idempotencyKey, List<Upload> uploads) {
		NewReport data = this.validator.validate(body, actor);
		String requestHash = idempotencyKey == null ? null : AccessKeys.sha256(this.json.writeValueAsString(body));
		for (int attempt = 1;; attempt++) {
			try {
				return this.transactions.execute(status -> store(data, actor, idempotencyKey, requestHash, uploads));
			}
			catch (DuplicateKeyException collision) {
				// The key was used before (or by a concurrent try that committed first): answer as
				// the first time. Otherwise two random tracking codes met: rare, and a new try fixes it.
				if (idempotencyKey != null) {
					Optional<Created> earlier = replay(idempotencyKey, requestHash);
					if (earlier.isPresent()) {
						return earlier.get();
					}
				}
				if (attempt >= CREATE_ATTEMPTS) {
					throw collision;
				}
			}
		}
	}

	/** Keeps files the reporter sent later with the report itself (not with a timeline entry). */
	void storeFiles(Report report, List<Upload> uploads) {
		this.attachments.store(report.id(), null, uploads, this.clock.instant());
	}

	/**
	 * Files a report a facade received (a civic app on Open311), already checked; with an
	 * idempotency key the key is kept with it, so that a retry finds it ({@link #replay}).
	 */
	Created createFromFacade(NewReport data, @Nullable String key, @Nullable String requestHash, List<Upload> uploads) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.transactions.execute(status -> store(data, Optional.empty(), key, requestHash, uploads));
			}
			catch (DuplicateKeyException collision) {
				// two random tracking codes met (a key used at the same moment by a second try fails
				// its caller, whose next try finds the first report)
				if (attempt >= CREATE_ATTEMPTS) {
					throw collision;
				}
			}
		}
	}

	/** Files a report that arrived on a messaging channel, already checked by the channel's rules. */
	Created createFromChannel(NewReport data, List<Upload> uploads) {
		for (int attempt = 1;; attempt++) {
			try {
				return this.transactions.execute(status -> store(data, Optional.empty(), null, null, uploads));
			}
			catch (DuplicateKeyException collision) {
				// two random tracking codes met: rare, and a new try fixes it
				if (attempt >= CREATE_ATTEMPTS) {
					throw collision;
				}
			}
		}
	}

	/**
	 * Files a report the national SP4N-LAPOR! forwarded to a jurisdiction, as forwarded there and
	 * then (see {@link Report#fromNational}); the same national id twice answers the first report.
	 * Its access key is never shown: its reporter follows it on the national system.
	 */
	String importNational(NewReport data, String nationalTrackingId, String jurisdiction, Instant submittedAt,
			Instant forwardedAt) {
		for (int attempt = 1;; attempt++) {
			Optional<String> existing = byNationalTrackingId(nationalTrackingId);
			if (existing.isPresent()) {
				return existing.get();
			}
			try {
				return this.transactions.execute(status -> {
					TrackingCode code = TrackingCode.random();
					Instant now = this.clock.instant();
					Instant forwarded = forwardedAt.isAfter(now) ? now : forwardedAt;
					Instant submitted = submittedAt.isAfter(forwarded) ? forwarded : submittedAt;
					Actor national = new Actor(null, NationalReports.NATIONAL_ACTOR, Role.NATIONAL_ADMIN, null, null);
					Report report = Report.fromNational(data, code, AccessKeys.hash(AccessKeys.generate()),
							nationalTrackingId, jurisdiction, national, this.workflows.at(submitted),
							this.workflows.at(forwarded));
					this.reports.save(report);
					return code.formatted();
				});
			}
			catch (DuplicateKeyException collision) {
				// the same national report filed meanwhile (found on the next turn), or two codes met
				if (attempt >= CREATE_ATTEMPTS) {
					throw collision;
				}
			}
		}
	}

	Optional<String> byNationalTrackingId(String nationalTrackingId) {
		return this.jdbc.sql("select tracking_code from report where national_tracking_id = ?")
			.param(nationalTrackingId)
			.query(String.class)
			.optional()
			.map(code -> new TrackingCode(code).formatted());
	}

	/**
	 * The report filed earlier with this idempotency key, when there is one.
	 * @throws ProblemException 409 when the key was used for another report
	 */
	Optional<Created> replay(String key, String requestHash) {
		return this.idempotency.find(key).map(stored -> {
			if (!stored.requestHash().equals(requestHash)) {
				throw ReportRefusal.idempotencyKeyReused();
			}
			Report report = this.reports.findById(stored.reportId()).orElseThrow();
			return new Created(new TrackingCode(stored.trackingCode()).formatted(), ReportStatus.valueOf(stored.status()),
					stored.accessKey(), jakarta(report.submittedAt()));
		});
	}

	private Created store(NewReport data, Optional<Actor> actor, String key, String requestHash,
			List<Upload> uploads) {
		TrackingCode code = TrackingCode.random();
		String accessKey = AccessKeys.generate();
		// a report an officer filed (letter, desk, telephone, post) names the officer on its first entry
		Actor by = data.channel().assisted() ? actor.orElseThrow()
				: actor.filter(a -> a.role() == Role.REPORTER).orElse(Actor.accessKeyHolder());
		Report report = Report.submit(data, code, AccessKeys.hash(accessKey), by, workflow());
		this.reports.save(report);
		this.attachments.store(report.id(), null, uploads, report.submittedAt());
		if (key != null) {
			this.idempotency.store(key, new IdempotencyStore.Stored(requestHash, report.id(), code.value(), accessKey,
					report.status().name()), this.clock.instant());
		}
		return new Created(code.formatted(), report.status(), accessKey, jakarta(report.submittedAt()));
	}

	/** The report as the caller may see it, through the API. */
	public ReportView view(String code, Optional<Actor> actor, String accessKey) {
		return shown(resolve(code, actor, accessKey, null), IdentityAccessLog.Via.API);
	}

	/**
	 * The report as the viewer may see it; a protected reporter shown to an officer is recorded
	 * ({@link IdentityAccessLog}) when it goes out through {@code via} (null: it does not go out).
	 */
	private ReportView shown(Viewer viewer, IdentityAccessLog.@Nullable Via via) {
		ReportView view = view(viewer);
		if (via != null && view.reporter() != null && IdentityAccessLog.protectedLook(viewer.report(), viewer.actor())) {
			this.identityLog.record(viewer.report(), viewer.actor(), via);
		}
		return view;
	}

	/**
	 * Who was shown the reporter of a protected report: the national admin and the coordinator
	 * in scope read every look with the officer's name; the reporter (by key or account) reads
	 * when and by which role, never names; for everyone else the log does not exist (404).
	 */
	public List<IdentityAccessLog.Entry> identityLooks(String code, Optional<Actor> actor, String accessKey) {
		return identityLooks(resolve(code, actor, accessKey, null));
	}

	private List<IdentityAccessLog.Entry> identityLooks(Viewer viewer) {
		Role role = viewer.actor().role();
		List<IdentityAccessLog.Entry> looks = this.identityLog.of(viewer.report().id());
		if (role == Role.NATIONAL_ADMIN || role == Role.COORDINATOR) {
			return looks;
		}
		if (role == Role.REPORTER) {
			return looks.stream().map(l -> new IdentityAccessLog.Entry(l.at(), null, l.role(), l.via())).toList();
		}
		throw ReportRefusal.notFound();
	}

	/** The timeline, oldest first, as the caller may see it. */
	public List<TimelineEntryView> timeline(String code, Optional<Actor> actor, String accessKey) {
		return timeline(resolve(code, actor, accessKey, null));
	}

	/** Whether the report's timeline chain holds, for whoever may read the report. */
	public TimelineIntegrity.Verification verifyTimeline(String code, Optional<Actor> actor, String accessKey) {
		return this.integrity.verify(resolve(code, actor, accessKey, null).report().id());
	}

	/** What a report page shows: the report, its timeline and its files, read with one lookup. */
	/** {@code looks}: who was shown a protected reporter, for those who may read it; else empty. */
	/**
	 * A report's page from one read of the report: the view, the timeline, the files, who saw the
	 * reporter; for officers, the facts routing and templates need, the reports linked to it and,
	 * while the caller may link it, the reports that look like it ({@code null} otherwise).
	 */
	public record ReportPage(ReportView view, List<TimelineEntryView> timeline, List<Attachments.Stored> files,
			List<IdentityAccessLog.Entry> looks, ReportFacts facts, List<SimilarReports.Similar> linkedHere,
			List<SimilarReports.Similar> similar) {

		ReportPage(ReportView view, List<TimelineEntryView> timeline, List<Attachments.Stored> files,
				List<IdentityAccessLog.Entry> looks) {
			this(view, timeline, files, looks, null, List.of(), null);
		}

	}

	/** The report page as the caller may see it. */
	public ReportPage page(String code, Optional<Actor> actor, String accessKey) {
		Viewer viewer = resolve(code, actor, accessKey, null);
		ReportView view = shown(viewer, IdentityAccessLog.Via.PAGE);
		Role role = viewer.actor().role();
		boolean readsLooks = (view.anonymous() || view.confidential())
				&& (role == Role.NATIONAL_ADMIN || role == Role.COORDINATOR || role == Role.REPORTER);
		Report report = viewer.report();
		if (!role.isOfficer()) {
			return new ReportPage(view, timeline(viewer), files(viewer), readsLooks ? identityLooks(viewer) : List.of());
		}
		boolean mayLink = this.sop.transition(Action.LINK, report.status()).filter(t -> t.isTakenBy(role)).isPresent();
		return new ReportPage(view, timeline(viewer), files(viewer), readsLooks ? identityLooks(viewer) : List.of(),
				facts(report), linkedHere(report),
				mayLink ? this.similarReports.to(report.id(), report.jurisdiction(), report.title(), report.description())
						: null);
	}

	/**
	 * A closed report as the provincial archive keeps it: the report as the officer making the
	 * package reads it, but never the reporter of an anonymous or confidential report (nobody is
	 * shown one, so nothing goes to the access log) nor the hidden phrases; the timeline as the
	 * reporter reads it (no officer named, no internal note); the files under their neutral names.
	 */
	ReportPage archiveCopy(Report report, Actor officer) {
		ReportView full = view(new Viewer(report, officer));
		boolean hideReporter = report.anonymous() || report.confidential();
		ReportView view = new ReportView(full.trackingCode(), full.type(), full.title(), full.description(),
				full.occurredOn(), full.location(), full.category(), full.channel(), full.anonymous(),
				full.confidential(), hideReporter ? null : full.reporter(), hideReporter || full.reporterHidden(),
				full.jurisdiction(), full.agency(), full.status(), full.statusSince(), full.submittedAt(), full.dueAt(),
				full.clock(), full.resolutionDueAt(), false, null, null, List.of(), full.answer(), full.rating(),
				full.version(), null, full.nationalTrackingId());
		List<Attachments.Stored> files = this.attachments.all(report.id())
			.stream()
			.map(Attachments.Stored::withoutOriginalName)
			.toList();
		return new ReportPage(view, timeline(new Viewer(report, Actor.accessKeyHolder())), files, List.of());
	}

	private List<TimelineEntryView> timeline(Viewer viewer) {
		boolean reporter = viewer.actor().role() == Role.REPORTER;
		Redactions hidden = hiddenFrom(viewer);
		List<TimelineEntryView> entries = this.jdbc.sql("""
				select entry_number, occurred_at, action, from_status, to_status, actor_username, actor_role, note, decree_step,
				       due_at, met
				from timeline_entry where report_id = ? order by entry_number""")
			.param(viewer.report().id())
			.query((rs, n) -> {
				Role role = Role.valueOf(rs.getString("actor_role"));
				String action = rs.getString("action");
				// officers are never named to the citizen, and a reporter is never named in a timeline
				String username = reporter || role == Role.REPORTER ? null : rs.getString("actor_username");
				String note = reporter && !NOTES_FOR_REPORTER.contains(action) ? null : hidden.apply(rs.getString("note"));
				String from = rs.getString("from_status");
				Boolean met = rs.getObject("met") == null ? null : rs.getBoolean("met");
				return new TimelineEntryView(rs.getInt("entry_number"), jakarta(rs.getTimestamp("occurred_at").toInstant()), action,
						from == null ? null : ReportStatus.valueOf(from), ReportStatus.valueOf(rs.getString("to_status")),
						new ActorView(username, role), note, rs.getString("decree_step"),
						rs.getTimestamp("due_at") == null ? null : jakarta(rs.getTimestamp("due_at").toInstant()), met,
						false);
			})
			.list();
		if (!ReportAccess.readsNotes(viewer.actor().role())) {
			return entries;
		}
		List<TimelineEntryView> notes = notes(viewer.report().id(), hidden);
		if (notes.isEmpty()) {
			return entries;
		}
		// a note goes after the entries of its time: the timeline reads as it happened
		List<TimelineEntryView> merged = new ArrayList<>(entries);
		merged.addAll(notes);
		merged.sort(Comparator.comparing(TimelineEntryView::at));
		return merged;
	}

	private List<TimelineEntryView> notes(UUID reportId, Redactions hidden) {
		return this.jdbc.sql("""
				select written_at, author_username, author_role, text from report_note where report_id = ?
				order by written_at, id""")
			.param(reportId)
			.query((rs, n) -> new TimelineEntryView(null, jakarta(rs.getTimestamp("written_at").toInstant()), NOTE,
					null, null, new ActorView(rs.getString("author_username"), Role.valueOf(rs.getString("author_role"))),
					hidden.apply(rs.getString("text")), null, null, null, true))
			.list();
	}

	/**
	 * Facts of a report an officer in scope may use without reading its identity: what an answer
	 * template's placeholders name, and what routing a sensitive report needs.
	 */
	public record ReportFacts(String trackingCode, OffsetDateTime dueAt, String agency, String category,
			String jurisdiction, String accusedAgency) {
	}

	/** The facts of a report, for an officer in scope (404 otherwise); no identity is read. */
	public ReportFacts templateFacts(String code, Optional<Actor> actor) {
		return facts(resolve(code, actor, null, null).report());
	}

	private ReportFacts facts(Report report) {
		return new ReportFacts(report.trackingCode().formatted(),
				report.stepDueAt() == null ? null : jakarta(report.stepDueAt()), report.agency(), report.category(),
				report.jurisdiction(), report.accusedAgency());
	}

	// ---- similar reports ------------------------------------------------------------------

	/**
	 * Reports that look like this one (see {@link SimilarReports}), for the coordinator in scope
	 * or the national admin; 403 for other roles, 404 out of scope.
	 */
	public List<SimilarReports.Similar> similar(String code, Optional<Actor> actor) {
		Viewer viewer = resolve(code, actor, null, null);
		Role role = viewer.actor().role();
		if (role != Role.COORDINATOR && role != Role.NATIONAL_ADMIN) {
			throw ReportRefusal.forbidden(Action.LINK);
		}
		Report report = viewer.report();
		return this.similarReports.to(report.id(), report.jurisdiction(), report.title(), report.description());
	}

	/** The reports linked to this one (their codes and titles). */
	private List<SimilarReports.Similar> linkedHere(Report report) {
		return this.jdbc.sql("""
				select tracking_code, title, status, submitted_at from report where linked_to = ?
				order by submitted_at""")
			.param(report.id())
			.query((rs, n) -> new SimilarReports.Similar(new TrackingCode(rs.getString(1)).formatted(), rs.getString(2),
					ReportStatus.valueOf(rs.getString(3)), jakarta(rs.getTimestamp(4).toInstant()), 1))
			.list();
	}

	// ---- the Ombudsman ----------------------------------------------------------------------

	/**
	 * The reporter (access key or account) asks for the Ombudsman: 60 days after submission and
	 * not finished, once (409 otherwise); a timeline entry the coordinator sees.
	 */
	public ReportView requestOmbudsman(String code, Optional<Actor> actor, String accessKey) {
		return this.transactions.execute(status -> {
			Viewer viewer = resolve(code, actor, accessKey, null);
			Report report = viewer.report();
			report.requestOmbudsman(viewer.actor(), hasEntry(report, Action.OMBUDSMAN_REQUEST), workflow());
			this.reports.save(report);
			return view(viewer);
		});
	}

	/** What the Ombudsman receives, and where the case stands. */
	public record OmbudsmanCase(ReportPage page, List<Attachments.Content> files, boolean handed) {
	}

	/**
	 * The package for the Ombudsman, for the coordinator in scope or the national admin, once the
	 * reporter asked (409 before): the report as the provincial archive keeps it (no identity of an
	 * anonymous or confidential reporter, nothing hidden from the agency), the timeline as the
	 * reporter reads it (no internal note, no officer named) and the files.
	 */
	public OmbudsmanCase ombudsmanCase(String code, Optional<Actor> actor) {
		Viewer viewer = resolve(code, actor, null, null);
		Role role = viewer.actor().role();
		if (role != Role.COORDINATOR && role != Role.NATIONAL_ADMIN) {
			throw ReportRefusal.forbidden(Action.OMBUDSMAN_HANDOVER);
		}
		Report report = viewer.report();
		if (!hasEntry(report, Action.OMBUDSMAN_REQUEST)) {
			throw ReportRefusal.notAllowed(Action.OMBUDSMAN_HANDOVER, report.status());
		}
		ReportPage page = archiveCopy(report, viewer.actor());
		List<Attachments.Content> files = page.files()
			.stream()
			.map(f -> this.attachments.content(report.id(), f.id()).orElseThrow())
			.toList();
		return new OmbudsmanCase(page, files, hasEntry(report, Action.OMBUDSMAN_HANDOVER));
	}

	/** The coordinator records that the case went to the Ombudsman (what was sent, where): once, after the request. */
	public ReportView handToOmbudsman(String code, String note, Optional<Actor> actor) {
		Actor by = actor.orElseThrow(ReportRefusal::unauthenticated);
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > ReportValidator.TEXT_MAX) {
			throw new InvalidInputException.Collector().add("note", "size").asException();
		}
		return this.transactions.execute(status -> {
			Viewer viewer = resolve(code, Optional.of(by), null, null);
			Report report = viewer.report();
			report.handToOmbudsman(viewer.actor(), text, hasEntry(report, Action.OMBUDSMAN_REQUEST),
					hasEntry(report, Action.OMBUDSMAN_HANDOVER), workflow());
			this.reports.save(report);
			return view(viewer);
		});
	}

	/**
	 * The report a duplicate is linked to: of the same jurisdiction, not itself, not linked itself
	 * (link to its main instead), not finished; 400 on {@code main} otherwise.
	 */
	private Report mainFor(Report report, String code) {
		String given = code == null ? "" : code.strip();
		Report main = TrackingCode.parse(given)
			.flatMap(c -> this.reports.findByTrackingCode(c.value()))
			.filter(m -> m.jurisdiction() != null && m.jurisdiction().equals(report.jurisdiction()))
			.orElseThrow(() -> new InvalidInputException.Collector().add("main", "main-unknown", given).asException());
		String problem = main.id().equals(report.id()) ? "main-self"
				: main.status() == ReportStatus.LINKED ? "main-linked" : main.status().isFinal() ? "main-final" : null;
		if (problem != null) {
			throw new InvalidInputException.Collector().add("main", problem, given).asException();
		}
		return main;
	}

	private boolean hasEntry(Report report, Action action) {
		return hasEntry(report.id(), action);
	}

	/** Whether the report's timeline holds an entry of the action. */
	private boolean hasEntry(UUID reportId, Action action) {
		return this.jdbc.sql("select count(*) from timeline_entry where report_id = ? and action = ?")
			.params(reportId, action.path())
			.query(Long.class)
			.single() > 0;
	}

	/** Whether the role writes internal notes on the reports of its scope. */
	public static boolean writesNotes(Role role) {
		return ReportAccess.writesNotes(role);
	}

	/**
	 * Writes an internal note on a report: an officer in scope who works reports (the
	 * coordinator, the national admin, the agency's liaison officer), at any status, without a
	 * step. Read by the officers in scope in the timeline; never by the reporter or the public.
	 * 401 without credentials, 403 for another role, 404 out of scope, 400 for an empty or long text.
	 */
	public TimelineEntryView addNote(String code, String text, Optional<Actor> actor) {
		Actor by = actor.orElseThrow(ReportRefusal::unauthenticated);
		if (!ReportAccess.writesNotes(by.role())) {
			throw ReportRefusal.forbiddenNote();
		}
		String note = this.validator.note(text);
		Viewer viewer = resolve(code, actor, null, null);
		Instant at = this.clock.instant().truncatedTo(ChronoUnit.MICROS);
		this.jdbc.sql("""
				insert into report_note (report_id, written_at, author_user_id, author_username, author_role, text)
				values (?, ?, ?, ?, ?, ?)""")
			.params(viewer.report().id(), Timestamp.from(at), by.userId(), by.username(), by.role().name(), note)
			.update();
		return new TimelineEntryView(null, jakarta(at), NOTE, null, null, new ActorView(by.username(), by.role()),
				hiddenFrom(viewer).apply(note), null, null, null, true);
	}

	/** Takes an action on a report for the caller. */
	public ReportView act(String code, String actionPath, ActionBody body, Optional<Actor> actor, String accessKey) {
		Action action = action(actionPath);
		return act(() -> resolve(code, actor, accessKey, action), action, body, List.of(), null,
				IdentityAccessLog.Via.API).view();
	}

	/** The action a path names; submitting is not an action on a report. */
	private static Action action(String path) {
		return Action.fromPath(path).filter(a -> a != Action.SUBMIT && a.inTable()).orElseThrow(() -> ReportRefusal.unknownAction(path));
	}

	/**
	 * Takes an action from a page: with files (an answer's documents, joining the action's
	 * timeline entry) and the version of the report the person was looking at, so that acting on
	 * a page someone else has changed since is refused as a conflict rather than applied blind.
	 */
	public Acted act(String code, String actionPath, ActionBody body, Optional<Actor> actor, String accessKey,
			List<Upload> uploads, Long seenVersion) {
		Action action = action(actionPath);
		// the page shows the report after its redirect: that is where a look is recorded
		return act(() -> resolve(code, actor, accessKey, action), action, body, uploads, seenVersion, null);
	}

	/**
	 * The report after an action, as the actor may see it, and whether they still may (an
	 * officer loses sight of a report that leaves their scope: declined, disposed to an agency).
	 */
	public record Acted(ReportView view, boolean stillVisible) {
	}

	/**
	 * The sender of a channel report acts on it as its reporter: the report is theirs when it
	 * came through that channel from that handle (the channel vouches for the handle).
	 */
	ReportView actAsChannelReporter(Report report, Action action, ActionBody body, List<Upload> uploads) {
		return act(() -> new Viewer(report, Actor.accessKeyHolder()), action, body, uploads, null, null).view();
	}

	private Acted act(Supplier<Viewer> resolver, Action action, ActionBody body,
			List<Upload> uploads, Long seenVersion, IdentityAccessLog.@Nullable Via via) {
		ActionBody given = body == null ? ActionBody.EMPTY : body;
		try {
			return this.transactions.execute(status -> {
				Viewer viewer = resolver.get();
				Report report = viewer.report();
				if (seenVersion != null && seenVersion != report.version()) {
					throw ReportRefusal.concurrentChange();
				}
				Transition row = this.sop.transition(action, report.status())
					.orElseThrow(() -> ReportRefusal.notAllowed(action, report.status()));
				this.validator.validate(row, given, viewer.actor(), report);
				apply(report, action, given, viewer.actor());
				this.reports.save(report);
				if (!uploads.isEmpty()) {
					Integer entry = this.jdbc.sql("select max(entry_number) from timeline_entry where report_id = ?")
						.param(report.id())
						.query(Integer.class)
						.single();
					this.attachments.store(report.id(), entry, uploads, this.clock.instant());
				}
				Actor by = viewer.actor();
				boolean visible = !(by.hasAccount() || by.role() != Role.REPORTER) || ReportAccess.inScope(report, by);
				return new Acted(shown(viewer, via), visible);
			});
		}
		catch (OptimisticLockingFailureException conflict) {
			throw ReportRefusal.concurrentChange();
		}
		catch (RuntimeException failure) {
			if (failure.getCause() instanceof OptimisticLockingFailureException) {
				throw ReportRefusal.concurrentChange();
			}
			throw failure;
		}
	}

	private void apply(Report report, Action action, ActionBody body, Actor by) {
		Workflow workflow = workflow();
		switch (action) {
			case FORWARD -> report.forward(by, body.jurisdiction().strip(), body.note(), workflow);
			case RECEIVE -> report.receive(by, workflow);
			case VERIFY -> report.verify(by, body.note(), Boolean.TRUE.equals(body.anonymous()),
					Boolean.TRUE.equals(body.confidential()), workflow);
			case RETURN -> report.returnToNational(by, body.reason(), workflow);
			case ACKNOWLEDGE_RETURN -> report.acknowledgeReturn(by, workflow);
			case ASSIGN -> report.assign(by, body.agency().strip(), body.note(), workflow);
			case DISPOSE -> report.dispose(by, body.note(), workflow);
			case ACCEPT -> report.accept(by, workflow);
			case ANSWER -> report.answer(by, body.answer(), workflow);
			case DECLINE -> report.decline(by, body.reason(), workflow);
			case HOLD -> report.hold(by, body.reason(), workflow);
			case RESUME -> report.resume(by, body.message() != null ? body.message() : body.note(), workflow);
			case ARCHIVE -> report.archive(by, body.reason(), workflow);
			case REPLY -> report.reply(by, body.message(), workflow);
			case CLOSE -> report.close(by, body.rating(), body.comment(), workflow);
			case RECALL -> report.recall(by, body.reason(), workflow);
			case LINK -> {
				Report main = mainFor(report, body.main());
				// the reporter learns which report carries theirs, unless that one is confidential
				report.link(by, main.id(), main.confidential() ? null : main.trackingCode().formatted(), workflow);
			}
			case UNLINK -> {
				// only before the main report's answer: after it, the reporter has theirs
				if (report.linkedTo() != null && hasEntry(report.linkedTo(), Action.ANSWER)) {
					throw ReportRefusal.notAllowed(Action.UNLINK, report.status());
				}
				report.unlink(by, body.note(), workflow);
			}
			case SUBMIT, HAND_OVER, OMBUDSMAN_REQUEST, OMBUDSMAN_HANDOVER -> throw ReportRefusal.unknownAction(action.path());
		}
	}

	/**
	 * Hides phrases of a report's texts from the agency (see {@link Report#redact}): the
	 * coordinator of the report's jurisdiction or the national admin; checked like an action
	 * (401, 403 for another role, 404 out of scope, 409 when the page was stale), 400 for a
	 * phrase that is not in the report.
	 */
	public Acted redact(String code, ReportRequests.RedactionBody body, Optional<Actor> actor, Long seenVersion,
			IdentityAccessLog.@Nullable Via via) {
		Actor by = actor.orElseThrow(ReportRefusal::unauthenticated);
		if (!ReportAccess.mayRedact(by.role())) {
			throw ReportRefusal.forbiddenRedaction();
		}
		try {
			return this.transactions.execute(status -> {
				Viewer viewer = resolve(code, actor, null, null);
				Report report = viewer.report();
				if (seenVersion != null && seenVersion != report.version()) {
					throw ReportRefusal.concurrentChange();
				}
				Redactions phrases = this.validator.validate(body, texts(report));
				report.redact(by, phrases, this.clock.instant());
				this.reports.save(report);
				return new Acted(shown(viewer, via), true);
			});
		}
		catch (OptimisticLockingFailureException conflict) {
			throw ReportRefusal.concurrentChange();
		}
	}

	/** Every text of the report a phrase may be hidden in: title, chronology, address, notes. */
	private List<String> texts(Report report) {
		List<String> texts = new ArrayList<>(List.of(report.title(), report.description()));
		if (report.location() != null && report.location().address() != null) {
			texts.add(report.location().address());
		}
		texts.addAll(this.jdbc.sql("select note from timeline_entry where report_id = ? and note is not null")
			.param(report.id())
			.query(String.class)
			.list());
		texts.addAll(this.jdbc.sql("select text from report_note where report_id = ?")
			.param(report.id())
			.query(String.class)
			.list());
		return texts;
	}

	/** What the viewer may not read of the report's texts. */
	private static Redactions hiddenFrom(Viewer viewer) {
		return ReportAccess.seesOriginalText(viewer.actor().role()) ? Redactions.NONE : viewer.report().redactions();
	}

	/** The files of a report the caller may see. */
	public List<Attachments.Stored> attachments(String code, Optional<Actor> actor, String accessKey) {
		return files(resolve(code, actor, accessKey, null));
	}

	/** The files, with the names they came with only for those who may see the reporter. */
	private List<Attachments.Stored> files(Viewer viewer) {
		List<Attachments.Stored> all = this.attachments.all(viewer.report().id());
		return ReportAccess.seesReporter(viewer.report(), viewer.actor().role()) ? all
				: all.stream().map(Attachments.Stored::withoutOriginalName).toList();
	}

	/** One file of a report the caller may see. */
	public Optional<Attachments.Content> attachment(String code, UUID id, Optional<Actor> actor,
			String accessKey) {
		return this.attachments.content(resolve(code, actor, accessKey, null).report().id(), id);
	}

	/** The reports filed from one reporter account, newest first. */
	public List<ReportViews.InboxItem> ofAccount(Actor reporter) {
		return this.jdbc.sql("""
				select tracking_code, type, title, status, category, channel, jurisdiction, agency, submitted_at, status_since,
				       step_due_at, step_warn_at
				from report where reporter_account_id = ? order by submitted_at desc fetch first 100 rows only""")
			.param(reporter.userId())
			.query((rs, n) -> new ReportViews.InboxItem(new TrackingCode(rs.getString("tracking_code")).formatted(),
					ReportType.valueOf(rs.getString("type")), rs.getString("title"),
					ReportStatus.valueOf(rs.getString("status")), rs.getString("category"),
					Channel.valueOf(rs.getString("channel")), rs.getString("jurisdiction"),
					rs.getString("agency"), jakarta(rs.getTimestamp("submitted_at").toInstant()),
					jakarta(rs.getTimestamp("status_since").toInstant()),
					rs.getTimestamp("step_due_at") == null ? null : jakarta(rs.getTimestamp("step_due_at").toInstant()),
					ClockState.at(this.clock.instant(),
							rs.getTimestamp("step_warn_at") == null ? null : rs.getTimestamp("step_warn_at").toInstant(),
							rs.getTimestamp("step_due_at") == null ? null : rs.getTimestamp("step_due_at").toInstant())))
			.list();
	}

	/** Public tracking: status and progress only; a confidential report needs its access key. */
	public TrackView track(String code, String accessKey) {
		Report report = TrackingCode.parse(code)
			.flatMap(c -> this.reports.findByTrackingCode(c.value()))
			.orElseThrow(ReportRefusal::notFound);
		if (report.confidential() && !AccessKeys.matches(accessKey, report.accessKeyHash())) {
			throw ReportRefusal.notFound();
		}
		List<TrackEntry> history = this.jdbc
			.sql("select action, decree_step, occurred_at from timeline_entry where report_id = ? order by entry_number")
			.param(report.id())
			.query((rs, n) -> new TrackEntry(rs.getString("action"), rs.getString("decree_step"),
					jakarta(rs.getTimestamp("occurred_at").toInstant())))
			.list();
		return new TrackView(report.trackingCode().formatted(), report.status(), jakarta(report.submittedAt()),
				jakarta(report.statusSince()), jakarta(report.stepDueAt()),
				ClockState.at(this.clock.instant(), report.stepWarnAt(), report.stepDueAt()), history);
	}

	private record Viewer(Report report, Actor actor) {
	}

	/**
	 * Finds the report for the caller: 401 without credentials, 403 for a role that may never
	 * take the action (or read), 404 for a report that does not exist or is out of scope.
	 */
	private Viewer resolve(String code, Optional<Actor> actor, String accessKey, Action action) {
		Actor by = actor.orElseGet(() -> {
			if (accessKey == null || accessKey.isBlank()) {
				throw ReportRefusal.unauthenticated();
			}
			return Actor.accessKeyHolder();
		});
		if (action != null && !this.sop.actorsOf(action).contains(by.role())) {
			throw ReportRefusal.forbidden(action);
		}
		if (action == null && !ReportAccess.mayRead(by.role())) {
			throw ReportRefusal.forbiddenRead();
		}
		Report report = TrackingCode.parse(code)
			.flatMap(c -> this.reports.findByTrackingCode(c.value()))
			.orElseThrow(ReportRefusal::notFound);
		boolean visible = by.hasAccount() || by.role() != Role.REPORTER ? ReportAccess.inScope(report, by)
				: AccessKeys.matches(accessKey, report.accessKeyHash());
		if (!visible) {
			throw ReportRefusal.notFound();
		}
		return new Viewer(report, by);
	}

	private ReportView view(Viewer viewer) {
		Report report = viewer.report();
		Role role = viewer.actor().role();
		boolean showReporter = ReportAccess.seesReporter(report, role);
		Reporter r = report.reporter();
		ReporterView reporter = showReporter && r != null
				? new ReporterView(r.name(), r.email(), r.phone(), r.identityNumber(), r.accountId() != null, r.handle())
				: null;
		Location l = report.location();
		AgencyView agency = report.agency() == null ? null
				: new AgencyView(report.agency(),
						this.directory.agency(report.agency()).map(a -> a.name()).orElse(report.agency()));
		List<String> allowed = this.sop.allowedActions(report.status(), role).stream().map(Action::path).toList();
		String answer = this.jdbc.sql("""
				select note from timeline_entry where report_id = ? and action = 'answer'
				order by entry_number desc fetch first 1 rows only""")
			// a linked report is answered through its main report
			.param(report.linkedTo() != null ? report.linkedTo() : report.id())
			.query(String.class)
			.optional()
			.orElse(null);
		Redactions hidden = hiddenFrom(viewer);
		return new ReportView(report.trackingCode().formatted(), report.type(), hidden.apply(report.title()),
				hidden.apply(report.description()), report.occurredOn(),
				l == null ? null : new LocationView(hidden.apply(l.address()), l.regency(), l.latitude(), l.longitude()),
				report.category(), report.channel(), report.anonymous(), report.confidential(), reporter,
				!showReporter, report.jurisdiction(), agency, report.status(), jakarta(report.statusSince()),
				jakarta(report.submittedAt()), jakarta(report.stepDueAt()),
				ClockState.at(this.clock.instant(), report.stepWarnAt(), report.stepDueAt()),
				jakarta(report.resolutionDueAt()),
				report.ombudsmanEligibleAt() != null && !report.status().isFinal()
						&& !this.clock.instant().isBefore(report.ombudsmanEligibleAt()),
				report.timeoutAt() == null ? null
						: this.sop.timeoutFrom(report.status()).map(t -> t.action().path()).orElse(null),
				jakarta(report.timeoutAt()), allowed, hidden.apply(answer), report.rating(), report.version(),
				ReportAccess.seesOriginalText(role) && ReportAccess.mayRedact(role) ? report.redactions().phrases()
						: null,
				report.nationalTrackingId());
	}

	private Workflow workflow() {
		return this.workflows.now();
	}

}
