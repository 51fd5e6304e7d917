package id.go.jambiprov.lapor.intake.internal.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.intake.internal.ChannelSettings;
import id.go.jambiprov.lapor.intake.internal.InboundStore;
import id.go.jambiprov.lapor.notify.ChannelMessages;
import id.go.jambiprov.lapor.shared.RateLimitExceeded;
import id.go.jambiprov.lapor.web.ProblemException;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * A channel flooded past its rate gets 429 with the seconds to wait, and nothing of the refused
 * call is stored (the provider sends it again later).
 */
class WebhookLimitTests {

	private final InboundStore store = mock(InboundStore.class);

	/** Only Telegram is on (secret "secret"); every channel may take 2 calls a second. */
	private final Webhooks webhooks = new Webhooks(new ChannelSettings(Duration.ofMinutes(10), 30, 2,
			new ChannelSettings.Meta(null, null, null, null, null, "x"),
			new ChannelSettings.Meta(null, null, null, null, null, "x"), new ChannelSettings.X(null, null, null, "x"),
			new ChannelSettings.Telegram("secret", null, "x"),
			new ChannelSettings.Sms(null, null, new ChannelSettings.Gammu(null, null, null)),
			new ChannelSettings.Email(null, 993, "imaps", null, null, "INBOX")), this.store,
			mock(ChannelMessages.class), JsonMapper.builder().build());

	@Test
	void aFloodOnOneChannelIsRefusedWith429AndStoresNothingOfTheRefusedCall() {
		byte[] update = """
				{"update_id":1,"message":{"message_id":1,"from":{"id":5,"is_bot":false,"first_name":"A"},
				 "chat":{"id":5,"type":"private"},"date":1730000000,"text":"halo"}}""".getBytes(StandardCharsets.UTF_8);
		assertThat(this.webhooks.telegram(update, "secret").getStatusCode().value()).isEqualTo(200);
		assertThat(this.webhooks.telegram(update, "secret").getStatusCode().value()).isEqualTo(200);
		assertThatThrownBy(() -> this.webhooks.telegram(update, "secret")).isInstanceOfSatisfying(RateLimitExceeded.class,
				refused -> assertThat(refused.retryAfterSeconds()).isPositive());
		verify(this.store, times(2)).store(anyList());
		// a channel whose secret is not set does not exist
		assertThatThrownBy(() -> this.webhooks.sms(update, null)).isInstanceOfSatisfying(ProblemException.class,
				off -> assertThat(off.getStatus().value()).isEqualTo(404));
	}

	@Test
	void unsignedCallsAreRefusedBeforeTheySpendTheChannelsBudget() {
		byte[] update = """
				{"update_id":2,"message":{"message_id":2,"from":{"id":6,"is_bot":false,"first_name":"B"},
				 "chat":{"id":6,"type":"private"},"date":1730000000,"text":"halo"}}""".getBytes(StandardCharsets.UTF_8);
		for (int i = 0; i < 5; i++) {
			assertThatThrownBy(() -> this.webhooks.telegram(update, "guess")).isInstanceOfSatisfying(ProblemException.class,
					refused -> assertThat(refused.getStatus().value()).isEqualTo(401));
		}
		// the budget (2 calls) is still whole for Telegram itself
		assertThat(this.webhooks.telegram(update, "secret").getStatusCode().value()).isEqualTo(200);
		assertThat(this.webhooks.telegram(update, "secret").getStatusCode().value()).isEqualTo(200);
		verify(this.store, times(2)).store(anyList());
	}

}
