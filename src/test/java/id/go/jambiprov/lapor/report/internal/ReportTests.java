package id.go.jambiprov.lapor.report.internal;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.report.Channel;
import id.go.jambiprov.lapor.report.DeadlinesRecomputed;
import id.go.jambiprov.lapor.report.ReportRedacted;
import id.go.jambiprov.lapor.report.ReportSubmitted;
import id.go.jambiprov.lapor.report.ReportTransitioned;
import id.go.jambiprov.lapor.report.ReportType;
import id.go.jambiprov.lapor.report.TrackingCode;
import id.go.jambiprov.lapor.sop.Action;
import id.go.jambiprov.lapor.sop.Deadlines;
import id.go.jambiprov.lapor.sop.OfficeHours;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.sop.SopDefinition;
import id.go.jambiprov.lapor.sop.TimeStandard;
import id.go.jambiprov.lapor.sop.TimeUnit;
import id.go.jambiprov.lapor.sop.Transition;
import id.go.jambiprov.lapor.sop.WorkingCalendar;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The aggregate alone, without Spring or a database: every row of the SOP table, for every
 * status it starts from and every role, is allowed exactly for the row's actors and refused
 * for every other role; every action refused in every status the table has no row for. States
 * are reached through the real transitions.
 */
class ReportTests {

	private static final SopDefinition SOP = load();

	private static final Instant MONDAY_MORNING = Instant.parse("2026-11-23T01:00:00Z");

	private static final Map<Role, Actor> ACTORS = Map.of(
			Role.NATIONAL_ADMIN, new Actor(UUID.randomUUID(), "nasional", Role.NATIONAL_ADMIN, null, null),
			Role.COORDINATOR, new Actor(UUID.randomUUID(), "koordinator", Role.COORDINATOR, "JAMBI", null),
			Role.LIAISON, new Actor(UUID.randomUUID(), "dinkes", Role.LIAISON, "JAMBI", "DINKES"),
			Role.SUPERVISOR, new Actor(UUID.randomUUID(), "pengawas", Role.SUPERVISOR, "JAMBI", null),
			Role.SYSTEM_ADMIN, new Actor(UUID.randomUUID(), "admin", Role.SYSTEM_ADMIN, null, null),
			Role.REPORTER, Actor.accessKeyHolder(),
			Role.SYSTEM, Actor.system());

	/** How each status is reached from a new report, by whom. */
	private static final Map<ReportStatus, List<Action>> PATHS = Map.ofEntries(
			Map.entry(ReportStatus.SUBMITTED, List.of()),
			Map.entry(ReportStatus.FORWARDED, List.of(Action.FORWARD)),
			Map.entry(ReportStatus.RECEIVED, List.of(Action.FORWARD, Action.RECEIVE)),
			Map.entry(ReportStatus.VERIFIED, List.of(Action.FORWARD, Action.RECEIVE, Action.VERIFY)),
			Map.entry(ReportStatus.RETURNED, List.of(Action.FORWARD, Action.RECEIVE, Action.RETURN)),
			Map.entry(ReportStatus.RETURN_RECEIVED,
					List.of(Action.FORWARD, Action.RECEIVE, Action.RETURN, Action.ACKNOWLEDGE_RETURN)),
			Map.entry(ReportStatus.ASSIGNED, List.of(Action.FORWARD, Action.RECEIVE, Action.VERIFY, Action.ASSIGN)),
			Map.entry(ReportStatus.DISPOSED,
					List.of(Action.FORWARD, Action.RECEIVE, Action.VERIFY, Action.ASSIGN, Action.DISPOSE)),
			Map.entry(ReportStatus.IN_PROGRESS,
					List.of(Action.FORWARD, Action.RECEIVE, Action.VERIFY, Action.ASSIGN, Action.DISPOSE, Action.ACCEPT)),
			Map.entry(ReportStatus.ANSWERED, List.of(Action.FORWARD, Action.RECEIVE, Action.VERIFY, Action.ASSIGN,
					Action.DISPOSE, Action.ACCEPT, Action.ANSWER)),
			Map.entry(ReportStatus.CLOSED, List.of(Action.FORWARD, Action.RECEIVE, Action.VERIFY, Action.ASSIGN,
					Action.DISPOSE, Action.ACCEPT, Action.ANSWER, Action.CLOSE)),
			Map.entry(ReportStatus.ON_HOLD, List.of(Action.FORWARD, Action.RECEIVE, Action.HOLD)),
			Map.entry(ReportStatus.ARCHIVED, List.of(Action.ARCHIVE)),
			Map.entry(ReportStatus.LINKED, List.of(Action.FORWARD, Action.RECEIVE, Action.LINK)));

