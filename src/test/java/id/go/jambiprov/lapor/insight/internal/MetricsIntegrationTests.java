package id.go.jambiprov.lapor.insight.internal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.support.ApiTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

/**
 * Prometheus reads the service's own figures at {@code /actuator/prometheus}, from loopback and
 * the monitoring networks only; every answer names its request id.
 */
class MetricsIntegrationTests extends ApiTestSupport {

	@Autowired
	OperationalMetrics metrics;

	private MockHttpServletResponse scrape(String from) throws Exception {
		return this.mvc.perform(get("/actuator/prometheus").with(request -> {
			request.setRemoteAddr(from);
			return request;
		})).andReturn().getResponse();
	}

	@Test
	void theMonitoringReadsTheServicesOwnFigures() throws Exception {
		reach(ReportStatus.VERIFIED);
		this.mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/auth/token")
			.contentType("application/json")
			.content("{\"username\":\"koordinator\",\"password\":\"salah\"}"));
		this.metrics.refresh();
		MockHttpServletResponse scraped = scrape("127.0.0.1");
		assertThat(scraped.getStatus()).isEqualTo(200);
		String text = scraped.getContentAsString(StandardCharsets.UTF_8);
		assertThat(text).contains("lapor_reports{jurisdiction=\"JAMBI\",status=\"VERIFIED\"}",
				"lapor_reports_overdue", "lapor_queue_oldest_seconds{queue=\"inbound\"}",
				"lapor_queue_failed{queue=\"mail-outbox\"}", "lapor_sla_sweep_lag_seconds",
				"lapor_sla_sweep_seconds_count", "lapor_signin_failures_total", "jvm_memory_used_bytes",
				"http_server_requests_seconds_count");
	}

	/** The alert rules and the dashboard name only series the service exports. */
	@Test
	void theAlertRulesAndTheDashboardAskForSeriesThatExist() throws Exception {
		this.metrics.refresh();
		String text = scrape("127.0.0.1").getContentAsString(StandardCharsets.UTF_8);
		java.util.Map<String, Object> rules = new org.yaml.snakeyaml.Yaml()
			.load(java.nio.file.Files.readString(java.nio.file.Path.of("ops/prometheus/lapor-alerts.yml")));
		assertThat(rules).containsKey("groups");
		String dashboard = java.nio.file.Files.readString(java.nio.file.Path.of("ops/grafana/lapor-jambi.json"));
		String alerts = java.nio.file.Files.readString(java.nio.file.Path.of("ops/prometheus/lapor-alerts.yml"));
		java.util.regex.Matcher series = java.util.regex.Pattern.compile("\\b(lapor_[a-z_]+|jvm_[a-z_]+|http_server_[a-z_]+)")
			.matcher(dashboard + alerts);
		java.util.Set<String> named = new java.util.TreeSet<>();
		while (series.find()) {
			named.add(series.group(1));
		}
		assertThat(named).isNotEmpty().allSatisfy(name -> assertThat(text).contains(name));
	}

	@Test
	void anAddressOutsideTheMonitoringNetworksIsRefused() throws Exception {
		MockHttpServletResponse refused = scrape("203.0.113.9");
		assertThat(refused.getStatus()).isEqualTo(403);
		assertThat(refused.getContentAsString(StandardCharsets.UTF_8)).contains("jaringan pemantauan");
		assertThat(scrape("::1").getStatus()).isEqualTo(200);
	}

	@Test
	void everyAnswerNamesItsRequestId() throws Exception {
		assertThat(this.mvc.perform(get("/api/v1/sop")).andReturn().getResponse().getHeader("X-Request-Id"))
			.matches("[0-9a-f-]{36}");
		assertThat(this.mvc.perform(get("/api/v1/sop").header("X-Request-Id", "proxy-1234abcd")).andReturn().getResponse()
			.getHeader("X-Request-Id")).isEqualTo("proxy-1234abcd");
		assertThat(this.mvc.perform(get("/api/v1/sop").header("X-Request-Id", "bad id\r\nX: y")).andReturn().getResponse()
			.getHeader("X-Request-Id")).matches("[0-9a-f-]{36}");
	}

}
