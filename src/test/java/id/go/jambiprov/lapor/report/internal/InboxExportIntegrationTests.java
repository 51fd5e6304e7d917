package id.go.jambiprov.lapor.report.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import id.go.jambiprov.lapor.account.NewUser;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.account.UserAdministration;
import id.go.jambiprov.lapor.support.ApiTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * The inbox as CSV and XLSX: the inbox's scope and filters, the texts as the caller reads them,
 * no identity of an anonymous or confidential reporter for anyone, confidential reports marked,
 * cells that would start a formula neutralised, and every export on the record.
 */
class InboxExportIntegrationTests extends ApiTestSupport {

	private static final String JURISDICTION = "UJIEKSPOR";

	@Autowired
	UserAdministration users;

	private static Map<String, Fixture> reports;

	@BeforeEach
	void reports() {
		this.users.createIfAbsent(new NewUser("koordinator-ekspor", "rahasia123", "Koordinator ekspor", Role.COORDINATOR,
				JURISDICTION, null));
		this.users.createIfAbsent(new NewUser("pengawas-ekspor", "rahasia123", "Pengawas ekspor", Role.SUPERVISOR,
				JURISDICTION, null));
		this.users.createIfAbsent(new NewUser("penghubung-ekspor", "rahasia123", "Penghubung ekspor", Role.LIAISON,
				JURISDICTION, "EKSPOR_DINAS"));
		if (reports != null) {
			return;
		}
		reports = new HashMap<>();
		reports.put("open", file("Sampah menumpuk di pasar", "Terbuka Tono", false, false));
		reports.put("anonymous", file("Pungutan di loket", "Anonim Ani", true, false));
		reports.put("confidential", file("Perundungan di sekolah", "Rahasia Rudi", false, true));
		reports.put("formula", file("=HYPERLINK(\"http://jahat.example\",\"klik\")", "Rumus Rina", false, false));
		// all four at the agency, where the liaison and the supervisor see them too
		for (Fixture report : reports.values()) {
			act(report, "receive", "koordinator-ekspor");
			act(report, "verify", "koordinator-ekspor");
			act(report, "assign", "koordinator-ekspor", Map.of("agency", "EKSPOR_DINAS"));
			act(report, "dispose", "koordinator-ekspor");
		}
	}

	private Fixture file(String title, String name, boolean anonymous, boolean confidential) {
		Map<String, Object> body = reportBody(anonymous, confidential);
		body.put("title", title);
		body.put("reporter", Map.of("name", name, "email", name.toLowerCase().replace(' ', '.') + "@example.com",
				"phone", "0812-7777-0000"));
		JsonNode created = call(createRequest(body), 201);
		Fixture report = new Fixture(created.get("trackingCode").asString(), created.get("accessKey").asString());
		act(report, "forward", "nasional", Map.of("jurisdiction", JURISDICTION));
		return report;
	}

	private byte[] export(String username, MockHttpServletRequestBuilder request) throws Exception {
		MvcResult result = this.mvc.perform(request.header("Authorization", "Bearer " + token(username))).andReturn();
		if (result.getRequest().isAsyncStarted()) {
			result = this.mvc.perform(asyncDispatch(result)).andReturn();
		}
		assertThat(result.getResponse().getStatus()).as(result.getResponse().getContentAsString()).isEqualTo(200);
		assertThat(result.getResponse().getHeader("Content-Disposition")).contains("kotak-masuk-2026-11-23.");
		return result.getResponse().getContentAsByteArray();
	}

	private String csv(String username) throws Exception {
		return new String(export(username, get("/api/v1/inbox/export").param("format", "csv")), StandardCharsets.UTF_8);
	}

	private static String line(String csv, Fixture report) {
		return csv.lines().filter(l -> l.startsWith(report.code() + ",")).findFirst().orElseThrow();
	}

	@Test
	void theAgencysExportHoldsItsReportsAndNoProtectedIdentity() throws Exception {
		String csv = csv("penghubung-ekspor");
		assertThat(csv).startsWith("\uFEFFKode,Judul,Jenis,Status");
		assertThat(csv.lines()).hasSize(5);
		assertThat(line(csv, reports.get("open"))).contains("Terbuka Tono", "0812-7777-0000", "Dinas Ekspor",
				"didisposisikan ke Pejabat Penghubung", ",tidak,tidak,");
		assertThat(csv).doesNotContain("Anonim Ani").doesNotContain("anonim.ani@").doesNotContain("Rahasia Rudi")
			.doesNotContain("rahasia.rudi@");
		assertThat(line(csv, reports.get("anonymous"))).endsWith(",tidak,ya,dilindungi,dilindungi,dilindungi");
		assertThat(line(csv, reports.get("confidential"))).endsWith(",ya,tidak,dilindungi,dilindungi,dilindungi");
		// Jakarta times
		assertThat(line(csv, reports.get("open"))).contains(",2026-11-23 08:00,");
	}

