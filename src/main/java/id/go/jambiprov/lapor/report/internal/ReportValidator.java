package id.go.jambiprov.lapor.report.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.directory.Agency;
import id.go.jambiprov.lapor.directory.Category;
import id.go.jambiprov.lapor.directory.Directory;
import id.go.jambiprov.lapor.report.Channel;
import id.go.jambiprov.lapor.report.EmailAddress;
import id.go.jambiprov.lapor.report.IdentityNumber;
import id.go.jambiprov.lapor.report.PhoneNumber;
import id.go.jambiprov.lapor.report.internal.ReportRequests.ActionBody;
import id.go.jambiprov.lapor.report.internal.ReportRequests.CreateReport;
import id.go.jambiprov.lapor.sop.Action;
import id.go.jambiprov.lapor.sop.Transition;
import id.go.jambiprov.lapor.sop.WorkingCalendar;
import id.go.jambiprov.lapor.web.InvalidInputException;
import id.go.jambiprov.lapor.web.ProblemException;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The rules a report and an action body must meet, each broken rule named by its field.
 */
@Component
public class ReportValidator {

	static final int TITLE_MAX = 200;

	static final int DESCRIPTION_MAX = 10_000;

	static final int TEXT_MAX = 5_000;

	/** Who files reports of an assisted channel (letter, desk, telephone, post). */
	static final Set<Role> ASSISTING = EnumSet.of(Role.COORDINATOR, Role.NATIONAL_ADMIN);

	/** How long before filing a report may have been received at the desk. */
	static final Duration RECEIVED_MAX_AGE = Duration.ofDays(30);

	private static final Duration CLOCK_DRIFT = Duration.ofMinutes(5);

	private final Directory directory;

	private final Clock clock;

	private final SensitiveRouting routing;

	ReportValidator(Directory directory, Clock clock, SensitiveRouting routing) {
		this.directory = directory;
		this.clock = clock;
		this.routing = routing;
	}

	public NewReport validate(CreateReport body, Optional<Actor> actor) {
		return validate(body, actor, null);
	}

	/**
	 * The rules of a report that came through a facade of ours (a civic app on Open311): the
	 * facade, not the body, names the channel.
	 */
	NewReport validateFrom(Channel facade, CreateReport body) {
		return validate(body, Optional.empty(), facade);
	}

	private NewReport validate(CreateReport body, Optional<Actor> actor, @Nullable Channel facade) {
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		if (body.type() == null) {
			errors.add("type", "required");
		}
		String title = text(body.title(), "title", TITLE_MAX, true, errors);
		String description = text(body.description(), "description", DESCRIPTION_MAX, true, errors);
		String category = blankToNull(body.category());
		if (category != null && this.directory.category(category).filter(Category::active).isEmpty()) {
			errors.add("category", "unknown-category", category);
		}
		LocalDate today = LocalDate.now(this.clock.withZone(WorkingCalendar.JAKARTA));
		if (body.occurredOn() != null && body.occurredOn().isAfter(today)) {
			errors.add("occurredOn", "future-date");
		}
		Location location = location(body.location(), errors);
		Channel channel = facade != null ? facade : body.channel() == null ? Channel.WEB : body.channel();
		Instant receivedAt = null;
		if (channel.assisted()) {
			if (actor.filter(a -> ASSISTING.contains(a.role())).isEmpty()) {
				// only an officer files what came on paper, at the desk, by telephone or as a post
				throw new ProblemException(HttpStatus.FORBIDDEN, "assisted-channel", "problem.assisted-channel",
						channel.name());
			}
			receivedAt = receivedAt(body.receivedAt(), errors);
		}
		else {
			if (facade == null && channel != Channel.WEB && channel != Channel.MOBILE) {
				errors.add("channel", "api-channel");
			}
			if (body.receivedAt() != null) {
				errors.add("receivedAt", "assisted-only");
			}
		}
		Reporter reporter = reporter(body.reporter(), actor, errors);
		String accused = blankToNull(body.accusedAgency());
		if (accused != null && this.directory.agency(accused).isEmpty()) {
			errors.add("accusedAgency", "unknown-agency", accused);
		}
		errors.throwIfAny();
		// a sensitive category (illegal levies, corruption, whistleblowing) is confidential by force
		boolean confidential = Boolean.TRUE.equals(body.confidential()) || this.routing.sensitive(category);
		return new NewReport(body.type(), title, description, body.occurredOn(), location, category, channel,
				Boolean.TRUE.equals(body.anonymous()), confidential, reporter, receivedAt, accused);
	}

