package id.go.jambiprov.lapor.report.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.report.Channel;
import id.go.jambiprov.lapor.report.DeadlinesRecomputed;
import id.go.jambiprov.lapor.report.ReportRated;
import id.go.jambiprov.lapor.report.ReportRecalled;
import id.go.jambiprov.lapor.report.ReportRedacted;
import id.go.jambiprov.lapor.report.ReportSubmitted;
import id.go.jambiprov.lapor.report.ReportSupplemented;
import id.go.jambiprov.lapor.report.ReportTransitioned;
import id.go.jambiprov.lapor.report.ReportType;
import id.go.jambiprov.lapor.report.TrackingCode;
import id.go.jambiprov.lapor.sop.Action;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.sop.Transition;

/**
 * A report and its state machine. Every change of status goes through one intention-revealing
 * method per action; each checks the SOP table for the current status and the actor's role,
 * moves the report, starts the next step's clock and registers a past-tense event from which
 * the timeline entry is written. There is no status setter.
 */
public class Report {

	private UUID id;

	/** Optimistic lock: {@code null} until first stored, then incremented by every save. */
	private Long version;

	private String trackingCode;

	private String accessKeyHash;

	private ReportType type;

	private String title;

	private String description;

	private LocalDate occurredOn;

	private Location location;

	private String category;

	private Channel channel;

	private boolean anonymous;

	private boolean confidential;

	private Reporter reporter;

	private String jurisdiction;

	private String agency;

	/** The agency the report accuses, as the reporter named it; never the one it is dispositioned to when sensitive. */
	private String accusedAgency;

	/** The main report that carries this one while it is {@code LINKED}. */
	private UUID linkedTo;

	/**
	 * The report's tracking id at the national SP4N-LAPOR!, once it has one: set when the report
	 * came from there, or recorded when the bridge pushed it there (not through the aggregate: it
	 * changes nothing the SOP decides).
	 */
	private String nationalTrackingId;

	private ReportStatus status;

	private ReportStatus heldFrom;

	private Instant statusSince;

	private Instant stepDueAt;

	private Instant stepWarnAt;

	/** When the system takes the timed action of this status by itself, if it has one. */
	private Instant timeoutAt;

	/** When the reporter is reminded of what the system will do at {@code timeoutAt}. */
	private Instant reminderAt;

	/** Answer within this of the first disposition (the resolution clock). */
	private Instant resolutionDueAt;

	/** From then on the Ombudsman may take the case over. */
	private Instant ombudsmanEligibleAt;

	/** The first disposition: the resolution clock runs from then. */
	private Instant resolutionStartedAt;

	/** The first answer: the resolution clock stopped then. */
	private Instant resolutionStoppedAt;

	private Instant submittedAt;

	private Integer rating;

	private String sopVersion;

	private int timelineLength;

	/** What the coordinator hid from the agency in the texts. */
	private Redactions redactions = Redactions.NONE;

	private final List<Object> events = new ArrayList<>();

	private Report() {
	}

	/** Everything the report stores, for the repository; the aggregate keeps its rules. */
	record Snapshot(UUID id, Long version, String trackingCode, String accessKeyHash, ReportType type, String title,
			String description, LocalDate occurredOn, Location location, String category, Channel channel,
			boolean anonymous, boolean confidential, Reporter reporter, String jurisdiction, String agency,
			ReportStatus status, ReportStatus heldFrom, Instant statusSince, Instant stepDueAt, Instant stepWarnAt,
			Instant timeoutAt, Instant reminderAt, Instant resolutionDueAt, Instant ombudsmanEligibleAt, Instant submittedAt,
			Integer rating, String sopVersion, int timelineLength, Instant resolutionStartedAt,
			Instant resolutionStoppedAt, Redactions redactions, String accusedAgency, UUID linkedTo,
			String nationalTrackingId) {
	}

