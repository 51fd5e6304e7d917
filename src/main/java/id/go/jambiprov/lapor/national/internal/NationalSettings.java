package id.go.jambiprov.lapor.national.internal;

import java.net.http.HttpClient;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * How the bridge reaches the national system: {@code LAPOR_NATIONAL_URL} (none: the bridge is
 * off and nothing is queued), {@code LAPOR_NATIONAL_TOKEN} (the KEYTOKEN the LAPOR! team
 * issues), the adapter ({@code json}, or {@code legacy-xml} for the old {@code addstream} call),
 * our agency's id there, the jurisdiction its reports belong to here, and the timeout of a call.
 */
@Component
public class NationalSettings {

	enum Adapter {
		JSON, LEGACY_XML
	}

	private final @Nullable String url;

	private final String token;

	private final Adapter adapter;

	private final String agencyId;

	private final String jurisdiction;

	private final Duration timeout;

	private final Environment environment;

	NationalSettings(@Value("${lapor.national.url:}") String url, @Value("${lapor.national.token:}") String token,
			@Value("${lapor.national.adapter:json}") String adapter,
			@Value("${lapor.national.agency-id:pemprov-jambi}") String agencyId,
			@Value("${lapor.national.jurisdiction:JAMBI}") String jurisdiction,
			@Value("${lapor.national.timeout:PT10S}") Duration timeout, Environment environment) {
		this.url = url.isBlank() ? null : url.strip().replaceAll("/+$", "");
		this.token = token;
		this.adapter = adapter.strip().equalsIgnoreCase("legacy-xml") ? Adapter.LEGACY_XML : Adapter.JSON;
		this.agencyId = agencyId;
		this.jurisdiction = jurisdiction;
		this.timeout = timeout;
		this.environment = environment;
	}

	public boolean enabled() {
		return this.url != null;
	}

	/** The base address; one starting with "/" is this service's own (the demo's simulated national server). */
	String url() {
		if (this.url == null) {
			throw new IllegalStateException("The national bridge is off: LAPOR_NATIONAL_URL is not set");
		}
		if (this.url.startsWith("/")) {
			return "http://localhost:" + this.environment.getProperty("local.server.port", "8080") + this.url;
		}
		return this.url;
	}

	public String token() {
		return this.token;
	}

	Adapter adapter() {
		return this.adapter;
	}

	String agencyId() {
		return this.agencyId;
	}

	String jurisdiction() {
		return this.jurisdiction;
	}

	Duration timeout() {
		return this.timeout;
	}

	/** An HTTP client whose connection and answer each must come within the timeout. */
	RestClient http() {
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(this.timeout).build());
		factory.setReadTimeout(this.timeout);
		return RestClient.builder().requestFactory(factory).build();
	}

}