	@Test
	void aCellThatWouldStartAFormulaIsNeutralised() throws Exception {
		String line = line(csv("penghubung-ekspor"), reports.get("formula"));
		assertThat(line).contains(",\"'=HYPERLINK(\"\"http://jahat.example\"\",\"\"klik\"\")\",");
	}

	@Test
	void theCoordinatorAndTheSupervisorGetTheirScopeUnderTheSameFilters() throws Exception {
		String supervisor = csv("pengawas-ekspor");
		assertThat(supervisor.lines()).hasSize(5);
		assertThat(supervisor).doesNotContain("Anonim Ani").doesNotContain("Rahasia Rudi");
		// the supervisor reads the name of an open report, never its contacts
		assertThat(line(supervisor, reports.get("open"))).contains("Terbuka Tono").doesNotContain("0812-7777-0000");
		// a text filter, as in the inbox
		String filtered = new String(export("pengawas-ekspor", get("/api/v1/inbox/export").param("q", "pasar")),
				StandardCharsets.UTF_8);
		assertThat(filtered.lines()).hasSize(2);
		assertThat(filtered).contains(reports.get("open").code());
		// the coordinator's inbox holds nothing of theirs now (all at the agency): only the header
		assertThat(csv("koordinator-ekspor").lines()).hasSize(1);
		// another jurisdiction sees none of them
		assertThat(csv("koordinator-lain")).doesNotContain(reports.get("open").code());
	}

	@Test
	void theXlsxHasRealDatesAndReadsBack() throws Exception {
		byte[] xlsx = export("penghubung-ekspor", get("/api/v1/inbox/export").param("format", "xlsx"));
		try (ReadableWorkbook workbook = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
			List<Row> rows = workbook.getFirstSheet().read();
			assertThat(rows).hasSize(5);
			assertThat(rows.get(0).getCellText(0)).isEqualTo("Kode");
			Row open = rows.stream().filter(r -> r.getCellText(0).equals(reports.get("open").code())).findFirst()
				.orElseThrow();
			assertThat(open.getCellAsDate(8)).hasValue(java.time.LocalDateTime.parse("2026-11-23T08:00"));
			assertThat(rows.stream().map(r -> r.getCellText(15))).doesNotContain("Anonim Ani", "Rahasia Rudi");
		}
	}

	@Test
	void everyExportIsRecordedAndBadInputIsRefused() throws Exception {
		long before = this.jdbc.sql("select count(*) from inbox_export where username = 'pengawas-ekspor'")
			.query(Long.class).single();
		export("pengawas-ekspor", get("/api/v1/inbox/export").param("status", "DISPOSED").param("q", "loket"));
		var last = this.jdbc.sql("""
				select filters, format, row_count, complete, role from inbox_export where username = 'pengawas-ekspor'
				order by id desc fetch first 1 rows only""").query().singleRow();
		assertThat(this.jdbc.sql("select count(*) from inbox_export where username = 'pengawas-ekspor'")
			.query(Long.class).single()).isEqualTo(before + 1);
		assertThat(last.get("filters")).isEqualTo("status=DISPOSED; q=loket");
		assertThat(last.get("format")).isEqualTo("CSV");
		assertThat(((Number) last.get("row_count")).longValue()).isEqualTo(1);
		assertThat(last.get("complete")).isEqualTo(true);
		assertThat(last.get("role")).isEqualTo("SUPERVISOR");
		// the record cannot be changed
		org.assertj.core.api.Assertions.assertThatThrownBy(() -> this.jdbc.sql("delete from inbox_export").update())
			.isInstanceOf(Exception.class);
		assertThat(status(get("/api/v1/inbox/export").param("format", "pdf")
			.header("Authorization", "Bearer " + token("pengawas-ekspor")))).isEqualTo(400);
		assertThat(status(get("/api/v1/inbox/export").param("status", "NOPE")
			.header("Authorization", "Bearer " + token("pengawas-ekspor")))).isEqualTo(400);
		assertThat(status(get("/api/v1/inbox/export"))).isEqualTo(401);
		assertThat(status(get("/api/v1/inbox/export").header("Authorization", "Bearer " + token("admin"))))
			.isEqualTo(403);
	}

}