	private static SopDefinition load() {
		try (InputStream in = ReportTests.class.getResourceAsStream("/sop/jambi-2022.json")) {
			return JsonMapper.builder()
				.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
				.build()
				.readValue(in, SopDefinition.class);
		}
		catch (java.io.IOException failed) {
			throw new IllegalStateException(failed);
		}
	}

	private static Deadlines deadlines(Set<LocalDate> daysOff) {
		WorkingCalendar calendar = new WorkingCalendar(OfficeHours.perpres21of2023(), daysOff, WorkingCalendar.JAKARTA);
		return new Deadlines() {
			@Override
			public Instant dueAt(Instant start, TimeStandard standard) {
				return calendar.dueAt(start, standard);
			}

			@Override
			public WorkingCalendar calendar() {
				return calendar;
			}
		};
	}

	private static Workflow workflow(Instant now) {
		return workflow(now, Set.of());
	}

	private static Workflow workflow(Instant now, Set<LocalDate> daysOff) {
		return new Workflow(SOP, deadlines(daysOff), now,
				new Workflow.ClockPolicy(new TimeStandard(5, TimeUnit.WORKING_DAYS),
						new TimeStandard(60, TimeUnit.CALENDAR_DAYS)));
	}

	private static Report submitted() {
		NewReport data = new NewReport(ReportType.COMPLAINT, "Jalan berlubang", "Di depan pasar.", null, null,
				"JALAN_JEMBATAN", Channel.WEB, false, false,
				new Reporter("Budi", "budi@example.com", null, null, null, null));
		Report report = Report.submit(data, TrackingCode.random(), "hash", Actor.accessKeyHolder(), workflow(MONDAY_MORNING));
		report.saved(0);
		report.pullEvents();
		return report;
	}

	private static Report reach(ReportStatus status) {
		Report report = submitted();
		for (Action action : PATHS.get(status)) {
			Transition row = SOP.transition(action, report.status()).orElseThrow();
			Role role = row.actors().stream().filter(r -> r != Role.SYSTEM).findFirst().orElse(Role.SYSTEM);
			take(report, action, ACTORS.get(role), workflow(MONDAY_MORNING));
		}
		report.pullEvents();
		assertThat(report.status()).isEqualTo(status);
		return report;
	}

	private static void take(Report report, Action action, Actor by, Workflow workflow) {
		switch (action) {
			case FORWARD -> report.forward(by, "JAMBI", null, workflow);
			case RECEIVE -> report.receive(by, workflow);
			case VERIFY -> report.verify(by, null, false, false, workflow);
			case RETURN -> report.returnToNational(by, "Bukan kewenangan provinsi", workflow);
			case ACKNOWLEDGE_RETURN -> report.acknowledgeReturn(by, workflow);
			case ASSIGN -> report.assign(by, "DINKES", null, workflow);
			case DISPOSE -> report.dispose(by, null, workflow);
			case ACCEPT -> report.accept(by, workflow);
			case ANSWER -> report.answer(by, "Sudah ditangani.", workflow);
			case DECLINE -> report.decline(by, "Bukan tugas kami", workflow);
			case HOLD -> report.hold(by, "Mohon lokasi yang tepat", workflow);
			case RESUME -> report.resume(by, null, workflow);
			case ARCHIVE -> report.archive(by, "Tidak dapat dipahami", workflow);
			case REPLY -> report.reply(by, "Belum selesai", workflow);
			case CLOSE -> report.close(by, 5, null, workflow);
			case RECALL -> report.recall(by, "Salah Perangkat Daerah", workflow);
			case HAND_OVER -> report.handOver(by, "DINKES_BARU", workflow);
			case LINK -> report.link(by, java.util.UUID.randomUUID(), "1234-5678-9012", workflow);
			case UNLINK -> report.unlink(by, null, workflow);
			case OMBUDSMAN_REQUEST -> report.requestOmbudsman(by, false, workflow);
			case OMBUDSMAN_HANDOVER -> report.handToOmbudsman(by, null, true, false, workflow);
			case SUBMIT -> throw new IllegalArgumentException("submit starts a report");
		}
	}

