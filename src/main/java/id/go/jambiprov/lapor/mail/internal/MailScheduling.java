package id.go.jambiprov.lapor.mail.internal;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Retries the outbox: mail that could not go out right after its commit (server down, a crash)
 * is sent by the next run.
 */
@Configuration(proxyBeanMethods = false)
class MailScheduling {

	@Bean
	RecurringTask<Void> mailDeliveryTask(JdbcMailOutbox outbox,
			@Value("${lapor.mail.retry-interval:PT30S}") Duration interval) {
		return Tasks.recurring("mail-delivery", FixedDelay.of(interval))
			.execute((instance, context) -> outbox.deliverDue());
	}

}
