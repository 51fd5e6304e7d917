package id.go.jambiprov.lapor.report;

import java.util.List;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.report.ChannelReports.Incoming;
import id.go.jambiprov.lapor.sop.Action;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.support.TestClockConfiguration;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report module with only the modules it depends on (SOP, directory, accounts, mail, web
 * plumbing; no intake, notify, SLA or insight): a report filed through its channel API is
 * stored, and the other modules hear of it only through its events.
 */
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "shared")
@ActiveProfiles("test")
@Import(TestClockConfiguration.class)
class ReportModuleTests {

	@Autowired
	ChannelReports reports;

	@Test
	void aReportFiledOnAChannelIsAnnouncedWithItsFirstTimelineEntry(Scenario scenario) {
		String handle = "62817" + String.format("%08d", System.nanoTime() % 100_000_000L);
		scenario.stimulate(() -> this.reports.file(new Incoming(Channel.WHATSAPP, handle, "Ani",
				"Jembatan gantung di Desa Lubuk Kambing rusak parah", List.of(), null, null,
				TestClockConfiguration.MONDAY_MORNING)))
			.andWaitForEventOfType(ReportTransitioned.class)
			.matching(event -> event.action() == Action.SUBMIT && event.to() == ReportStatus.SUBMITTED)
			.toArriveAndVerify((event, filed) -> {
				assertThat(event.trackingCode().formatted()).isEqualTo(filed.trackingCode());
				assertThat(event.sequence()).isEqualTo(1);
				assertThat(this.reports.latest(Channel.WHATSAPP, handle)).hasValueSatisfying(
						mine -> assertThat(mine.status()).isEqualTo(ReportStatus.SUBMITTED));
			});
	}

}
