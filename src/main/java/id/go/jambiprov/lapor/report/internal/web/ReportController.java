package id.go.jambiprov.lapor.report.internal.web;

import java.net.URI;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;

import id.go.jambiprov.lapor.account.CurrentActor;
import id.go.jambiprov.lapor.report.internal.ClockState;
import id.go.jambiprov.lapor.report.internal.IdentityAccessLog;
import id.go.jambiprov.lapor.report.internal.InboxQuery;
import id.go.jambiprov.lapor.report.internal.ReportRefusal;
import id.go.jambiprov.lapor.report.internal.ReportRequests.ActionBody;
import id.go.jambiprov.lapor.report.internal.ReportRequests.CreateReport;
import id.go.jambiprov.lapor.report.internal.ReportRequests.RedactionBody;
import id.go.jambiprov.lapor.report.internal.ReportService;
import id.go.jambiprov.lapor.report.internal.SimilarReports;
import id.go.jambiprov.lapor.report.internal.TimelineIntegrity;
import id.go.jambiprov.lapor.report.internal.ReportViews.Created;
import id.go.jambiprov.lapor.report.internal.ReportViews.InboxPage;
import id.go.jambiprov.lapor.report.internal.ReportViews.ReportView;
import id.go.jambiprov.lapor.report.internal.ReportViews.TimelineEntryView;
import id.go.jambiprov.lapor.report.internal.ReportViews.TrackView;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.web.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Laporan / Reports")
class ReportController {

	static final String ACCESS_KEY = "X-Access-Key";

	private static final int IDEMPOTENCY_KEY_MAX = 200;

	private final ReportService reports;

	private final InboxQuery inbox;

	private final CurrentActor actor;

	ReportController(ReportService reports, InboxQuery inbox, CurrentActor actor) {
		this.reports = reports;
		this.inbox = inbox;
		this.actor = actor;
	}

