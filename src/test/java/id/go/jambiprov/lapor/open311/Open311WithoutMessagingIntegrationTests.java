package id.go.jambiprov.lapor.open311;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.assertj.core.api.Assertions.assertThat;

import id.go.jambiprov.lapor.support.ApiTestSupport;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;

/**
 * Without a mail server or an SMS gateway the receipt cannot reach the reporter: the report is
 * filed all the same, and the answer says so instead of promising a message nobody sends.
 */
class Open311WithoutMessagingIntegrationTests extends ApiTestSupport {

	@Test
	void theNoticeSaysTheReceiptCouldNotBeSent() {
		JsonNode filed = call(post("/open311/v2/requests.json").contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.param("api_key", "demo-open311-key")
			.param("service_code", "SAMPAH")
			.param("address_string", "Pasar Angso Duo, Kota Jambi")
			.param("description", "Sampah menumpuk di pintu pasar")
			.param("email", "pedagang@example.id"), 201);
		String code = filed.get(0).get("service_request_id").asString();
		assertThat(filed.get(0).get("service_notice").asString()).contains(code).contains("tidak dapat dikirim");
		assertThat(this.jdbc.sql("select count(*) from report where tracking_code = ? and channel = 'OPEN311'")
			.param(code.replace("-", ""))
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
