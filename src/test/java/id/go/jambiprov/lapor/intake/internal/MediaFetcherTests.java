package id.go.jambiprov.lapor.intake.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Media are fetched only from the provider's own hosts, never from an address a payload names
 * freely (the cloud's metadata address, the data centre's own network).
 */
class MediaFetcherTests {

	private static final String GRAPH = "https://graph.facebook.com/v21.0";

	@Test
	void metaMediaComeFromMetasHostsOverHttpsOrFromTheConfiguredApi() {
		assertThat(MediaFetcher.allowed("https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1", GRAPH,
				MediaFetcher.META_MEDIA_HOSTS)).hasHost("lookaside.fbsbx.com");
		assertThat(MediaFetcher.allowed("https://scontent-sin6-1.cdninstagram.com/v/t51/abc.jpg", GRAPH,
				MediaFetcher.META_MEDIA_HOSTS)).isNotNull();
		assertThat(MediaFetcher.allowed("http://localhost:41234/wa/media-1", "http://localhost:41234/",
				MediaFetcher.META_MEDIA_HOSTS)).hasPort(41234);
	}

	@Test
	void anyOtherAddressIsRefusedBeforeAnythingIsFetched() {
		for (String address : new String[] { "http://169.254.169.254/latest/meta-data/", "http://10.0.0.5/admin",
				"https://evil.example/fbcdn.net/x.jpg", "https://fbcdn.net.evil.example/x.jpg",
				"http://scontent.cdninstagram.com/x.jpg", "file:///etc/passwd", "https://localhost:41234/wa/media-1",
				"not an address" }) {
			assertThatThrownBy(() -> MediaFetcher.allowed(address, GRAPH, MediaFetcher.META_MEDIA_HOSTS))
				.as(address)
				.isInstanceOf(MediaFetcher.ForbiddenHost.class);
		}
	}

}
