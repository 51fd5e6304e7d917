package id.go.jambiprov.lapor.notify;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMailUtil;
import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.sla.Sweeper;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.support.ChannelTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Officers hear by e-mail (a real SMTP server, GreenMail) of a report that is new in their inbox
 * and of an escalation; never of their own action, and never the reporter's identity.
 */
class OfficerMailIntegrationTests extends ChannelTestSupport {

	@Autowired
	Sweeper sweeper;

	private List<MimeMessage> about(String code, String address) {
		return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
			try {
				return m.getAllRecipients()[0].toString().equals(address) && m.getSubject().contains(code);
			}
			catch (MessagingException ex) {
				return false;
			}
		}).toList();
	}

	@Test
	void eachOfficerHearsOfAReportNewInTheirInboxButNotOfTheirOwnSteps() throws Exception {
		Fixture report = submit(true, false);
		await().atMost(Duration.ofSeconds(20)).until(() -> !about(report.code(), "nasional@lapor.example").isEmpty());
		String toNational = GreenMailUtil.getBody(about(report.code(), "nasional@lapor.example").get(0));
		assertThat(toNational).contains("Laporan " + report.code(), "diajukan", "/petugas/laporan/" + report.code());

		act(report, "forward", "nasional", java.util.Map.of("jurisdiction", "JAMBI"));
		await().atMost(Duration.ofSeconds(20)).until(() -> !about(report.code(), "koordinator@lapor.example").isEmpty());
		act(report, "receive", "koordinator");
		act(report, "verify", "koordinator");
		act(report, "assign", "koordinator", java.util.Map.of("agency", "DINKES"));
		act(report, "dispose", "koordinator");
		await().atMost(Duration.ofSeconds(20)).until(() -> !about(report.code(), "dinkes@lapor.example").isEmpty());
		String toAgency = GreenMailUtil.getBody(about(report.code(), "dinkes@lapor.example").get(0));
		assertThat(toAgency).contains("paling lambat").doesNotContain("Budi", "budi@", "0812");
		// receive, verify, assign and dispose were the coordinator's own steps: one mail only (the forward)
		assertThat(about(report.code(), "koordinator@lapor.example")).hasSize(1);
		assertThat(about(report.code(), "nasional@lapor.example")).hasSize(1);
		assertThat(about(report.code(), "putr@lapor.example")).isEmpty();
	}

	@Test
	void aBreachedDeadlineIsEscalatedByMail() {
		Fixture report = reach(ReportStatus.IN_PROGRESS);
		awaitClock(report, "IN_PROGRESS");
		this.clock.advance(Duration.ofDays(8));
		// every report the suite has filed so far breaches too: their mails queue before this one
		this.sweeper.sweep();
		await().atMost(Duration.ofSeconds(90)).until(() -> about(report.code(), "koordinator@lapor.example").stream()
			.anyMatch(m -> GreenMailUtil.getBody(m).startsWith("Eskalasi")));
		await().atMost(Duration.ofSeconds(90)).until(() -> about(report.code(), "pengawas@lapor.example").stream()
			.anyMatch(m -> GreenMailUtil.getBody(m).contains("belum dijawab")));
	}

}
