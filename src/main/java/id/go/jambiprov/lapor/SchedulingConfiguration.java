package id.go.jambiprov.lapor;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Runs the recurring tasks the modules contribute (the SLA sweep, the system's timeouts) with
 * db-scheduler: executions are rows in {@code scheduled_tasks}, picked under an optimistic lock,
 * so with several instances on one database each run happens on one of them. Off with
 * {@code lapor.scheduler.enabled=false} (the tests run the tasks themselves, on their clock).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "lapor.scheduler.enabled", havingValue = "true", matchIfMissing = true)
class SchedulingConfiguration {

	@Bean(destroyMethod = "stop")
	@DependsOnDatabaseInitialization
	Scheduler scheduler(DataSource dataSource, List<RecurringTask<?>> tasks) {
		return Scheduler.create(dataSource)
			.startTasks(tasks)
			.threads(2)
			.pollingInterval(Duration.ofSeconds(10))
			.enableImmediateExecution()
			.build();
	}

	/**
	 * An event whose listener failed (a database hiccup, a provider outage) stays in the
	 * publication registry; this hands it to its listener again, so nothing is lost.
	 */
	@Bean
	RecurringTask<Void> resubmitEventsTask(IncompleteEventPublications incomplete) {
		return Tasks.recurring("resubmit-events", FixedDelay.of(Duration.ofMinutes(2)))
			.execute((instance, context) -> incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(1)));
	}

	/**
	 * Completed publications go to the archive table (completion mode {@code archive}): a week
	 * of what the listeners did, for an operator to look at; older ones are purged here, so the
	 * registry never grows without end.
	 */
	@Bean
	RecurringTask<Void> purgeEventArchiveTask(CompletedEventPublications completed,
			@Value("${lapor.events.archive-retention:P7D}") Duration retention) {
		return Tasks.recurring("purge-event-archive", FixedDelay.of(Duration.ofHours(1)))
			.execute((instance, context) -> completed.deletePublicationsOlderThan(retention));
	}

	/** Starts polling once the schema is migrated and the application is ready. */
	@Bean
	ApplicationListener<ApplicationReadyEvent> schedulerStarter(Scheduler scheduler) {
		return event -> scheduler.start();
	}

}
