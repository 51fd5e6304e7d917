package id.go.jambiprov.lapor.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A waiting message's text, sealed and opened again. */
class SealTests {

	private final Seal seal = new Seal("", "token-secret-0123456789-0123456789-0123");

	@Test
	void aSealedTextOpensAgainAndGivesNothingAwayMeanwhile() {
		String text = "Laporan 1234-5678-9012 diterima. Kunci akses: QW7T-9KXZ. Balas INFO untuk menambah.";
		String sealed = this.seal.seal(text);
		assertThat(sealed).startsWith("sealed:v1:").doesNotContain("1234", "QW7T");
		assertThat(this.seal.seal(text)).as("a fresh nonce every time").isNotEqualTo(sealed);
		assertThat(this.seal.open(sealed)).isEqualTo(text);
		assertThat(this.seal.open(this.seal.seal("Terima kasih 🙏 — ñ"))).isEqualTo("Terima kasih 🙏 — ñ");
	}

	@Test
	void aTextStoredBeforeSealingIsReadAsItIs() {
		assertThat(this.seal.open("Kode 1234, kunci ABCD")).isEqualTo("Kode 1234, kunci ABCD");
		assertThat(this.seal.open(null)).isNull();
	}

	@Test
	void anotherSecretOrATamperedTextIsRefusedNotMisread() {
		String sealed = this.seal.seal("Kunci akses: QW7T-9KXZ");
		assertThatThrownBy(() -> new Seal("another-outbox-secret", "").open(sealed))
			.isInstanceOf(IllegalStateException.class);
		String tampered = sealed.substring(0, sealed.length() - 4) + (sealed.endsWith("AAAA") ? "BBBB" : "AAAA");
		assertThatThrownBy(() -> this.seal.open(tampered)).isInstanceOf(IllegalStateException.class);
		assertThat(new Seal("", "").open(new Seal("", "").seal("demo"))).isEqualTo("demo");
	}

}
