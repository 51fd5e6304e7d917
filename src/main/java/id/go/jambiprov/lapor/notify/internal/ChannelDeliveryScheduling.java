package id.go.jambiprov.lapor.notify.internal;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Retries the channel outbox: messages a provider did not take right after their commit (an
 * outage, a 429, a crash) go out with the next run.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProviderSettings.class)
class ChannelDeliveryScheduling {

	@Bean
	RecurringTask<Void> channelDeliveryTask(JdbcChannelMessages outbox,
			@Value("${lapor.channels.retry-interval:PT15S}") Duration interval) {
		return Tasks.recurring("channel-delivery", FixedDelay.of(interval))
			.execute((instance, context) -> outbox.deliverDue());
	}

}
