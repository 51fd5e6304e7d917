package id.go.jambiprov.lapor.intake.internal;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.support.ChannelTestSupport;
import id.go.jambiprov.lapor.support.FakeProviders;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The channels that are read rather than pushed: e-mail to the complaints mailbox (a real IMAP
 * and SMTP server, GreenMail) and SMS from a GSM modem's Gammu SMSD database.
 */
class PolledChannelsIntegrationTests extends ChannelTestSupport {

	@Autowired
	private EmailInbox mailbox;

	@Autowired
	private GammuInbox modem;

	private final JdbcClient gammu = JdbcClient.create(new DriverManagerDataSource(GAMMU_URL));

	private static int counter = (int) (System.nanoTime() % 1_000_000);

	private String citizenMail(String from, String subject, String text, String inReplyTo, boolean withPhoto)
			throws MessagingException {
		Properties properties = new Properties();
		properties.put("mail.smtp.host", "127.0.0.1");
		properties.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
		Session session = Session.getInstance(properties);
		MimeMessage message = new MimeMessage(session);
		message.setFrom(new InternetAddress(from, false));
		message.setRecipient(Message.RecipientType.TO, new InternetAddress(MAILBOX));
		message.setSubject(subject, "UTF-8");
		if (inReplyTo != null) {
			message.setHeader("In-Reply-To", inReplyTo);
		}
		MimeMultipart parts = new MimeMultipart();
		MimeBodyPart body = new MimeBodyPart();
		body.setText(text, "UTF-8");
		parts.addBodyPart(body);
		if (withPhoto) {
			MimeBodyPart photo = new MimeBodyPart();
			photo.setDataHandler(new DataHandler(new ByteArrayDataSource(FakeProviders.image(), "image/png")));
			photo.setFileName("genangan.png");
			photo.setDisposition(MimeBodyPart.ATTACHMENT);
			parts.addBodyPart(photo);
		}
		message.setContent(parts);
		message.saveChanges();
		Transport.send(message);
		return message.getMessageID();
	}

	private int receivedBy(String address) {
		return (int) Arrays.stream(mail.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals(address);
			}
			catch (MessagingException ex) {
				return false;
			}
		}).count();
	}

	@Test
	void anEMailWithAPhotoBecomesAReportAndARepliedMailJoinsIt() throws Exception {
		String citizen = "warga" + (++counter) + "@example.id";
		String first = citizenMail(citizen, "Genangan air di Jl. Kol. Abunjani",
				"Setiap hujan jalan tergenang setinggi lutut.\n\nSalam, Ani", null, true);
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.mailbox.poll() > 0 || !inbound("EMAIL", first).isEmpty());
		assertThat(awaitHandled("EMAIL", first)).isEqualTo("FILED");
		String code = (String) inbound("EMAIL", first).get("report_code");
		Map<String, Object> report = this.jdbc.sql("""
				select r.title, r.reporter_email, r.reporter_handle, (select count(*) from attachment a where a.report_id = r.id)
				  as files
				from report r where r.tracking_code = ?""")
			.param(code.replace("-", ""))
			.query()
			.singleRow();
		assertThat(report).containsEntry("title", "Genangan air di Jl. Kol. Abunjani")
			.containsEntry("reporter_email", citizen)
			.containsEntry("reporter_handle", citizen)
			.containsEntry("files", 1L);
		// the receipt goes back by mail
		Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> receivedBy(citizen) > 0);

		// the citizen answers their own mail thread: it joins the report, quoted text left out
		String reply = citizenMail(citizen, "Re: Genangan air di Jl. Kol. Abunjani",
				"Tambahan: airnya masuk ke rumah warga.\n\nOn Mon, 23 Nov 2026 Ani wrote:\n> Setiap hujan ...", first, false);
		assertThat(this.mailbox.poll()).isEqualTo(1);
		assertThat(awaitHandled("EMAIL", reply)).isEqualTo("ADDED");
		assertThat(this.jdbc.sql("select description from report where tracking_code = ?").param(code.replace("-", ""))
			.query(String.class).single())
			// the sign-off and the name under it stay out of the report
			.endsWith("setinggi lutut.\n\n+ Tambahan: airnya masuk ke rumah warga.")
			.doesNotContain("Ani");
		// read once, stored once
		assertThat(this.mailbox.poll()).isZero();
	}

	@Test
	void aLongSmsFromTheModemIsJoinedFromItsPartsAndAnsweredThroughIt() {
		String phone = "+62812" + String.format("%07d", ++counter);
		String udh = "050003" + String.format("%02X", counter % 256);
		this.gammu.sql("insert into inbox (ReceivingDateTime, SenderNumber, TextDecoded, UDH) values (current_timestamp, ?, ?, ?)")
			.params(phone, "LAPOR Antrean BPJS di RSUD Raden Mattaher sejak subuh, ", udh + "0201")
			.update();
		// the second part has not come yet: nothing is taken
		assertThat(this.modem.poll()).isZero();
		this.gammu.sql("insert into inbox (ReceivingDateTime, SenderNumber, TextDecoded, UDH) values (current_timestamp, ?, ?, ?)")
			.params(phone, "pasien lansia menunggu berjam-jam.", udh + "0202")
			.update();
		assertThat(this.modem.poll()).isEqualTo(1);
		assertThat(this.modem.poll()).isZero();
		long first = this.gammu.sql("select min(ID) from inbox where SenderNumber = ?").param(phone).query(Long.class).single();
		assertThat(awaitHandled("SMS", "gammu:" + first)).isEqualTo("FILED");
		String code = (String) inbound("SMS", "gammu:" + first).get("report_code");
		assertThat(this.jdbc.sql("select description from report where tracking_code = ?").param(code.replace("-", ""))
			.query(String.class).single())
			.isEqualTo("Antrean BPJS di RSUD Raden Mattaher sejak subuh, pasien lansia menunggu berjam-jam.");
		assertThat(this.gammu.sql("select count(*) from inbox where SenderNumber = ? and Processed = 'true'").param(phone)
			.query(Integer.class).single()).isEqualTo(2);
	}

}
