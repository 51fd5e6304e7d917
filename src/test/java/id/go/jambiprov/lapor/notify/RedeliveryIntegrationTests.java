package id.go.jambiprov.lapor.notify;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import id.go.jambiprov.lapor.sla.Sweeper;
import id.go.jambiprov.lapor.support.ChannelClients;
import id.go.jambiprov.lapor.support.ChannelTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The publication registry delivers an event at least once: after a crash, or when a listener
 * was slow, it hands the same event to the listeners again. Every side effect is keyed by its
 * cause, so a second delivery of every completed publication (read back from the registry's
 * archive) sends no second message, mail or notification.
 */
class RedeliveryIntegrationTests extends ChannelTestSupport {

	@Autowired
	ApplicationContext context;

	@Autowired
	EventSerializer serializer;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Sweeper sweeper;

	private record Effects(long messages, long mails, long notifications) {
	}

	private Effects effects(String code, String formatted) {
		return new Effects(
				this.jdbc.sql("select count(*) from outbound_message where report_code in (?, ?)")
					.params(code, formatted)
					.query(Long.class)
					.single(),
				this.jdbc.sql("select count(*) from outbound_mail where subject like ? or subject like ?")
					.params("%" + code + "%", "%" + formatted + "%")
					.query(Long.class)
					.single(),
				this.jdbc.sql("select count(*) from notification where tracking_code in (?, ?)")
					.params(code, formatted)
					.query(Long.class)
					.single());
	}

	@Test
	void republishingEveryCompletedEventSendsNothingTwice() {
		// a WhatsApp reporter with every kind of side effect: channel messages, mail to officers,
		// in-app notices and escalations of a breached deadline
		String from = "62815" + String.format("%08d", System.nanoTime() % 100_000_000L);
		String id = "wamid.REDELIVER" + System.nanoTime();
		this.channels.whatsApp(ChannelClients.whatsAppText(id, from, "Sari", "Saluran air tersumbat di RT 05", 1763859000));
		assertThat(awaitHandled("WHATSAPP", id)).isEqualTo("FILED");
		String code = (String) inbound("WHATSAPP", id).get("report_code");
		String raw = code.replace("-", "");
		String formatted = raw.substring(0, 4) + "-" + raw.substring(4, 8) + "-" + raw.substring(8);
		Fixture report = new Fixture(formatted, null);
		act(report, "forward", "nasional", Map.of("jurisdiction", "JAMBI"));
		act(report, "receive", "koordinator");
		act(report, "verify", "koordinator");
		act(report, "assign", "koordinator", Map.of("agency", "DINKES"));
		act(report, "dispose", "koordinator");
		act(report, "accept", "dinkes");
		awaitClock(report, "IN_PROGRESS");
		this.clock.advance(Duration.ofDays(8));
		this.sweeper.sweep();
		act(report, "answer", "dinkes", Map.of("answer", "Saluran sudah dibersihkan."));
		awaitListeners("");
		Effects before = effects(raw, formatted);
		assertThat(before.messages()).isGreaterThanOrEqualTo(3); // receipt, to the agency, answered
		assertThat(before.mails()).isGreaterThanOrEqualTo(3);
		assertThat(before.notifications()).isGreaterThanOrEqualTo(2);

		// every completed publication about the report, handed to its listener once more, as the
		// registry does when it resubmits: the listener's method, the same event, a new transaction
		UUID reportId = this.jdbc.sql("select id from report where tracking_code = ?").param(raw).query(UUID.class).single();
		record Completed(String listener, String type, String event) {
		}
		List<Completed> completed = this.jdbc.sql("""
				select listener_id, event_type, serialized_event from event_publication_archive where serialized_event like ?""")
			.param("%" + reportId + "%")
			.query((rs, n) -> new Completed(rs.getString(1), rs.getString(2), rs.getString(3)))
			.list();
		assertThat(completed).hasSizeGreaterThan(20);
		for (Completed publication : completed) {
			this.transactions.executeWithoutResult(status -> deliverAgain(publication.listener(), publication.type(),
					publication.event()));
		}
		assertThat(effects(raw, formatted)).isEqualTo(before);
	}

	/** Calls {@code pkg.Class.method(pkg.Event)} on the listener bean with the deserialized event. */
	private void deliverAgain(String listenerId, String eventType, String serialized) {
		try {
			String signature = listenerId.substring(0, listenerId.indexOf('('));
			String className = signature.substring(0, signature.lastIndexOf('.'));
			String methodName = signature.substring(signature.lastIndexOf('.') + 1);
			Class<?> listenerType = Class.forName(className);
			Class<?> type = Class.forName(eventType);
			Object target = AopTestUtils.getUltimateTargetObject(this.context.getBean(listenerType));
			Method method = listenerType.getDeclaredMethod(methodName, type);
			method.setAccessible(true);
			method.invoke(target, this.serializer.deserialize(serialized, type));
		}
		catch (ReflectiveOperationException failed) {
			throw new IllegalStateException(failed);
		}
	}

}
