package id.go.jambiprov.lapor.mail;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterAll;

import id.go.jambiprov.lapor.support.ApiTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The receipt by e-mail, through a real SMTP server (GreenMail): the citizen asks for it on the
 * receipt page and receives the code and the access key, in Indonesian; once sent, the outbox
 * keeps no copy of the key.
 */
class ReceiptMailIntegrationTests extends ApiTestSupport {

	@Autowired
	MailOutbox outbox;

	@Autowired
	PlatformTransactionManager transactions;

	/** Started before the application, which reads its port. */
	static final GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	static {
		smtp.withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
		smtp.start();
	}

	@DynamicPropertySource
	static void mailServer(DynamicPropertyRegistry registry) {
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
	}

	@AfterAll
	static void stopMailServer() {
		smtp.stop();
	}

	private static MimeMessage toCitizen() throws MessagingException {
		for (MimeMessage message : smtp.getReceivedMessages()) {
			if (message.getAllRecipients()[0].toString().equals("ibu.ani@example.id")) {
				return message;
			}
		}
		return null;
	}

	@Test
	void aCitizenGetsTheCodeAndTheAccessKeyByMail() throws Exception {
		MvcResult filed = this.mvc.perform(multipart("/lapor")
			.with(csrf())
			.param("type", "COMPLAINT")
			.param("title", "Sekolah roboh")
			.param("description", "Atap kelas 3 roboh kemarin sore.")
			.param("email", "ibu.ani@example.id")
			.param("key", "mail-" + System.nanoTime())).andReturn();
		assertThat(filed.getResponse().getRedirectedUrl()).isEqualTo("/lapor/tanda-terima");
		// the session (in the database) remembers the access key for this browser
		Cookie session = filed.getResponse().getCookie("SESSION");
		String receipt = this.mvc.perform(get("/lapor/tanda-terima").cookie(session)
			.flashAttrs(filed.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString(StandardCharsets.UTF_8);
		assertThat(receipt).contains("Kirim ke e-mail saya");
		String code = receipt.replaceAll("(?s).*id=\"tracking-code\">([0-9-]+)<.*", "$1");
		String key = receipt.replaceAll("(?s).*id=\"access-key\">([^<]+)<.*", "$1");

		MvcResult mailed = this.mvc.perform(post("/lapor/tanda-terima/email").cookie(session).with(csrf()).param("code", code))
			.andReturn();
		assertThat(mailed.getResponse().getRedirectedUrl()).isEqualTo("/laporan/" + code);

		// the national admins hear of the new report too; the citizen's receipt is the mail to her
		await().atMost(Duration.ofSeconds(10)).until(() -> toCitizen() != null);
		MimeMessage message = toCitizen();
		assertThat(message.getSubject()).isEqualTo("LAPOR Jambi: laporan " + code + " sudah diterima");
		String body = GreenMailUtil.getBody(message);
		assertThat(body).contains("Kode pelacakan: " + code, "Kunci akses: " + key, "/lacak?kode=" + code);
		awaitSent();
		assertThat(this.jdbc.sql("select count(*) from outbound_mail where body like ?")
			.param("%" + key + "%")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void aMailWaitingInTheOutboxHoldsItsTextSealed() throws Exception {
		String key = "KUNCI-" + System.nanoTime();
		String text = "Kode pelacakan: 1111-2222-3333\nKunci akses: " + key;
		String stored = new TransactionTemplate(this.transactions).execute(status -> {
			this.outbox.queue("pak.rudi@example.id", "LAPOR Jambi: tanda terima", text);
			// what a copy of the database holds while the mail waits for its commit and its server
			return this.jdbc.sql("select body from outbound_mail where recipient = 'pak.rudi@example.id'")
				.query(String.class)
				.single();
		});
		assertThat(stored).startsWith("sealed:v1:").doesNotContain(key, "1111");

		await().atMost(Duration.ofSeconds(10)).until(() -> java.util.Arrays.stream(smtp.getReceivedMessages())
			.anyMatch(m -> GreenMailUtil.getBody(m).contains("Kunci akses: " + key)));
		awaitSent();
		assertThat(this.jdbc.sql("select body from outbound_mail where recipient = 'pak.rudi@example.id'")
			.query(String.class)
			.optional()).isEmpty();
	}

	private void awaitSent() throws InterruptedException {
		for (int i = 0; i < 100; i++) {
			if (this.jdbc.sql("select count(*) from outbound_mail where status = 'PENDING'").query(Integer.class).single() == 0) {
				return;
			}
			synchronized (this) {
				wait(50);
			}
		}
	}

}
