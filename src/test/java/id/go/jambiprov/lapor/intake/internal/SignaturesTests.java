package id.go.jambiprov.lapor.intake.internal;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The verifiers against the published vectors of ../shared/reference/channels.md.
 */
class SignaturesTests {

	@Test
	void theXHubSignatureSchemeMatchesTheOfficialVector() {
		// GitHub's published vector for the X-Hub-Signature-256 scheme Meta uses (channels.md §3.1)
		assertThat(Signatures.sha256Hex("It's a Secret to Everybody", bytes("Hello, World!")))
			.isEqualTo("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
	}

	@Test
	void aWhatsAppBodyIsSignedOverItsExactBytesWithTheEscapedEmoji() {
		String body = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
				+ "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"6281100001708\",\"phone_number_id\":"
				+ "\"106540352242922\"},\"contacts\":[{\"profile\":{\"name\":\"Budi\"},\"wa_id\":\"6281234567890\"}],\"messages\":"
				+ "[{\"from\":\"6281234567890\",\"id\":\"wamid.TEST0001\",\"timestamp\":\"1730000000\",\"type\":\"text\",\"text\":"
				+ "{\"body\":\"Jalan berlubang di Jl. Sudirman \\ud83d\\ude4f\"}}]},\"field\":\"messages\"}]}]}";
		assertThat(Signatures.sha256Hex("test_app_secret", bytes(body)))
			.isEqualTo("sha256=7a0bcf1f5f7488edbc6bc62f800791154dfb1598ffc7bc5b88e53b262def2094");
	}

	@Test
	void theXCrcResponseMatchesTheDevRelVector() {
		assertThat(Signatures.sha256Base64("z3ZX4v7mAAUGykl3EcmkqbartmuW8VFOOzCloLx9Q45P0hLrFu",
				bytes("9b4507b3-9040-4669-9ca3-6b94edb50553")))
			.isEqualTo("sha256=Cytd4Sq+NvEcV3MMrXxWJGJx5A+y/lXzzU2Maartkx8=");
	}

	@Test
	void anXWebhookBodyIsSignedInBase64() {
		String body = "{\"for_user_id\":\"2244994945\",\"tweet_create_events\":[{\"id_str\":\"1850000000000000001\",\"text\":"
				+ "\"@pemkot_contoh lampu jalan mati\",\"user\":{\"id_str\":\"111\",\"screen_name\":\"warga1\"}}]}";
		assertThat(Signatures.sha256Base64("z3ZX4v7mAAUGykl3EcmkqbartmuW8VFOOzCloLx9Q45P0hLrFu", bytes(body)))
			.isEqualTo("sha256=Z5c73z6FZjOqclil+3DWP5AOv/5De3U+ADysKfnvgbI=");
	}

	@Test
	void aMissingOrDifferentSignatureNeverMatches() {
		String expected = Signatures.sha256Hex("secret", bytes("body"));
		assertThat(Signatures.matchesHex(expected, null)).isFalse();
		assertThat(Signatures.matchesHex(expected, "")).isFalse();
		assertThat(Signatures.matchesHex(expected, Signatures.sha256Hex("other", bytes("body")))).isFalse();
		assertThat(Signatures.matchesHex(expected, Signatures.sha256Hex("secret", bytes("body!")))).isFalse();
		assertThat(Signatures.matchesHex(expected, expected.toUpperCase().replace("SHA256=", "sha256="))).isTrue();
		// Base64 is case-sensitive
		String x = Signatures.sha256Base64("secret", bytes("body"));
		assertThat(Signatures.matches(x, x.toLowerCase())).isFalse();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