	@PostMapping("/reports")
	@Operation(summary = "Kirim laporan / File a report",
			description = "Anyone may file; a reporter token links the report to the account. The access key in "
					+ "the answer is shown once. With Idempotency-Key, a retry returns the first answer.")
	ResponseEntity<Created> create(@RequestBody CreateReport body,
			@RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
		if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > IDEMPOTENCY_KEY_MAX)) {
			throw new InvalidInputException.Collector().add("Idempotency-Key", "max-length", IDEMPOTENCY_KEY_MAX)
				.asException();
		}
		Created created = this.reports.create(body, this.actor.get(), idempotencyKey);
		return ResponseEntity.created(URI.create("/api/v1/reports/" + created.trackingCode())).body(created);
	}

	@GetMapping("/reports/{code}")
	@Operation(summary = "Lihat laporan / Read a report",
			description = "Officers in scope, the reporter's account, or the access key in X-Access-Key.")
	ReportView view(@PathVariable String code,
			@Parameter(description = "Access key of the report") @RequestHeader(name = ACCESS_KEY, required = false) String accessKey) {
		return this.reports.view(code, this.actor.get(), accessKey);
	}

	@GetMapping("/reports/{code}/timeline")
	@Operation(summary = "Riwayat laporan / The report's timeline, oldest first")
	List<TimelineEntryView> timeline(@PathVariable String code,
			@RequestHeader(name = ACCESS_KEY, required = false) String accessKey) {
		return this.reports.timeline(code, this.actor.get(), accessKey);
	}

	@GetMapping("/reports/{code}/access-log")
	@Operation(summary = "Siapa melihat identitas pelapor / Who was shown the reporter",
			description = "Every time an officer was shown the reporter of an anonymous or confidential report, newest "
					+ "first: when, who, in which role, through what (PAGE, API, EXPORT). The national admin and the "
					+ "coordinator in scope; the reporter (X-Access-Key or account) reads when and by which role, "
					+ "without names; 404 for everyone else.")
	List<IdentityAccessLog.Entry> accessLog(@PathVariable String code,
			@RequestHeader(name = ACCESS_KEY, required = false) String accessKey) {
		return this.reports.identityLooks(code, this.actor.get(), accessKey);
	}

	@GetMapping("/reports/{code}/timeline/verify")
	@Operation(summary = "Periksa keutuhan riwayat / Whether the timeline's hash chain holds",
			description = "Every entry holds the SHA-256 of the previous entry's hash and its own content; an entry "
					+ "edited or removed in the database itself breaks the chain. brokenAt names the first entry "
					+ "that does not match.")
	TimelineIntegrity.Verification verifyTimeline(@PathVariable String code,
			@RequestHeader(name = ACCESS_KEY, required = false) String accessKey) {
		return this.reports.verifyTimeline(code, this.actor.get(), accessKey);
	}

	@PostMapping("/reports/{code}/actions/{action}")
	@Operation(summary = "Jalankan aksi SOP / Take an SOP action",
			description = "Actions and their actors come from GET /api/v1/sop; allowedActions in the report view "
					+ "lists those the caller may take now.")
	ReportView act(@PathVariable String code, @PathVariable String action,
			@RequestBody(required = false) ActionBody body,
			@RequestHeader(name = ACCESS_KEY, required = false) String accessKey) {
		return this.reports.act(code, action, body, this.actor.get(), accessKey);
	}

	/** The body of an internal note. */
	record NoteBody(String text) {
	}

	@PostMapping("/reports/{code}/notes")
	@Operation(summary = "Catatan internal / Write an internal note",
			description = "The coordinator, the national admin or the agency's liaison officer, in scope, at any "
					+ "status; the status does not change. Notes appear in the officers' timeline (internal: true, "
					+ "action note) and never in anything the reporter or the public receives. Append-only.")
	ResponseEntity<TimelineEntryView> note(@PathVariable String code, @RequestBody(required = false) NoteBody body) {
		TimelineEntryView note = this.reports.addNote(code, body == null ? null : body.text(), this.actor.get());
		return ResponseEntity.status(HttpStatus.CREATED).body(note);
	}

	@GetMapping("/reports/{code}/similar")
	@Operation(summary = "Laporan serupa / Similar reports",
			description = "The coordinator in scope or the national admin: up to 5 reports of the same jurisdiction "
					+ "from the last 60 days whose title and chronology look alike (PostgreSQL: full-text search with "
					+ "the indonesian configuration and trigram similarity of titles), best first; not archived, not "
					+ "linked themselves. Link one with the action link {\"main\": code}.")
	List<SimilarReports.Similar> similar(@PathVariable String code) {
		return this.reports.similar(code, this.actor.get());
	}

	@PutMapping("/reports/{code}/redaction")
	@Operation(summary = "Samarkan teks untuk OPD / Hide phrases of a report's texts from the agency",
			description = "The coordinator of the report's jurisdiction or the national admin. Every phrase given is "
					+ "shown as [disamarkan] to the liaison officer and the supervisor, in the title, the chronology, "
					+ "the address and the timeline's notes; the texts themselves stay as they came. Replaces the "
					+ "phrases hidden before; an empty list hides nothing any more. A phrase that is not in the "
					+ "report is refused (400).")
	ReportView redact(@PathVariable String code, @RequestBody(required = false) RedactionBody body) {
		return this.reports.redact(code, body, this.actor.get(), null, IdentityAccessLog.Via.API).view();
	}

	@GetMapping("/inbox")
	@Operation(summary = "Kotak masuk petugas / The officer's inbox, most urgent first")
	InboxPage inbox(@RequestParam(required = false) ReportStatus status,
			@RequestParam(required = false) ClockState clock, @RequestParam(required = false) Integer limit,
			@RequestParam(required = false) String cursor) {
		return this.inbox.inbox(this.actor.get().orElseThrow(ReportRefusal::unauthenticated), status, clock, limit,
				cursor);
	}

	@GetMapping("/track/{code}")
	@Operation(summary = "Lacak laporan / Track a report",
			description = "Public: status and progress only, never content or identity.")
	TrackView track(@PathVariable String code, @RequestHeader(name = ACCESS_KEY, required = false) String accessKey) {
		return this.reports.track(code, accessKey);
	}

}
