package id.go.jambiprov.lapor.account;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.support.ApiTestSupport;

import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Security events are structured log lines with the user, the address and the outcome, and
 * never a password, a token or a reporter's contact (issue 12, item 3).
 */
@ExtendWith(OutputCaptureExtension.class)
class SecurityLogIntegrationTests extends ApiTestSupport {

	@Test
	void signInsLooksAndRefusalsAreLoggedWithoutSecretsOrContacts(CapturedOutput output) throws Exception {
		// the tests log warnings only; production logs the security events at INFO
		LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
		logging.setLogLevel("security", LogLevel.INFO);
		try {
			signInLookAndBeRefused(output);
		}
		finally {
			logging.setLogLevel("security", null);
		}
	}

	private void signInLookAndBeRefused(CapturedOutput output) throws Exception {
		this.mvc.perform(post("/masuk").with(csrf()).param("username", "+6281299887766").param("password",
				"rahasia-sekali-xyz"));
		this.mvc.perform(post("/masuk").with(csrf()).param("username", "koordinator").param("password", "demo12345"));
		Fixture report = reach(ReportStatus.RECEIVED, true, false);
		view(report, "koordinator");
		this.mvc.perform(get("/api/v1/reports/{code}", report.code()).header("Authorization", "Bearer " + token("dinkes")));

		assertThat(output.getOut()).contains("event=sign-in-failed user=[phone]", "event=password-accepted user=koordinator",
				"event=identity-shown report=" + report.code() + " user=koordinator",
				"event=access-denied user=dinkes role=LIAISON path=/api/v1/reports/" + report.code());
		assertThat(output.getOut()).doesNotContain("rahasia-sekali-xyz", "6281299887766", "demo12345", "Budi",
				"budi@example.com");
	}

}
