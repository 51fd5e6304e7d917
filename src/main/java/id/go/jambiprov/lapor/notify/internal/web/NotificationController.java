package id.go.jambiprov.lapor.notify.internal.web;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.CurrentActor;
import id.go.jambiprov.lapor.report.TrackingCode;
import id.go.jambiprov.lapor.sop.WorkingCalendar;
import id.go.jambiprov.lapor.web.ProblemException;
import id.go.jambiprov.lapor.web.ProblemResponses;
import id.go.jambiprov.lapor.web.ProblemTypes;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifikasi / Notifications")
class NotificationController {

	static final int LIMIT = 100;

	record Notification(long id, String kind, String message, String trackingCode, String reportStatus,
			OffsetDateTime dueAt, OffsetDateTime createdAt, boolean read) {
	}

	private final JdbcClient jdbc;

	private final CurrentActor actor;

	private final ProblemResponses messages;

	private final Clock clock;

	NotificationController(JdbcClient jdbc, CurrentActor actor, ProblemResponses messages, Clock clock) {
		this.jdbc = jdbc;
		this.actor = actor;
		this.messages = messages;
		this.clock = clock;
	}

	@GetMapping
	@Operation(summary = "Notifikasi saya / My notifications, newest first")
	List<Notification> mine(@RequestParam(defaultValue = "false") boolean unread) {
		Actor me = me();
		return this.jdbc.sql("""
				select id, kind, tracking_code, report_status, due_at, created_at, read_at from notification
				where user_id = ?""" + (unread ? " and read_at is null" : "") + " order by id desc fetch first ? rows only")
			.params(me.userId(), LIMIT)
			.query((rs, n) -> {
				String formatted = new TrackingCode(rs.getString("tracking_code")).formatted();
				Timestamp due = rs.getTimestamp("due_at");
				OffsetDateTime dueAt = due == null ? null
						: due.toInstant().atZone(WorkingCalendar.JAKARTA).toOffsetDateTime();
				String status = rs.getString("report_status");
				return new Notification(rs.getLong("id"), rs.getString("kind"),
						this.messages.message("notification." + rs.getString("kind"), formatted,
								this.messages.message("status." + status), dueAt == null ? "-"
										: dueAt.toLocalDateTime().toString().replace('T', ' ').substring(0, 16)),
						formatted, status, dueAt,
						rs.getTimestamp("created_at").toInstant().atZone(WorkingCalendar.JAKARTA).toOffsetDateTime(),
						rs.getTimestamp("read_at") != null);
			})
			.list();
	}

	@PostMapping("/{id}/read")
	@Operation(summary = "Tandai sudah dibaca / Mark as read")
	ResponseEntity<Void> read(@PathVariable long id) {
		int updated = this.jdbc.sql("""
				update notification set read_at = coalesce(read_at, ?) where id = ? and user_id = ?""")
			.params(Timestamp.from(this.clock.instant()), id, me().userId())
			.update();
		if (updated == 0) {
			throw new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "problem.no-resource");
		}
		return ResponseEntity.noContent().build();
	}

	private Actor me() {
		Actor me = this.actor.get()
			.orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED,
					"problem.unauthenticated"));
		if (!me.hasAccount()) {
			throw new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, "problem.unauthenticated");
		}
		return me;
	}

}