	static Report restore(Snapshot s) {
		Report report = new Report();
		report.id = s.id();
		report.version = s.version();
		report.trackingCode = s.trackingCode();
		report.accessKeyHash = s.accessKeyHash();
		report.type = s.type();
		report.title = s.title();
		report.description = s.description();
		report.occurredOn = s.occurredOn();
		report.location = s.location();
		report.category = s.category();
		report.channel = s.channel();
		report.anonymous = s.anonymous();
		report.confidential = s.confidential();
		report.reporter = s.reporter();
		report.jurisdiction = s.jurisdiction();
		report.agency = s.agency();
		report.status = s.status();
		report.heldFrom = s.heldFrom();
		report.statusSince = s.statusSince();
		report.stepDueAt = s.stepDueAt();
		report.stepWarnAt = s.stepWarnAt();
		report.timeoutAt = s.timeoutAt();
		report.reminderAt = s.reminderAt();
		report.resolutionDueAt = s.resolutionDueAt();
		report.ombudsmanEligibleAt = s.ombudsmanEligibleAt();
		report.submittedAt = s.submittedAt();
		report.rating = s.rating();
		report.sopVersion = s.sopVersion();
		report.timelineLength = s.timelineLength();
		report.resolutionStartedAt = s.resolutionStartedAt();
		report.resolutionStoppedAt = s.resolutionStoppedAt();
		report.redactions = s.redactions() == null ? Redactions.NONE : s.redactions();
		report.accusedAgency = s.accusedAgency();
		report.linkedTo = s.linkedTo();
		report.nationalTrackingId = s.nationalTrackingId();
		return report;
	}

	Snapshot snapshot() {
		return new Snapshot(this.id, this.version, this.trackingCode, this.accessKeyHash, this.type, this.title,
				this.description, this.occurredOn, this.location, this.category, this.channel, this.anonymous,
				this.confidential, this.reporter, this.jurisdiction, this.agency, this.status, this.heldFrom,
				this.statusSince, this.stepDueAt, this.stepWarnAt, this.timeoutAt, this.reminderAt, this.resolutionDueAt,
				this.ombudsmanEligibleAt, this.submittedAt, this.rating, this.sopVersion, this.timelineLength,
				this.resolutionStartedAt, this.resolutionStoppedAt, this.redactions, this.accusedAgency, this.linkedTo,
				this.nationalTrackingId);
	}

	/** Called by the repository once a save succeeded. */
	void saved(long newVersion) {
		this.version = newVersion;
	}

	/** The events registered since the last save, handed over once. */
	List<Object> pullEvents() {
		List<Object> pulled = List.copyOf(this.events);
		this.events.clear();
		return pulled;
	}

	private void registerEvent(Object event) {
		this.events.add(event);
	}

	/** Decree step 1: a report arrives through a channel. */
	static Report submit(NewReport data, TrackingCode code, String accessKeyHash, Actor by, Workflow workflow) {
		Transition row = workflow.sop().initial(Action.SUBMIT);
		Report report = new Report();
		report.id = UUID.randomUUID();
		report.trackingCode = code.value();
		report.accessKeyHash = accessKeyHash;
		report.type = data.type();
		report.title = data.title();
		report.description = data.description();
		report.occurredOn = data.occurredOn();
		report.location = data.location();
		report.category = data.category();
		report.channel = data.channel();
		report.anonymous = data.anonymous();
		report.confidential = data.confidential();
		report.reporter = data.reporter();
		report.accusedAgency = data.accusedAgency();
		report.status = row.to();
		report.statusSince = workflow.now();
		report.submittedAt = workflow.now();
		report.stepDueAt = workflow.dueIn(report.status).orElse(null);
		report.stepWarnAt = workflow.warningBefore(report.stepDueAt);
		report.ombudsmanEligibleAt = workflow.ombudsmanEligibleAt();
		report.sopVersion = workflow.sop().version();
		if (data.sentAt() != null && row.timeStandard() != null) {
			// step 1 is the channel's delivery: from the citizen's sending to our storing
			Instant sent = data.sentAt().isAfter(workflow.now()) ? workflow.now() : data.sentAt();
			Instant due = workflow.deadlines().dueAt(sent, row.timeStandard());
			long seconds = workflow.deadlines().calendar().workingTimeBetween(sent, workflow.now()).toSeconds();
			report.record(row, null, by, null, workflow, due, !workflow.now().isAfter(due), seconds);
		}
		else {
			report.record(row, null, by, null, workflow, null, null, null);
		}
		report.registerEvent(new ReportSubmitted(report.id, code, report.channel, report.submittedAt));
		return report;
	}

	/**
	 * A report the national SP4N-LAPOR! forwarded to a jurisdiction (decree step 2 happens there):
	 * its submission (step 1) and its forwarding, each at the time the national system gives, so
	 * that step 3 runs from the national forwarding time.
	 *
	 * @param submitted the workflow at the national submission time
	 * @param forwarded the workflow at the national forwarding time (not before {@code submitted})
	 */
	static Report fromNational(NewReport data, TrackingCode code, String accessKeyHash, String nationalTrackingId,
			String jurisdiction, Actor national, Workflow submitted, Workflow forwarded) {
		Report report = submit(data, code, accessKeyHash, Actor.accessKeyHolder(), submitted);
		report.nationalTrackingId = nationalTrackingId;
		report.forward(national, jurisdiction, null, forwarded);
		return report;
	}

