package id.go.jambiprov.lapor.national.internal;

import id.go.jambiprov.lapor.report.ReportSubmitted;
import id.go.jambiprov.lapor.report.ReportTransitioned;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * The bridge's listeners, only where the bridge is configured: without {@code LAPOR_NATIONAL_URL}
 * no listener is registered, so a transition costs no event publication for it.
 */
@Component
@ConditionalOnExpression("'${lapor.national.url:}' != ''")
class NationalListeners {

	private final NationalOutbox outbox;

	NationalListeners(NationalOutbox outbox) {
		this.outbox = outbox;
	}

	@ApplicationModuleListener
	void on(ReportSubmitted event) {
		this.outbox.queueReport(event);
	}

	@ApplicationModuleListener
	void on(ReportTransitioned event) {
		this.outbox.queueStep(event);
	}

}
