package id.go.jambiprov.lapor;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.support.ApiTestSupport;

import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

class PublicEndpointsIntegrationTests extends ApiTestSupport {

	@Test
	void theSopIsPublicData() {
		JsonNode sop = call(get("/api/v1/sop"), 200);
		assertThat(sop.get("version").asString()).isEqualTo("2022.1");
		assertThat(sop.get("transitions").size()).isEqualTo(21);
		JsonNode verify = sop.get("transitions").valueStream()
			.filter(t -> t.get("action").asString().equals("verify"))
			.findFirst()
			.orElseThrow();
		assertThat(verify.get("timeStandard").get("amount").asInt()).isEqualTo(10);
		assertThat(verify.get("timeStandard").get("unit").asString()).isEqualTo("MINUTES");
	}

	@Test
	void agenciesCategoriesAndRegenciesArePublic() {
		JsonNode agencies = call(get("/api/v1/agencies"), 200);
		assertThat(agencies.valueStream().map(a -> a.get("code").asString()))
			.contains("DINKES", "PUTR", "DISDIK", "DISHUB", "DLH", "DISKOMINFO", "PUPR");
		JsonNode pupr = agencies.valueStream().filter(a -> a.get("code").asString().equals("PUPR")).findFirst().orElseThrow();
		assertThat(pupr.get("successor").asString()).isEqualTo("PUTR");
		JsonNode categories = call(get("/api/v1/categories"), 200);
		assertThat(categories.valueStream().filter(c -> c.get("parent").isNull()).count()).isGreaterThan(5);
		assertThat(call(get("/api/v1/regencies"), 200).size()).isEqualTo(11);
	}

	@Test
	void theApiIsDocumentedByOpenApi() {
		JsonNode docs = call(get("/v3/api-docs"), 200);
		assertThat(docs.get("paths").propertyNames()).contains("/api/v1/reports", "/api/v1/reports/{code}",
				"/api/v1/reports/{code}/actions/{action}", "/api/v1/inbox", "/api/v1/track/{code}", "/api/v1/sop",
				"/api/v1/auth/token");
	}

}
