package id.go.jambiprov.lapor.sop;

import java.io.InputStream;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.account.Role;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The shipped SOP definition holds every row of both tables of DESIGN.md section 3.
 */
class SopDefinitionTests {

	static SopDefinition load() throws Exception {
		try (InputStream in = SopDefinitionTests.class.getResourceAsStream("/sop/jambi-2022.json")) {
			return JsonMapper.builder()
				.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
				.build()
				.readValue(in, SopDefinition.class);
		}
	}

	record Row(String action, List<ReportStatus> from, ReportStatus to, Set<Role> actors, String step,
			TimeStandard standard) {
	}

	@Test
	void theDecreeAndNationalPracticeRowsAreAllThere() throws Exception {
		SopDefinition sop = load();
		List<Row> expected = List.of(
				new Row("forward", List.of(ReportStatus.SUBMITTED, ReportStatus.RETURN_RECEIVED), ReportStatus.FORWARDED,
						Set.of(Role.NATIONAL_ADMIN), "2", new TimeStandard(3, TimeUnit.WORKING_DAYS)),
				new Row("receive", List.of(ReportStatus.FORWARDED), ReportStatus.RECEIVED, Set.of(Role.COORDINATOR), "3",
						new TimeStandard(1, TimeUnit.WORKING_DAYS)),
				new Row("verify", List.of(ReportStatus.RECEIVED), ReportStatus.VERIFIED, Set.of(Role.COORDINATOR), "4",
						new TimeStandard(10, TimeUnit.MINUTES)),
				new Row("return", List.of(ReportStatus.RECEIVED), ReportStatus.RETURNED, Set.of(Role.COORDINATOR), "4",
						new TimeStandard(10, TimeUnit.MINUTES)),
				new Row("acknowledge-return", List.of(ReportStatus.RETURNED), ReportStatus.RETURN_RECEIVED,
						Set.of(Role.NATIONAL_ADMIN), "5", new TimeStandard(1, TimeUnit.WORKING_DAYS)),
				new Row("assign", List.of(ReportStatus.VERIFIED), ReportStatus.ASSIGNED, Set.of(Role.COORDINATOR), "6",
						new TimeStandard(10, TimeUnit.MINUTES)),
				new Row("dispose", List.of(ReportStatus.ASSIGNED), ReportStatus.DISPOSED, Set.of(Role.COORDINATOR), "7",
						new TimeStandard(5, TimeUnit.MINUTES)),
				new Row("accept", List.of(ReportStatus.DISPOSED), ReportStatus.IN_PROGRESS, Set.of(Role.LIAISON), "8",
						new TimeStandard(5, TimeUnit.MINUTES)),
				new Row("answer", List.of(ReportStatus.IN_PROGRESS), ReportStatus.ANSWERED, Set.of(Role.LIAISON), "8",
						new TimeStandard(5, TimeUnit.WORKING_DAYS)),
				new Row("decline", List.of(ReportStatus.DISPOSED, ReportStatus.IN_PROGRESS), ReportStatus.VERIFIED,
						Set.of(Role.LIAISON), null, null),
				new Row("hold", List.of(ReportStatus.RECEIVED, ReportStatus.VERIFIED), ReportStatus.ON_HOLD,
						Set.of(Role.COORDINATOR), null, null),
				new Row("archive", List.of(ReportStatus.SUBMITTED, ReportStatus.RECEIVED), ReportStatus.ARCHIVED,
						Set.of(Role.NATIONAL_ADMIN, Role.COORDINATOR), null, null),
				new Row("reply", List.of(ReportStatus.ANSWERED), ReportStatus.IN_PROGRESS, Set.of(Role.REPORTER), null,
						null),
				new Row("close", List.of(ReportStatus.ANSWERED), ReportStatus.CLOSED, Set.of(Role.REPORTER, Role.SYSTEM),
						null, null));
		for (Row row : expected) {
			Transition transition = sop.transitions()
				.stream()
				.filter(t -> t.action().path().equals(row.action()))
				.findFirst()
				.orElseThrow();
			assertThat(transition.from()).as(row.action()).containsExactlyElementsOf(row.from());
			assertThat(transition.to()).as(row.action()).isEqualTo(row.to());
			assertThat(transition.actors()).as(row.action()).isEqualTo(row.actors());
			assertThat(transition.step()).as(row.action()).isEqualTo(row.step());
			assertThat(transition.timeStandard()).as(row.action()).isEqualTo(row.standard());
		}
		Transition submit = sop.initial(Action.SUBMIT);
		assertThat(submit.to()).isEqualTo(ReportStatus.SUBMITTED);
		assertThat(submit.timeStandard()).isEqualTo(new TimeStandard(1, TimeUnit.WORKING_DAYS));
		Transition resume = sop.transition(Action.RESUME, ReportStatus.ON_HOLD).orElseThrow();
		assertThat(resume.toPrevious()).isTrue();
		assertThat(resume.actors()).containsExactlyInAnyOrder(Role.COORDINATOR, Role.REPORTER);
		assertThat(sop.steps()).hasSize(8);
		Transition heldTooLong = sop.transition(Action.ARCHIVE, ReportStatus.ON_HOLD).orElseThrow();
		assertThat(heldTooLong.actors()).containsExactlyInAnyOrder(Role.NATIONAL_ADMIN, Role.COORDINATOR, Role.SYSTEM);
		assertThat(heldTooLong.timeout().after()).isEqualTo(new TimeStandard(10, TimeUnit.WORKING_DAYS));
		Transition autoClose = sop.timeoutFrom(ReportStatus.ANSWERED).orElseThrow();
		assertThat(autoClose.action()).isEqualTo(Action.CLOSE);
		assertThat(autoClose.timeout().after()).isEqualTo(new TimeStandard(10, TimeUnit.WORKING_DAYS));
	}

	@Test
	void allowedActionsComeFromTheTable() throws Exception {
		SopDefinition sop = load();
		assertThat(sop.allowedActions(ReportStatus.RECEIVED, Role.COORDINATOR)).containsExactly(Action.VERIFY,
				Action.RETURN, Action.LINK, Action.HOLD, Action.ARCHIVE);
		assertThat(sop.allowedActions(ReportStatus.RECEIVED, Role.LIAISON)).isEmpty();
		assertThat(sop.awaiting(Role.NATIONAL_ADMIN)).containsExactlyInAnyOrder(ReportStatus.SUBMITTED,
				ReportStatus.RETURNED, ReportStatus.RETURN_RECEIVED);
		// recall is a way out, not work: a report at an agency does not wait for the coordinator
		assertThat(sop.allowedActions(ReportStatus.DISPOSED, Role.COORDINATOR)).contains(Action.RECALL);
		assertThat(sop.awaiting(Role.COORDINATOR)).doesNotContain(ReportStatus.DISPOSED, ReportStatus.IN_PROGRESS);
		assertThat(sop.pendingStep(ReportStatus.IN_PROGRESS).orElseThrow().action()).isEqualTo(Action.ANSWER);
		assertThat(sop.pendingStep(ReportStatus.ON_HOLD)).isEmpty();
	}

	@Test
	void aDefinitionMissingAnActionIsRefused() throws Exception {
		SopDefinition sop = load();
		List<Transition> withoutClose = sop.transitions().stream().filter(t -> t.action() != Action.CLOSE).toList();
		assertThatThrownBy(() -> new SopDefinition("x", "1", "t", "d", sop.steps(), withoutClose))
			.hasMessageContaining("close");
	}

}