	@TestFactory
	List<DynamicTest> everyRowIsTakenByItsActorsAndRefusedToEveryOtherRole() {
		List<DynamicTest> tests = new ArrayList<>();
		for (Transition row : SOP.transitions()) {
			if (row.action() == Action.SUBMIT) {
				continue;
			}
			for (ReportStatus from : row.from()) {
				for (Role role : Role.values()) {
					tests.add(DynamicTest.dynamicTest(row.action().path() + " from " + from + " by " + role, () -> {
						Report report = reach(from);
						Instant later = MONDAY_MORNING.plus(Duration.ofMinutes(3));
						if (row.isTakenBy(role)) {
							take(report, row.action(), ACTORS.get(role), workflow(later));
							// a held report goes back to where it was held (RECEIVED on the path here)
							ReportStatus expected = row.toPrevious() ? ReportStatus.RECEIVED : row.to();
							assertThat(report.status()).isEqualTo(expected);
							List<Object> events = report.pullEvents();
							// closing with a rating tells the figures of the rating too; a recall tells the agency
							assertThat(events.stream().filter(e -> !(e instanceof ReportTransitioned)).toList())
								.allSatisfy(e -> {
									if (e instanceof id.go.jambiprov.lapor.report.ReportRecalled recalled) {
										assertThat(row.action()).isEqualTo(Action.RECALL);
										assertThat(recalled.agency()).isEqualTo("DINKES");
									}
									else {
										assertThat(e).isInstanceOfSatisfying(id.go.jambiprov.lapor.report.ReportRated.class,
												rated -> assertThat(row.action()).isEqualTo(Action.CLOSE));
									}
								});
							assertThat(events.stream().filter(e -> e instanceof ReportTransitioned).toList()).singleElement()
								.isInstanceOfSatisfying(ReportTransitioned.class, e -> {
								assertThat(e.action()).isEqualTo(row.action());
								assertThat(e.from()).isEqualTo(from);
								assertThat(e.to()).isEqualTo(expected);
								assertThat(e.actorRole()).isEqualTo(role);
								assertThat(e.at()).isEqualTo(later);
								assertThat(e.sequence()).isEqualTo(PATHS.get(from).size() + 2);
							});
						}
						else {
							if (SOP.actorsOf(row.action()).contains(role)) {
								// the role takes this action from another status: refused by the state
								assertThatThrownBy(() -> take(report, row.action(), ACTORS.get(role), workflow(later)))
									.isInstanceOf(ReportRefusal.WrongState.class);
							}
							else {
								assertThatThrownBy(() -> take(report, row.action(), ACTORS.get(role), workflow(later)))
									.isInstanceOfSatisfying(ReportRefusal.RoleRefused.class,
											refused -> assertThat(refused.action()).isEqualTo(row.action().path()));
							}
							assertThat(report.status()).isEqualTo(from);
							assertThat(report.pullEvents()).isEmpty();
						}
					}));
				}
			}
		}
		return tests;
	}

	@TestFactory
	List<DynamicTest> everyActionIsRefusedInEveryStatusWithoutARow() {
		List<DynamicTest> tests = new ArrayList<>();
		for (ReportStatus status : PATHS.keySet()) {
			for (Action action : Action.values()) {
				if (action == Action.SUBMIT || !action.inTable() || SOP.transition(action, status).isPresent()) {
					continue;
				}
				tests.add(DynamicTest.dynamicTest(action.path() + " in " + status, () -> {
					Report report = reach(status);
					Role anyActor = SOP.actorsOf(action).iterator().next();
					assertThatThrownBy(() -> take(report, action, ACTORS.get(anyActor), workflow(MONDAY_MORNING)))
						.isInstanceOfSatisfying(ReportRefusal.WrongState.class, refused -> {
							assertThat(refused.action()).isEqualTo(action);
							assertThat(refused.current()).isEqualTo(status);
						});
					assertThat(report.status()).isEqualTo(status);
					assertThat(report.pullEvents()).isEmpty();
				}));
			}
		}
		return tests;
	}

	@Test
	void aNewReportIsSubmittedWithItsClockRunning() {
		NewReport data = new NewReport(ReportType.ASPIRATION, "Taman kota", "Mohon taman bermain.", null, null,
				"LAINNYA", Channel.WEB, true, false, new Reporter(null, null, "081234567890", null, null, null));
		Report report = Report.submit(data, TrackingCode.random(), "hash", Actor.accessKeyHolder(),
				workflow(MONDAY_MORNING));
		assertThat(report.status()).isEqualTo(ReportStatus.SUBMITTED);
		// forward is due within 3 working days: at the close of Thursday 26 November
		assertThat(report.stepDueAt()).isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
		assertThat(report.pullEvents()).hasSize(2).hasAtLeastOneElementOfType(ReportSubmitted.class)
			.hasAtLeastOneElementOfType(ReportTransitioned.class);
	}

	@Test
	void theSystemTimesOutAHoldAndClosesAnAnsweredReport() {
		Report held = reach(ReportStatus.ON_HOLD);
		held.timeOut("timeout.no-reply-from-reporter", workflow(held.timeoutAt()));
		assertThat(held.status()).isEqualTo(ReportStatus.ARCHIVED);
		Report answered = reach(ReportStatus.ANSWERED);
		answered.timeOut("timeout.no-reply-after-answer", workflow(answered.timeoutAt()));
		assertThat(answered.status()).isEqualTo(ReportStatus.CLOSED);
		Report working = reach(ReportStatus.IN_PROGRESS);
		assertThatThrownBy(() -> working.timeOut("x", workflow(MONDAY_MORNING)))
			.isInstanceOf(ReportRefusal.WrongState.class);
	}