	/**
	 * When the desk received a report an officer files: decree step 1 runs from then. Now when
	 * not given; not in the future (a few minutes of clock drift aside), not more than
	 * {@link #RECEIVED_MAX_AGE} ago (a mistyped year would start a clock months late).
	 */
	private Instant receivedAt(OffsetDateTime given, InvalidInputException.Collector errors) {
		Instant now = this.clock.instant();
		if (given == null) {
			return now;
		}
		Instant at = given.toInstant();
		if (at.isAfter(now.plus(CLOCK_DRIFT))) {
			errors.add("receivedAt", "received-future");
		}
		else if (at.isBefore(now.minus(RECEIVED_MAX_AGE))) {
			errors.add("receivedAt", "received-too-old", RECEIVED_MAX_AGE.toDays());
		}
		return at.isAfter(now) ? now : at;
	}

	private Location location(ReportRequests.LocationBody body, InvalidInputException.Collector errors) {
		if (body == null) {
			return null;
		}
		String address = text(body.address(), "location.address", 500, false, errors);
		String regency = blankToNull(body.regency());
		if (regency != null && !this.directory.regencies().contains(regency)) {
			errors.add("location.regency", "unknown-regency", regency);
		}
		if (body.latitude() != null && (body.latitude() < -90 || body.latitude() > 90)) {
			errors.add("location.latitude", "range");
		}
		if (body.longitude() != null && (body.longitude() < -180 || body.longitude() > 180)) {
			errors.add("location.longitude", "range");
		}
		if ((body.latitude() == null) != (body.longitude() == null)) {
			errors.add(body.latitude() == null ? "location.latitude" : "location.longitude", "coordinate-pair");
		}
		if (address == null && regency == null && body.latitude() == null) {
			return null;
		}
		return new Location(address, regency, body.latitude(), body.longitude());
	}

	/**
	 * The decree's contact rule: a LAPOR account, an e-mail address, a phone number or an
	 * identity number (one at least), each valid.
	 */
	private Reporter reporter(ReportRequests.ReporterBody body, Optional<Actor> actor,
			InvalidInputException.Collector errors) {
		ReportRequests.ReporterBody given = body == null ? new ReportRequests.ReporterBody(null, null, null, null)
				: body;
		String name = text(given.name(), "reporter.name", 200, false, errors);
		String email = null;
		if (blankToNull(given.email()) != null) {
			email = EmailAddress.parse(given.email()).map(EmailAddress::value).orElse(null);
			if (email == null) {
				errors.add("reporter.email", "email");
			}
		}
		String phone = null;
		if (blankToNull(given.phone()) != null) {
			phone = PhoneNumber.parse(given.phone()).map(PhoneNumber::e164).orElse(null);
			if (phone == null) {
				errors.add("reporter.phone", "phone");
			}
		}
		String nik = null;
		if (blankToNull(given.identityNumber()) != null) {
			nik = IdentityNumber.parse(given.identityNumber()).map(IdentityNumber::value).orElse(null);
			if (nik == null) {
				errors.add("reporter.identityNumber", "identity-number");
			}
		}
		var account = actor.filter(a -> a.role() == Role.REPORTER && a.hasAccount()).map(Actor::userId).orElse(null);
		Reporter reporter = new Reporter(name, email, phone, nik, account);
		boolean anyTyped = blankToNull(given.email()) != null || blankToNull(given.phone()) != null
				|| blankToNull(given.identityNumber()) != null;
		if (!reporter.isReachable() && !anyTyped) {
			errors.add("reporter", "contact-required");
		}
		return reporter;
	}

	/** The text of an internal note: required, at most {@link #TEXT_MAX} characters. */
	public String note(String text) {
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		String note = text(text, "text", TEXT_MAX, true, errors);
		errors.throwIfAny();
		return note;
	}