	/**
	 * The reporter adds to their own report through the channel they used (a second message in a
	 * row, or SMS {@code INFO}): the text joins the chronology. Refused once the report is closed
	 * or archived, or when the chronology would grow past its limit.
	 *
	 * @return whether it was added
	 */
	boolean supplement(String text, int maxLength) {
		if (this.status == ReportStatus.CLOSED || this.status == ReportStatus.ARCHIVED || text == null
				|| text.isBlank()) {
			return false;
		}
		String longer = this.description + "\n\n+ " + text.strip();
		if (longer.length() > maxLength) {
			return false;
		}
		this.description = longer;
		registerEvent(new ReportSupplemented(this.id, new TrackingCode(this.trackingCode), this.channel));
		return true;
	}

	/** Step 2: the national admin forwards the report to a jurisdiction's coordinator. */
	void forward(Actor by, String jurisdiction, String note, Workflow workflow) {
		Transition row = guard(Action.FORWARD, by, workflow);
		this.jurisdiction = jurisdiction;
		this.agency = null;
		move(row, by, note, workflow);
	}

	/** Step 3: the coordinator receives it. */
	void receive(Actor by, Workflow workflow) {
		move(guard(Action.RECEIVE, by, workflow), by, null, workflow);
	}

	/**
	 * Step 4, yes: it is the province's business. The coordinator may switch the anonymous and
	 * confidential flags on here, never off.
	 */
	void verify(Actor by, String note, boolean makeAnonymous, boolean makeConfidential, Workflow workflow) {
		Transition row = guard(Action.VERIFY, by, workflow);
		this.anonymous = this.anonymous || makeAnonymous;
		this.confidential = this.confidential || makeConfidential;
		move(row, by, note, workflow);
	}

	/** Step 4, no: not the province's authority; back to the national admin. */
	void returnToNational(Actor by, String reason, Workflow workflow) {
		move(guard(Action.RETURN, by, workflow), by, reason, workflow);
	}

	/** Step 5: the national admin receives the returned report. */
	void acknowledgeReturn(Actor by, Workflow workflow) {
		move(guard(Action.ACKNOWLEDGE_RETURN, by, workflow), by, null, workflow);
	}

	/** Step 6: the coordinator analyses it and picks the competent agency. */
	void assign(Actor by, String agency, String note, Workflow workflow) {
		Transition row = guard(Action.ASSIGN, by, workflow);
		this.agency = agency;
		move(row, by, note, workflow);
	}

	/** Step 7: the coordinator dispositions it to the agency's liaison officer. */
	void dispose(Actor by, String note, Workflow workflow) {
		Transition row = guard(Action.DISPOSE, by, workflow);
		if (this.resolutionDueAt == null) {
			this.resolutionDueAt = workflow.resolutionDueAt();
			this.resolutionStartedAt = workflow.now();
		}
		move(row, by, note, workflow);
	}

	/** Step 8: the liaison officer receives it. */
	void accept(Actor by, Workflow workflow) {
		move(guard(Action.ACCEPT, by, workflow), by, null, workflow);
	}

	/** Step 8: the liaison officer answers it; the SOP ends, and the resolution clock stops. */
	void answer(Actor by, String answer, Workflow workflow) {
		Transition row = guard(Action.ANSWER, by, workflow);
		if (this.resolutionStoppedAt == null) {
			this.resolutionStoppedAt = workflow.now();
		}
		move(row, by, answer, workflow);
	}

	/** Wrong agency: back to the coordinator to analyse again; the agency loses sight of it. */
	void decline(Actor by, String reason, Workflow workflow) {
		Transition row = guard(Action.DECLINE, by, workflow);
		this.agency = null;
		move(row, by, reason, workflow);
	}

	/**
	 * The coordinator takes the report back from the agency before its answer (the wrong agency,
	 * noticed at the centre): back to VERIFIED to pick another; the agency loses sight of it and
	 * is told ({@link ReportRecalled}).
	 */
	void recall(Actor by, String reason, Workflow workflow) {
		Transition row = guard(Action.RECALL, by, workflow);
		String from = this.agency;
		this.agency = null;
		move(row, by, reason, workflow);
		registerEvent(new ReportRecalled(this.id, trackingCode(), this.timelineLength, this.jurisdiction, from, reason,
				workflow.now()));
	}

