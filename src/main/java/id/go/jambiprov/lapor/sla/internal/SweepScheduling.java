package id.go.jambiprov.lapor.sla.internal;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import id.go.jambiprov.lapor.sla.Sweeper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The clock sweep as a recurring db-scheduler task (run by the application's scheduler).
 */
@Configuration(proxyBeanMethods = false)
class SweepScheduling {

	private static final Logger log = LoggerFactory.getLogger(SweepScheduling.class);

	@Bean
	RecurringTask<Void> slaSweepTask(Sweeper sweep, @Value("${lapor.sla.sweep-interval:PT30S}") Duration interval) {
		return Tasks.recurring("sla-sweep", FixedDelay.of(interval)).execute((instance, context) -> {
			int given = sweep.sweep();
			if (given > 0) {
				log.info("SLA sweep gave {} signals", given);
			}
		});
	}

}