	/** Checks the fields an action requires by the SOP table, and the rules of each. */
	public void validate(Transition row, ActionBody body, Actor by, Report report) {
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		for (String field : row.requires()) {
			if (blankToNull(body.field(field)) == null) {
				errors.add(field, "required");
			}
		}
		for (String field : new String[] { "note", "reason", "answer", "message", "comment" }) {
			String value = body.field(field);
			if (value != null && value.length() > (field.equals("answer") ? DESCRIPTION_MAX : TEXT_MAX)) {
				errors.add(field, "size");
			}
		}
		Action action = row.action();
		if (action == Action.FORWARD && blankToNull(body.jurisdiction()) != null
				&& this.directory.jurisdiction(body.jurisdiction()).isEmpty()) {
			errors.add("jurisdiction", "unknown-jurisdiction", body.jurisdiction());
		}
		if (action == Action.ASSIGN && blankToNull(body.agency()) != null) {
			Optional<Agency> agency = this.directory.agency(body.agency());
			LocalDate today = LocalDate.now(this.clock.withZone(WorkingCalendar.JAKARTA));
			if (agency.isEmpty() || !agency.get().jurisdiction().equals(report.jurisdiction())) {
				errors.add("agency", "unknown-agency", body.agency());
			}
			else if (!agency.get().isActiveOn(today)) {
				errors.add("agency", "inactive-agency", body.agency(),
						agency.get().successor() == null ? "-" : agency.get().successor());
			}
			else if (!this.routing.allows(report.category(), report.jurisdiction(), report.accusedAgency(),
					agency.get().code())) {
				if (agency.get().code().equals(report.accusedAgency())) {
					errors.add("agency", "accused-agency", agency.get().name());
				}
				else {
					String required = this.routing.required(report.category(), report.jurisdiction(),
							report.accusedAgency()).orElseThrow();
					errors.add("agency", "sensitive-agency",
							this.directory.agency(required).map(Agency::name).orElse(required));
				}
			}
		}
		if (action == Action.VERIFY) {
			if (Boolean.FALSE.equals(body.anonymous()) && report.anonymous()) {
				errors.add("anonymous", "cannot-unset");
			}
			if (Boolean.FALSE.equals(body.confidential()) && report.confidential()) {
				errors.add("confidential", "cannot-unset");
			}
		}
		if (action == Action.CLOSE && by.role() == Role.REPORTER) {
			if (body.rating() == null) {
				errors.add("rating", "required");
			}
			else if (body.rating() < 1 || body.rating() > 5) {
				errors.add("rating", "rating");
			}
		}
		errors.throwIfAny();
	}

	/**
	 * The phrases to hide: at most {@value Redactions#MAX_PHRASES}, each
	 * {@value Redactions#MIN_LENGTH} to {@value Redactions#MAX_LENGTH} characters and found in
	 * one of the report's texts (a phrase that is nowhere is a typing mistake, and hides nothing).
	 */
	Redactions validate(ReportRequests.RedactionBody body, List<String> texts) {
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		if (body == null || body.phrases() == null) {
			errors.add("phrases", "required");
			errors.throwIfAny();
		}
		Redactions phrases = Redactions.of(body.phrases());
		if (phrases.phrases().size() > Redactions.MAX_PHRASES) {
			errors.add("phrases", "max-items", Redactions.MAX_PHRASES);
		}
		for (String phrase : phrases.phrases()) {
			if (phrase.length() < Redactions.MIN_LENGTH || phrase.length() > Redactions.MAX_LENGTH) {
				errors.add("phrases", "phrase-length", phrase, Redactions.MIN_LENGTH, Redactions.MAX_LENGTH);
			}
			else if (texts.stream().noneMatch(text -> Redactions.occursIn(phrase, text))) {
				errors.add("phrases", "phrase-absent", phrase);
			}
		}
		errors.throwIfAny();
		return phrases;
	}

	private static String text(String value, String field, int max, boolean required,
			InvalidInputException.Collector errors) {
		String stripped = blankToNull(value);
		if (stripped == null) {
			if (required) {
				errors.add(field, "required");
			}
			return null;
		}
		if (stripped.length() > max) {
			errors.add(field, "max-length", max);
		}
		return stripped;
	}

	static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
