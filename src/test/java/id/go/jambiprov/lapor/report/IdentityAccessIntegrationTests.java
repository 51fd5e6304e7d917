package id.go.jambiprov.lapor.report;

import java.nio.charset.StandardCharsets;
import java.util.List;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.support.ApiTestSupport;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Every look at a protected reporter is on record (issue 12, item 3): who, in which role, when,
 * through what; readable by the national admin and the coordinator, counted for the reporter,
 * non-existent for everyone else, and never changed or deleted.
 */
class IdentityAccessIntegrationTests extends ApiTestSupport {

	private List<String> looks(Fixture report) {
		return this.jdbc.sql("""
				select a.username || ':' || a.role || ':' || a.via from identity_access a join report r on r.id = a.report_id
				where r.tracking_code = ? order by a.id""")
			.param(report.code().replace("-", ""))
			.query(String.class)
			.list();
	}

	private JsonNode accessLog(Fixture report, String username, int status) {
		return call(get("/api/v1/reports/{code}/access-log", report.code()).header("Authorization",
				"Bearer " + token(username)), status);
	}

	@Test
	void eachTimeAnOfficerIsShownAProtectedReporterARowIsAppended() {
		Fixture anonymous = reach(ReportStatus.VERIFIED, true, false);
		// an action's answer shows the report too: the three steps of the way here were looks
		assertThat(looks(anonymous)).containsExactly("nasional:NATIONAL_ADMIN:API", "koordinator:COORDINATOR:API",
				"koordinator:COORDINATOR:API");
		int before = looks(anonymous).size();
		view(anonymous, "koordinator");
		view(anonymous, "nasional");
		viewAsReporter(anonymous);
		assertThat(looks(anonymous)).hasSize(before + 2).endsWith("koordinator:COORDINATOR:API", "nasional:NATIONAL_ADMIN:API");

		Fixture confidential = reach(ReportStatus.RECEIVED, false, true);
		int steps = looks(confidential).size();
		view(confidential, "koordinator");
		assertThat(looks(confidential)).hasSize(steps + 1).last().isEqualTo("koordinator:COORDINATOR:API");

		Fixture open = reach(ReportStatus.RECEIVED);
		view(open, "koordinator");
		assertThat(looks(open)).as("a reporter who is not protected").isEmpty();
	}

	@Test
	void theAgencyIsNeverShownAnAnonymousReporterSoNothingIsRecordedForIt() {
		Fixture report = reach(ReportStatus.IN_PROGRESS, true, false);
		int before = looks(report).size();
		assertThat(view(report, "dinkes").get("reporter").isNull()).isTrue();
		assertThat(view(report, "pengawas").get("reporter").isNull()).isTrue();
		assertThat(looks(report)).hasSize(before);
	}

	@Test
	void theLogIsReadByTheNationalAdminAndTheCoordinatorCountedForTheReporterAndHiddenFromOthers() {
		Fixture report = reach(ReportStatus.DISPOSED, true, false);
		view(report, "koordinator");
		JsonNode log = accessLog(report, "koordinator", 200);
		assertThat(log.get(0).get("username").asString()).isEqualTo("koordinator");
		assertThat(log.get(0).get("role").asString()).isEqualTo("COORDINATOR");
		assertThat(log.get(0).get("via").asString()).isEqualTo("API");
		assertThat(accessLog(report, "nasional", 200).size()).isEqualTo(log.size());
		accessLog(report, "dinkes", 404);
		accessLog(report, "pengawas", 404);

		JsonNode mine = call(get("/api/v1/reports/{code}/access-log", report.code()).header("X-Access-Key",
				report.accessKey()), 200);
		assertThat(mine.size()).isEqualTo(log.size());
		assertThat(mine.get(0).get("username").isNull()).isTrue();
		assertThat(mine.toString()).doesNotContain("koordinator", "nasional");
		call(get("/api/v1/reports/{code}/access-log", report.code()), 401);
	}

	@Test
	void openingTheReportPageIsRecordedAndTheCoordinatorAndTheReporterSeeTheList() throws Exception {
		Fixture report = reach(ReportStatus.RECEIVED, true, false);
		int before = looks(report).size();
		Cookie session = this.mvc.perform(post("/masuk").with(csrf()).param("username", "koordinator")
			.param("password", "demo12345")).andReturn().getResponse().getCookie("SESSION");
		String page = this.mvc.perform(get("/petugas/laporan/{code}", report.code()).cookie(session))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(looks(report)).hasSize(before + 1).last().isEqualTo("koordinator:COORDINATOR:PAGE");
		assertThat(page).contains("Siapa melihat identitas pelapor", "oleh koordinator");
		// the agency chooser reads the report without showing its reporter
		this.mvc.perform(get("/petugas/laporan/{code}/opd", report.code()).param("q", "kes").cookie(session));
		assertThat(looks(report)).hasSize(before + 1);

		// the reporter, with code and key, reads how many times and when, never who
		var opened = this.mvc.perform(post("/laporan").with(csrf()).param("kode", report.code())
			.param("kunci", report.accessKey())).andReturn();
		String mine = this.mvc.perform(get(opened.getResponse().getRedirectedUrl())
			.cookie(opened.getResponse().getCookie("SESSION")))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(mine).contains("Siapa yang melihat identitas Anda",
				"Identitas Anda ditampilkan kepada petugas " + looks(report).size() + " kali")
			.doesNotContain("oleh koordinator", "oleh nasional");
	}

	@Test
	void theLogOnlyGrows() {
		Fixture report = reach(ReportStatus.RECEIVED, true, false);
		view(report, "koordinator");
		assertThatThrownBy(() -> this.jdbc.sql("update identity_access set username = 'x'").update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("delete from identity_access").update())
			.hasMessageContaining("append-only");
	}

}
