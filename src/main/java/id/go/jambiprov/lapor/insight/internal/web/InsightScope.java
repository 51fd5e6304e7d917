package id.go.jambiprov.lapor.insight.internal.web;

import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.CurrentActor;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.sop.WorkingCalendar;
import id.go.jambiprov.lapor.web.InvalidInputException;
import id.go.jambiprov.lapor.web.ProblemException;
import id.go.jambiprov.lapor.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Who sees which figures: the national admin every jurisdiction, coordinators and supervisors
 * their own, liaison officers their agency on the dashboard and nothing of the ranking.
 */
@Component
class InsightScope {

	/** What one officer may see. {@code jurisdiction} null: all; {@code agency} set: that agency only. */
	record Scope(Actor actor, @Nullable String jurisdiction, @Nullable String agency) {
	}

	private final CurrentActor actor;

	private final Clock clock;

	InsightScope(CurrentActor actor, Clock clock) {
		this.actor = actor;
		this.clock = clock;
	}

	Actor officer() {
		Actor me = this.actor.get()
			.orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED,
					"problem.unauthenticated"));
		if (!me.role().isOfficer()) {
			throw forbidden();
		}
		return me;
	}

	/** The scope of the dashboard: a liaison officer sees their agency. */
	Scope dashboard() {
		Actor me = officer();
		return switch (me.role()) {
			case NATIONAL_ADMIN -> new Scope(me, null, null);
			case LIAISON -> new Scope(me, me.jurisdiction(), me.agency());
			default -> new Scope(me, me.jurisdiction(), null);
		};
	}

	/** The scope of the ranking of agencies: not for a liaison officer. */
	Scope ranking() {
		Scope scope = dashboard();
		if (scope.actor().role() == Role.LIAISON) {
			throw forbidden();
		}
		return scope;
	}

	/** A month as {@code 2026-11}; without one, the month before the current one. */
	YearMonth month(@Nullable String value, String field) {
		YearMonth current = YearMonth.now(this.clock.withZone(WorkingCalendar.JAKARTA));
		if (value == null || value.isBlank()) {
			return current.minusMonths(1);
		}
		try {
			YearMonth month = YearMonth.parse(value.strip());
			if (month.isAfter(current) || month.getYear() < 2000) {
				throw new InvalidInputException.Collector().add(field, "range").asException();
			}
			return month;
		}
		catch (DateTimeParseException ex) {
			throw new InvalidInputException.Collector().add(field, "month").asException();
		}
	}

	static ProblemException forbidden() {
		return new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN_ACTION, "problem.forbidden-read");
	}

}