	/**
	 * The agency ended and its successor took over its work: the open report goes to the
	 * successor as it stands (status, step and clocks unchanged), with a timeline entry. Not a
	 * row of the SOP; only the coordinator or the national admin does it, for a report that has
	 * an agency and is not finished.
	 */
	void handOver(Actor by, String successor, Workflow workflow) {
		if (by.role() != Role.COORDINATOR && by.role() != Role.NATIONAL_ADMIN) {
			throw ReportRefusal.forbidden(Action.HAND_OVER);
		}
		if (this.agency == null || this.status.isFinal()) {
			throw ReportRefusal.notAllowed(Action.HAND_OVER, this.status);
		}
		String from = this.agency;
		this.agency = successor;
		this.timelineLength++;
		registerEvent(new ReportTransitioned(this.id, trackingCode(), this.timelineLength, Action.HAND_OVER,
				this.status, this.status, by.userId(), by.username(), by.role(), from + " → " + successor, null,
				workflow.now(), null, null, this.jurisdiction, this.agency, this.stepDueAt, null, this.resolutionDueAt,
				this.stepWarnAt));
	}

	/**
	 * The reporter asks for the Ombudsman: from {@link #ombudsmanEligibleAt} (60 days after
	 * submission) while the report is not finished, once. A timeline entry; status and clocks stay.
	 */
	void requestOmbudsman(Actor by, boolean alreadyAsked, Workflow workflow) {
		if (by.role() != Role.REPORTER) {
			throw ReportRefusal.forbidden(Action.OMBUDSMAN_REQUEST);
		}
		if (alreadyAsked || this.status.isFinal() || this.ombudsmanEligibleAt == null
				|| workflow.now().isBefore(this.ombudsmanEligibleAt)) {
			throw ReportRefusal.notAllowed(Action.OMBUDSMAN_REQUEST, this.status);
		}
		entry(Action.OMBUDSMAN_REQUEST, by, null, workflow);
	}

	/**
	 * The coordinator (or the national admin) records that the case went to the Ombudsman, with
	 * what was sent and where: only after the reporter asked, once.
	 */
	void handToOmbudsman(Actor by, String note, boolean asked, boolean alreadyHanded, Workflow workflow) {
		if (by.role() != Role.COORDINATOR && by.role() != Role.NATIONAL_ADMIN) {
			throw ReportRefusal.forbidden(Action.OMBUDSMAN_HANDOVER);
		}
		if (!asked || alreadyHanded) {
			throw ReportRefusal.notAllowed(Action.OMBUDSMAN_HANDOVER, this.status);
		}
		entry(Action.OMBUDSMAN_HANDOVER, by, note, workflow);
	}

	/** A timeline entry that is not a step: the status, the agency and the clocks stay as they are. */
	private void entry(Action action, Actor by, String note, Workflow workflow) {
		this.timelineLength++;
		registerEvent(new ReportTransitioned(this.id, trackingCode(), this.timelineLength, action, this.status,
				this.status, by.userId(), by.username(), by.role(), note, null, workflow.now(), null, null,
				this.jurisdiction, this.agency, this.stepDueAt, null, this.resolutionDueAt, this.stepWarnAt));
	}

	/**
	 * A duplicate: the main report (same jurisdiction, checked by the service) carries this one
	 * and answers it; {@code note} names the main report when the reporter may know it.
	 */
	void link(Actor by, UUID main, String note, Workflow workflow) {
		Transition row = guard(Action.LINK, by, workflow);
		this.heldFrom = this.status;
		this.linkedTo = main;
		move(row, by, note, workflow);
	}

	/** Not the same matter after all (before the main report's answer): back to where it was. */
	void unlink(Actor by, String note, Workflow workflow) {
		Transition row = guard(Action.UNLINK, by, workflow);
		move(row, by, note, workflow);
		this.heldFrom = null;
		this.linkedTo = null;
	}

	/** Missing data: wait for the reporter. */
	void hold(Actor by, String reason, Workflow workflow) {
		Transition row = guard(Action.HOLD, by, workflow);
		this.heldFrom = this.status;
		move(row, by, reason, workflow);
	}

