package id.go.jambiprov.lapor.intake.internal;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The worker's safety net: messages stored but not handled right after their commit (a crash,
 * a failure) are handled by the next run, on whichever instance runs it.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ChannelSettings.class)
class IntakeScheduling {

	@Bean
	RecurringTask<Void> inboundProcessingTask(InboundProcessor processor,
			@Value("${lapor.channels.processing-interval:PT10S}") Duration interval) {
		return Tasks.recurring("inbound-processing", FixedDelay.of(interval))
			.execute((instance, context) -> processor.processDue());
	}

	/** The channels that are read rather than pushed: a Gammu SMSD database and an IMAP mailbox. */
	@Bean
	RecurringTask<Void> inboundPollingTask(GammuInbox modem, EmailInbox mailbox,
			@Value("${lapor.channels.polling-interval:PT30S}") Duration interval) {
		return Tasks.recurring("inbound-polling", FixedDelay.of(interval)).execute((instance, context) -> {
			modem.poll();
			mailbox.poll();
		});
	}

}
