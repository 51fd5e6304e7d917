package id.go.jambiprov.lapor.open311.internal;

import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import id.go.jambiprov.lapor.report.ChannelReports;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * The photo a civic app names by {@code media_url}. Fetched only from the hosts the operator
 * trusts ({@code lapor.open311.media-hosts}, e.g. the app's own image store): a service that
 * fetched any address it is given would let anyone make it call inside the government network.
 * No redirect is followed, at most 5 MB is read, and the answer must come within 10 s; the file
 * is then cleaned like any upload.
 */
@Component
public class MediaLinks {

	static final int MAX_BYTES = 5 * 1024 * 1024;

	/** Why a link gave no file. */
	public enum Refusal {
		/** not an http(s) address */
		MALFORMED,
		/** its host is not one the operator trusts */
		HOST_NOT_ALLOWED,
		/** the host did not answer with a file of at most 5 MB */
		UNREACHABLE
	}

	/** A link that gave no file. */
	public static final class Refused extends RuntimeException {

		private final Refusal reason;

		Refused(Refusal reason) {
			super(reason.name(), null, false, false);
			this.reason = reason;
		}

		public Refusal reason() {
			return this.reason;
		}

	}

	private final List<String> hosts;

	private final RestClient http;

	MediaLinks(@Value("${lapor.open311.media-hosts:}") List<String> hosts) {
		this.hosts = hosts.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).toList();
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
			.connectTimeout(Duration.ofSeconds(5))
			.followRedirects(HttpClient.Redirect.NEVER)
			.build());
		factory.setReadTimeout(Duration.ofSeconds(10));
		this.http = RestClient.builder().requestFactory(factory).build();
	}

	/** The hosts links may point to; none: {@code media_url} is refused. */
	public List<String> hosts() {
		return this.hosts;
	}

	/**
	 * The file behind the link; empty when there is no link.
	 * @throws Refused when the link is not allowed or gives no file
	 */
	public Optional<ChannelReports.File> fetch(@Nullable String link) {
		if (link == null || link.isBlank()) {
			return Optional.empty();
		}
		URI uri;
		try {
			uri = new URI(link.strip());
		}
		catch (URISyntaxException malformed) {
			throw new Refused(Refusal.MALFORMED);
		}
		String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
		if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null || uri.getUserInfo() != null) {
			throw new Refused(Refusal.MALFORMED);
		}
		if (!this.hosts.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
			throw new Refused(Refusal.HOST_NOT_ALLOWED);
		}
		try {
			byte[] content = this.http.get().uri(uri).exchange((sent, response) -> {
				if (!response.getStatusCode().is2xxSuccessful() || response.getHeaders().getContentLength() > MAX_BYTES) {
					throw new Refused(Refusal.UNREACHABLE);
				}
				try (InputStream in = response.getBody()) {
					byte[] bytes = in.readNBytes(MAX_BYTES + 1);
					if (bytes.length > MAX_BYTES) {
						throw new Refused(Refusal.UNREACHABLE);
					}
					return bytes;
				}
			});
			String path = uri.getPath() == null ? "" : uri.getPath();
			String name = path.substring(path.lastIndexOf('/') + 1);
			return Optional.of(new ChannelReports.File(name.isBlank() ? "open311-media" : name, content));
		}
		catch (RestClientException | IllegalArgumentException unreachable) {
			if (unreachable.getCause() instanceof Refused refused) {
				throw refused;
			}
			throw new Refused(Refusal.UNREACHABLE);
		}
	}

}