	/** The data came: back to where it was held. */
	void resume(Actor by, String note, Workflow workflow) {
		Transition row = guard(Action.RESUME, by, workflow);
		move(row, by, note, workflow);
		this.heldFrom = null;
	}

	/** Not processable (spam, unintelligible, not a public service); kept, never deleted. */
	void archive(Actor by, String reason, Workflow workflow) {
		move(guard(Action.ARCHIVE, by, workflow), by, reason, workflow);
	}

	/** The reporter is not satisfied: the conversation reopens at the agency. */
	void reply(Actor by, String message, Workflow workflow) {
		move(guard(Action.REPLY, by, workflow), by, message, workflow);
	}

	/** The reporter (with a rating) or the system closes the answered report. */
	void close(Actor by, Integer rating, String comment, Workflow workflow) {
		Transition row = guard(Action.CLOSE, by, workflow);
		this.rating = rating;
		move(row, by, comment, workflow);
		if (rating != null) {
			registerEvent(new ReportRated(this.id, rating, workflow.now(), this.jurisdiction, this.agency));
		}
	}

	/**
	 * The reporter rates a report that closed without their rating (the system closed it after
	 * their silence): once, after the closing, without a new step.
	 * @return whether the rating was taken (false: not closed, or rated already)
	 */
	boolean rateAfterClosing(int rating, java.time.Instant at) {
		if (this.status != ReportStatus.CLOSED || this.rating != null || rating < 1 || rating > 5) {
			return false;
		}
		this.rating = rating;
		registerEvent(new ReportRated(this.id, rating, at, this.jurisdiction, this.agency));
		return true;
	}

	/**
	 * Nobody acted in time where the SOP lets the system act: it closes an answered report, or
	 * archives a held one whose reporter never sent the missing data.
	 * @param note the note the system leaves on the timeline
	 */
	void timeOut(String note, Workflow workflow) {
		Transition row = workflow.sop()
			.timeoutFrom(this.status)
			.orElseThrow(() -> ReportRefusal.notAllowed(Action.CLOSE, this.status));
		Actor system = Actor.system();
		switch (row.action()) {
			case CLOSE -> close(system, null, note, workflow);
			case ARCHIVE -> archive(system, note, workflow);
			default -> move(guard(row.action(), system, workflow), system, note, workflow);
		}
	}

	/**
	 * Hides phrases of the report's texts (a name, a number, an address the reporter wrote into
	 * the chronology) from those who may not see the reporter; the texts stay as they came. The
	 * phrases given replace those hidden before (none: nothing is hidden any more). Not a step
	 * of the SOP: no status changes and no clock moves; only the coordinator and the national
	 * admin may do it, in any status.
	 */
	void redact(Actor by, Redactions phrases, Instant at) {
		if (!ReportAccess.mayRedact(by.role())) {
			throw ReportRefusal.forbiddenRedaction();
		}
		this.redactions = phrases;
		registerEvent(new ReportRedacted(this.id, trackingCode(), by.userId(), by.username(), by.role(),
				phrases.phrases().size(), at));
	}

	/**
	 * The calendar changed: every deadline still running is computed again from when its clock
	 * started, on the calendar as it stands now: the step's due and warning times, the system's
	 * timeout and the reporter's reminder (unless already given), and the resolution deadline
	 * until the first answer. Deadlines that ended keep what they were. Registers
	 * {@link DeadlinesRecomputed} when anything moved.
	 * @return whether anything moved
	 */
	boolean recomputeDeadlines(Workflow workflow) {
		Workflow then = workflow.at(this.statusSince);
		Instant due = then.dueIn(this.status).orElse(null);
		Instant warn = then.warningBefore(due);
		Instant timeout = then.timeoutIn(this.status).orElse(null);
		Instant reminder = this.reminderAt == null ? null : then.reminderIn(this.status, timeout).orElse(null);
		Instant resolution = this.resolutionStartedAt == null || this.resolutionStoppedAt != null
				? this.resolutionDueAt : workflow.at(this.resolutionStartedAt).resolutionDueAt();
		boolean moved = !Objects.equals(due, this.stepDueAt) || !Objects.equals(warn, this.stepWarnAt)
				|| !Objects.equals(timeout, this.timeoutAt) || !Objects.equals(reminder, this.reminderAt)
				|| !Objects.equals(resolution, this.resolutionDueAt);
		if (!moved) {
			return false;
		}
		this.stepDueAt = due;
		this.stepWarnAt = warn;
		this.timeoutAt = timeout;
		this.reminderAt = reminder;
		this.resolutionDueAt = resolution;
		registerEvent(new DeadlinesRecomputed(this.id, trackingCode(), this.timelineLength, this.status, this.stepDueAt,
				this.stepWarnAt, this.resolutionStoppedAt == null ? this.resolutionDueAt : null));
		return true;
	}

