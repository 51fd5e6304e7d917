package id.go.jambiprov.lapor.insight.internal;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.account.NewUser;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.account.UserAdministration;
import id.go.jambiprov.lapor.support.ChannelTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * On the first working day of a month last month's performance report goes to the coordinators
 * and supervisors of each jurisdiction as a PDF, through a real SMTP server (GreenMail), once.
 */
class PerformanceMailingIntegrationTests extends ChannelTestSupport {

	@Autowired
	PerformanceMailing mailing;

	@Autowired
	UserAdministration users;

	@BeforeEach
	void officers() {
		this.users.createIfAbsent(new NewUser("koordinator-surat", "rahasia123", "Koordinator surat", Role.COORDINATOR,
				"UJISURAT", null));
		this.users.createIfAbsent(new NewUser("pengawas-surat", "rahasia123", "Pengawas surat", Role.SUPERVISOR,
				"UJISURAT", null));
		this.users.createIfAbsent(new NewUser("penghubung-surat", "rahasia123", "Penghubung surat", Role.LIAISON,
				"UJISURAT", "SURAT_DINAS"));
		for (String name : List.of("koordinator-surat", "pengawas-surat", "penghubung-surat")) {
			this.jdbc.sql("update app_user set email = ? where username = ?").params(name + "@lapor.example", name)
				.update();
		}
	}

	private List<MimeMessage> to(String address) {
		return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals(address)
						&& m.getSubject().startsWith("Laporan Kinerja Pengelolaan Pengaduan");
			}
			catch (MessagingException ex) {
				return false;
			}
		}).toList();
	}

	@Test
	void theFirstWorkingDayOfAMonth() {
		assertThat(this.mailing.firstWorkingDay(LocalDate.parse("2026-12-01"))).isTrue(); // a Tuesday
		assertThat(this.mailing.firstWorkingDay(LocalDate.parse("2026-08-01"))).isFalse(); // a Saturday
		assertThat(this.mailing.firstWorkingDay(LocalDate.parse("2026-08-03"))).isTrue(); // the Monday after
		assertThat(this.mailing.firstWorkingDay(LocalDate.parse("2026-08-04"))).isFalse();
	}

	@Test
	void lastMonthsReportIsMailedOnceToTheCoordinatorsAndSupervisors() throws Exception {
		this.clock.set(LocalDateTime.parse("2026-12-01T07:30:00").toInstant(ZoneOffset.ofHours(7)));
		assertThat(this.mailing.mailIfDue()).isPositive();
		await().atMost(java.time.Duration.ofSeconds(30)).until(() -> !to("koordinator-surat@lapor.example").isEmpty()
				&& !to("pengawas-surat@lapor.example").isEmpty());
		MimeMessage message = to("koordinator-surat@lapor.example").get(0);
		assertThat(message.getSubject()).isEqualTo("Laporan Kinerja Pengelolaan Pengaduan November 2026, Provinsi Uji Surat");
		BodyPart pdf = null;
		Multipart parts = (Multipart) message.getContent();
		for (int i = 0; i < parts.getCount(); i++) {
			if ("kinerja-2026-11-ujisurat.pdf".equals(parts.getBodyPart(i).getFileName())) {
				pdf = parts.getBodyPart(i);
			}
		}
		assertThat(pdf).isNotNull();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		pdf.getInputStream().transferTo(bytes);
		try (PDDocument document = Loader.loadPDF(bytes.toByteArray())) {
			assertThat(new PDFTextStripper().getText(document)).contains("November 2026");
		}
		// never the liaison officer; and a second run (or another instance) mails nothing again
		assertThat(to("penghubung-surat@lapor.example")).isEmpty();
		assertThat(this.mailing.mailIfDue()).isZero();
		Thread.sleep(1_000);
		assertThat(to("koordinator-surat@lapor.example")).hasSize(1);
		// not before the first working day: 1 August 2026 was a Saturday
		this.clock.set(LocalDateTime.parse("2026-08-01T07:30:00").toInstant(ZoneOffset.ofHours(7)));
		assertThat(this.mailing.mailIfDue()).isZero();
	}

}
