package id.go.jambiprov.lapor.intake.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An e-mail's signature block names the reporter and their number: it does not become part of
 * the report the agency reads.
 */
class EmailSignatureTests {

	@Test
	void aSignatureAfterTheDashDashLineIsCut() {
		assertThat(EmailInbox.withoutSignature("""
				Lampu jalan di Jl. Sudirman padam sejak Senin.
				
				--\s
				Budi Santoso
				0812-3456-7890""")).isEqualTo("Lampu jalan di Jl. Sudirman padam sejak Senin.");
	}

	@Test
	void aSignOffWithANameAndANumberIsCut() {
		assertThat(EmailInbox.withoutSignature("""
				Selamat siang,
				Saluran air di RT 05 Kelurahan Talang Banjar tersumbat dan meluap ke jalan.
				Mohon segera ditangani.
				
				Hormat saya,
				Siti Aminah
				HP 0813 1234 5678""")).endsWith("Mohon segera ditangani.").doesNotContain("Siti", "0813");
		assertThat(EmailInbox.withoutSignature("""
				The bridge railing at Jembatan Aur Duri is broken.
				
				Best regards,
				John
				Sent from my phone""")).isEqualTo("The bridge railing at Jembatan Aur Duri is broken.");
	}

	@Test
	void aMailWithoutASignatureIsKeptWhole() {
		String text = """
				Terima kasih atas tanggapan sebelumnya, tetapi jalan itu masih berlubang dan sudah ada
				dua pengendara motor yang jatuh minggu ini di depan SD Negeri 47.""";
		assertThat(EmailInbox.withoutSignature(text)).isEqualTo(text.strip());
	}

}