	@Test
	void aDayOffMovesTheRunningDeadlinesAndOnlyThoseThatRun() {
		Report held = reach(ReportStatus.ON_HOLD);
		Report working = reach(ReportStatus.IN_PROGRESS);
		Report closed = reach(ReportStatus.CLOSED);
		Instant heldTimeout = held.timeoutAt();
		Instant heldReminder = held.reminderAt();
		Instant resolution = working.resolutionDueAt();
		Instant closedResolution = closed.resolutionDueAt();
		Set<LocalDate> wednesdayOff = Set.of(LocalDate.parse("2026-11-25"));
		Workflow changed = workflow(MONDAY_MORNING.plus(Duration.ofHours(1)), wednesdayOff);

		assertThat(held.recomputeDeadlines(changed)).isTrue();
		assertThat(held.timeoutAt()).isEqualTo(heldTimeout.plus(Duration.ofDays(1)));
		assertThat(held.reminderAt()).isEqualTo(heldReminder.plus(Duration.ofDays(1)));
		assertThat(held.pullEvents()).singleElement().isInstanceOf(DeadlinesRecomputed.class);

		assertThat(working.recomputeDeadlines(changed)).isTrue();
		assertThat(working.resolutionDueAt()).isEqualTo(resolution.plus(Duration.ofDays(1)));
		assertThat(working.pullEvents()).singleElement().isInstanceOfSatisfying(DeadlinesRecomputed.class,
				e -> assertThat(e.resolutionDueAt()).isEqualTo(working.resolutionDueAt()));

		// the resolution clock stopped at the answer, and a closed report has no clock left
		assertThat(closed.recomputeDeadlines(changed)).isFalse();
		assertThat(closed.resolutionDueAt()).isEqualTo(closedResolution);
		assertThat(closed.pullEvents()).isEmpty();

		// computing again on an unchanged calendar moves nothing
		assertThat(held.recomputeDeadlines(changed)).isFalse();
		assertThat(held.pullEvents()).isEmpty();
	}

	@Test
	void onlyTheCoordinatorAndTheNationalAdminRedactAndARedactionMovesNoClock() {
		for (ReportStatus status : ReportStatus.values()) {
			Report report = reach(status);
			report.pullEvents();
			Instant due = report.stepDueAt();
			for (Role role : Role.values()) {
				Redactions phrases = Redactions.of(List.of("berlubang"));
				if (role == Role.COORDINATOR || role == Role.NATIONAL_ADMIN) {
					report.redact(ACTORS.get(role), phrases, MONDAY_MORNING);
					assertThat(report.pullEvents()).singleElement()
						.isInstanceOfSatisfying(ReportRedacted.class, e -> {
							assertThat(e.actorRole()).isEqualTo(role);
							assertThat(e.phraseCount()).isEqualTo(1);
						});
				}
				else {
					assertThatThrownBy(() -> report.redact(ACTORS.get(role), phrases, MONDAY_MORNING))
						.isInstanceOfSatisfying(ReportRefusal.RoleRefused.class,
								refused -> assertThat(refused.action()).isEqualTo("redact"));
					assertThat(report.pullEvents()).isEmpty();
				}
			}
			assertThat(report.status()).isEqualTo(status);
			assertThat(report.stepDueAt()).isEqualTo(due);
			assertThat(report.redactions().apply(report.title())).isEqualTo("Jalan [disamarkan]");
			assertThat(report.title()).isEqualTo("Jalan berlubang");
		}
	}

	@Test
	void aRedactionHidesEveryOccurrenceWhateverItsCaseLongestPhraseFirst() {
		Redactions phrases = Redactions.of(List.of("Budi", " budi santoso \n0812-3456", "BUDI", "", "  "));
		assertThat(phrases.phrases()).containsExactly("budi santoso", "0812-3456", "Budi");
		assertThat(phrases.apply("Saya Budi Santoso (0812-3456), budi di sini. Budiman."))
			.isEqualTo("Saya [disamarkan] ([disamarkan]), [disamarkan] di sini. [disamarkan]man.");
		assertThat(Redactions.parse(phrases.stored())).isEqualTo(phrases);
		assertThat(Redactions.parse(null).stored()).isNull();
		assertThat(Redactions.NONE.apply("Budi")).isEqualTo("Budi");
		assertThat(phrases.apply("a+b (x) $1 \\ Budi")).isEqualTo("a+b (x) $1 \\ [disamarkan]");
	}

}
