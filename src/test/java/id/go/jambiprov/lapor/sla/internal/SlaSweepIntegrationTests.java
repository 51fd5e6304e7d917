package id.go.jambiprov.lapor.sla.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.LaporApplication;
import id.go.jambiprov.lapor.sla.Sweeper;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.support.ApiTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sweep announces an approaching deadline at 75% of the standard and a breach at 100%,
 * each once per step, however many sweeps run at the same time on the database.
 */
class SlaSweepIntegrationTests extends ApiTestSupport {

	@Autowired
	ClockSweep sweep;

	private List<String> signals(Fixture report) {
		return this.jdbc.sql("""
				select s.kind from sla_signal s join sla_clock c on c.report_id = s.report_id
				where c.tracking_code = ? order by s.signalled_at, s.kind""")
			.param(report.code().replace("-", ""))
			.query(String.class)
			.list();
	}

	@Test
	void aStepIsAnnouncedApproachingThenBreachedOnceEach() {
		Fixture report = reach(ReportStatus.RECEIVED);
		awaitClock(report, "RECEIVED");
		this.sweep.sweep();
		assertThat(signals(report)).isEmpty();
		// received Monday 08:00, verification due 08:10: approaching from 08:07:30
		this.clock.advance(Duration.ofMinutes(8));
		this.sweep.sweep();
		assertThat(signals(report)).containsExactly("APPROACHING");
		this.sweep.sweep();
		assertThat(signals(report)).containsExactly("APPROACHING");
		this.clock.advance(Duration.ofMinutes(3));
		this.sweep.sweep();
		this.sweep.sweep();
		assertThat(signals(report)).containsExactly("APPROACHING", "BREACHED");
	}

	@Test
	void aNewStepGetsItsOwnSignals() {
		Fixture report = reach(ReportStatus.RECEIVED);
		awaitClock(report, "RECEIVED");
		this.clock.advance(Duration.ofMinutes(11));
		this.sweep.sweep();
		assertThat(signals(report)).containsExactly("BREACHED");
		act(report, "verify", "koordinator");
		awaitClock(report, "VERIFIED");
		this.clock.advance(Duration.ofMinutes(11));
		this.sweep.sweep();
		assertThat(signals(report)).containsExactly("BREACHED", "BREACHED");
	}

	/**
	 * A second instance of the service on the same database (its own application context, on the
	 * real clock, past every deadline here) sweeps at the same moment as this one.
	 */
	@Test
	void twoInstancesSweepingAtOnceGiveEverySignalExactlyOnce() throws Exception {
		List<Fixture> reports = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			reports.add(reach(ReportStatus.RECEIVED));
		}
		reports.forEach(report -> awaitClock(report, "RECEIVED"));
		this.clock.advance(Duration.ofMinutes(30));
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try (ConfigurableApplicationContext secondInstance = new SpringApplicationBuilder(LaporApplication.class)
			.profiles("test")
			.run("--server.port=0", "--lapor.scheduler.enabled=false",
					"--spring.modulith.republish-outstanding-events-on-restart=false")) {
			Sweeper other = secondInstance.getBean(Sweeper.class);
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> sweeps = new ArrayList<>();
			for (Sweeper sweeper : List.of(this.sweep, other)) {
				sweeps.add(pool.submit(() -> {
					start.await();
					return sweeper.sweep();
				}));
			}
			start.countDown();
			for (Future<Integer> sweep : sweeps) {
				sweep.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		for (Fixture report : reports) {
			assertThat(signals(report)).as(report.code()).containsExactly("BREACHED");
		}
	}

}
