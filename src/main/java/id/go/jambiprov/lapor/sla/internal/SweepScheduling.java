package id.go.jambiprov.lapor.sla.internal;

import java.time.Duration;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import id.go.jambiprov.lapor.sla.Sweeper;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Runs the clock sweep with db-scheduler: its executions are rows in {@code scheduled_tasks},
 * picked with an optimistic lock, so with several instances on one database one of them runs
 * each sweep. Off with {@code lapor.scheduler.enabled=false} (the tests run the sweep
 * themselves, on their own clock).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lapor.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class SweepScheduling {

	private static final Logger log = LoggerFactory.getLogger(SweepScheduling.class);

	@Bean
	RecurringTask<Void> slaSweepTask(Sweeper sweep,
			@Value("${lapor.sla.sweep-interval:PT30S}") Duration interval) {
		return Tasks.recurring("sla-sweep", FixedDelay.of(interval)).execute((instance, context) -> {
			int given = sweep.sweep();
			if (given > 0) {
				log.info("SLA sweep gave {} signals", given);
			}
		});
	}

	@Bean(destroyMethod = "stop")
	@DependsOnDatabaseInitialization
	Scheduler scheduler(DataSource dataSource, RecurringTask<Void> slaSweepTask) {
		return Scheduler.create(dataSource)
			.startTasks(slaSweepTask)
			.threads(2)
			.pollingInterval(Duration.ofSeconds(10))
			.enableImmediateExecution()
			.build();
	}

	/** Starts polling once the schema is migrated and the application is ready. */
	@Bean
	ApplicationListener<ApplicationReadyEvent> schedulerStarter(Scheduler scheduler) {
		return event -> scheduler.start();
	}

}
