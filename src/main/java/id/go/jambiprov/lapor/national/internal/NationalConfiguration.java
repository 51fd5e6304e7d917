package id.go.jambiprov.lapor.national.internal;

import java.time.Duration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import tools.jackson.databind.json.JsonMapper;

/**
 * The adapter the settings name, and the bridge's recurring work: the outbox's safety net (calls
 * not sent right after their commit) and the pulls, on whichever instance runs them.
 */
@Configuration(proxyBeanMethods = false)
class NationalConfiguration {

	@Bean
	NationalSystem nationalSystem(NationalSettings settings, JsonMapper json) {
		return settings.adapter() == NationalSettings.Adapter.LEGACY_XML ? new LegacyXmlNationalSystem(settings)
				: new HttpNationalSystem(settings, json);
	}

	@Bean
	RecurringTask<Void> nationalOutboxTask(NationalOutbox outbox,
			@Value("${lapor.national.send-interval:PT30S}") Duration interval) {
		return Tasks.recurring("national-outbox", FixedDelay.of(interval))
			.execute((instance, context) -> outbox.sendDue());
	}

	@Bean
	RecurringTask<Void> nationalPullTask(NationalPull pull,
			@Value("${lapor.national.pull-interval:PT1M}") Duration interval) {
		return Tasks.recurring("national-pull", FixedDelay.of(interval)).execute((instance, context) -> {
			pull.pullForwarded();
			pull.pullReplies();
		});
	}

}
