package id.go.jambiprov.lapor.report;

import java.util.Map;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.support.ApiTestSupport;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The privacy rules of DESIGN.md section 4, each as the API enforces it.
 */
class PrivacyIntegrationTests extends ApiTestSupport {

	@Test
	void anAnonymousReportersIdentityReachesNeitherTheAgencyNorTheSupervisor() {
		Fixture report = reach(ReportStatus.IN_PROGRESS, true, false);
		for (String officer : new String[] { "dinkes", "pengawas" }) {
			JsonNode seen = view(report, officer);
			assertThat(seen.get("reporter").isNull()).isTrue();
			assertThat(seen.get("reporterHidden").asBoolean()).isTrue();
			assertThat(seen.toString()).doesNotContain("Budi", "budi@example.com", "+6281234567890");
			assertThat(timeline(report, officer).toString()).doesNotContain("Budi", "budi@example.com");
			String inbox = call(get("/api/v1/inbox").param("limit", "100").header("Authorization",
					"Bearer " + token(officer)), 200).toString();
			assertThat(inbox).doesNotContain("Budi", "budi@example.com", "+6281234567890");
		}
	}

	@Test
	void theReporterTheNationalAdminAndTheCoordinatorSeeAnAnonymousReporter() {
		Fixture report = reach(ReportStatus.VERIFIED, true, false);
		assertThat(view(report, "koordinator").get("reporter").get("name").asString()).isEqualTo("Budi Santoso");
		assertThat(view(report, "nasional").get("reporter").get("phone").asString()).isEqualTo("+6281234567890");
		assertThat(viewAsReporter(report).get("reporter").get("email").asString()).isEqualTo("budi@example.com");
	}

	@Test
	void aNamedReporterIsVisibleToTheAgencyThatMustAnswerThem() {
		Fixture report = reach(ReportStatus.DISPOSED);
		assertThat(view(report, "dinkes").get("reporter").get("name").asString()).isEqualTo("Budi Santoso");
	}

	@Test
	void theCoordinatorCanMakeAReportAnonymousAndConfidentialButNeverUndoIt() {
		Fixture report = reach(ReportStatus.RECEIVED);
		JsonNode verified = act(report, "verify", "koordinator", Map.of("anonymous", true, "confidential", true));
		assertThat(verified.get("anonymous").asBoolean()).isTrue();
		assertThat(verified.get("confidential").asBoolean()).isTrue();

		Fixture flagged = reach(ReportStatus.RECEIVED, true, true);
		JsonNode refused = call(actionRequest(flagged, "verify", "koordinator",
				Map.of("anonymous", false, "confidential", false)), 400);
		assertThat(refused.get("errors").valueStream().map(e -> e.get("field").asString()).toList())
			.containsExactlyInAnyOrder("anonymous", "confidential");
	}

	@Test
	void publicTrackingShowsProgressButNeverContentOrIdentity() {
		Fixture report = reach(ReportStatus.DISPOSED);
		JsonNode tracked = call(get("/api/v1/track/{code}", report.code()), 200);
		assertThat(tracked.get("status").asString()).isEqualTo("DISPOSED");
		assertThat(tracked.get("history").size()).isEqualTo(6);
		assertThat(tracked.toString()).doesNotContain("Budi", "Jalan berlubang", "Sudirman", "koordinator", "DINKES",
				"Catatan");
	}

	@Test
	void aConfidentialReportIsNotTrackableWithoutItsAccessKey() {
		Fixture report = submit(false, true);
		call(get("/api/v1/track/{code}", report.code()), 404);
		call(get("/api/v1/track/{code}", report.code()).header("X-Access-Key", "WRONGKEY"), 404);
		call(get("/api/v1/track/{code}", report.code()).header("X-Access-Key", report.accessKey()), 200);
	}

	@Test
	void theReporterIsNeverShownTheNamesOfOfficersOrTheirInternalNotes() {
		Fixture report = reach(ReportStatus.DISPOSED);
		JsonNode timeline = timeline(report, null);
		assertThat(timeline.toString()).doesNotContain("koordinator", "nasional", "Catatan petugas");
	}

	@Test
	void anOfficerOutsideTheScopeFindsNothing() {
		Fixture report = reach(ReportStatus.DISPOSED);
		for (String outsider : new String[] { "koordinator-lain", "pengawas-lain", "putr", "disdik", "warga" }) {
			JsonNode problem = call(get("/api/v1/reports/{code}", report.code()).header("Authorization",
					"Bearer " + token(outsider)), 404);
			assertThat(problem.get("type").asString()).endsWith("/not-found");
			call(get("/api/v1/reports/{code}/timeline", report.code()).header("Authorization",
					"Bearer " + token(outsider)), 404);
		}
		call(get("/api/v1/reports/{code}", report.code()).header("X-Access-Key", "0000000000000000"), 404);
	}

	@Test
	void aMistypedCodeIsNotFoundRatherThanSomeoneElsesReport() {
		Fixture report = submit();
		char[] digits = report.code().toCharArray();
		digits[0] = digits[0] == '9' ? '8' : (char) (digits[0] + 1);
		call(get("/api/v1/reports/{code}", new String(digits)).header("X-Access-Key", report.accessKey()), 404);
		call(get("/api/v1/reports/{code}", report.code().replace("-", "")).header("X-Access-Key",
				report.accessKey().toLowerCase()), 200);
	}

}