	private Transition guard(Action action, Actor by, Workflow workflow) {
		Transition row = workflow.sop()
			.transition(action, this.status)
			.orElseThrow(() -> ReportRefusal.notAllowed(action, this.status));
		if (!row.isTakenBy(by.role())) {
			// a role that takes the action from other statuses (the reporter closes an answered
			// report, not a linked one the system closes): the state refuses it, not the role
			if (workflow.sop().actorsOf(action).contains(by.role())) {
				throw ReportRefusal.notAllowed(action, this.status);
			}
			throw ReportRefusal.forbidden(action);
		}
		return row;
	}

	private void move(Transition row, Actor by, String note, Workflow workflow) {
		ReportStatus from = this.status;
		long workingSeconds = workflow.deadlines()
			.calendar()
			.workingTimeBetween(this.statusSince, workflow.now())
			.toSeconds();
		Instant dueAt = this.stepDueAt;
		Boolean met = dueAt == null ? null : !workflow.now().isAfter(dueAt);
		this.status = row.toPrevious() ? this.heldFrom : row.to();
		this.statusSince = workflow.now();
		this.stepDueAt = workflow.dueIn(this.status).orElse(null);
		this.stepWarnAt = workflow.warningBefore(this.stepDueAt);
		this.timeoutAt = workflow.timeoutIn(this.status).orElse(null);
		this.reminderAt = workflow.reminderIn(this.status, this.timeoutAt).orElse(null);
		record(row, from, by, note, workflow, dueAt, met, workingSeconds);
	}

	private void record(Transition row, ReportStatus from, Actor by, String note, Workflow workflow, Instant dueAt,
			Boolean met, Long workingSeconds) {
		this.timelineLength++;
		registerEvent(new ReportTransitioned(this.id, trackingCode(), this.timelineLength, row.action(), from,
				this.status, by.userId(), by.username(), by.role(), note, row.step(), workflow.now(), dueAt, met,
				this.jurisdiction, this.agency, this.stepDueAt, workingSeconds, this.resolutionDueAt, this.stepWarnAt));
	}

	UUID id() {
		return this.id;
	}

	Long version() {
		return this.version;
	}

	TrackingCode trackingCode() {
		return new TrackingCode(this.trackingCode);
	}

	String accessKeyHash() {
		return this.accessKeyHash;
	}

	ReportType type() {
		return this.type;
	}

	String title() {
		return this.title;
	}

	String description() {
		return this.description;
	}

	LocalDate occurredOn() {
		return this.occurredOn;
	}

	Location location() {
		return this.location;
	}

	String category() {
		return this.category;
	}

	Channel channel() {
		return this.channel;
	}

	boolean anonymous() {
		return this.anonymous;
	}

	boolean confidential() {
		return this.confidential;
	}

	Reporter reporter() {
		return this.reporter;
	}

	String jurisdiction() {
		return this.jurisdiction;
	}

	/** The report's tracking id at the national SP4N-LAPOR!, once it has one. */
	String nationalTrackingId() {
		return this.nationalTrackingId;
	}

	/** The main report that carries this one, while linked. */
	UUID linkedTo() {
		return this.linkedTo;
	}

	/** The agency the reporter says the report is about (sensitive reports never go to it), if named. */
	String accusedAgency() {
		return this.accusedAgency;
	}

	String agency() {
		return this.agency;
	}

	ReportStatus status() {
		return this.status;
	}

	Instant statusSince() {
		return this.statusSince;
	}

	Instant stepDueAt() {
		return this.stepDueAt;
	}

	Instant stepWarnAt() {
		return this.stepWarnAt;
	}

	Instant timeoutAt() {
		return this.timeoutAt;
	}

	Instant reminderAt() {
		return this.reminderAt;
	}

	Instant resolutionDueAt() {
		return this.resolutionDueAt;
	}

	Instant ombudsmanEligibleAt() {
		return this.ombudsmanEligibleAt;
	}

	Instant submittedAt() {
		return this.submittedAt;
	}

	Integer rating() {
		return this.rating;
	}

	Redactions redactions() {
		return this.redactions;
	}

}
