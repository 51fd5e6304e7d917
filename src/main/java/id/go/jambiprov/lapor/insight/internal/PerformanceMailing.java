package id.go.jambiprov.lapor.insight.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Daily;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.account.Officers;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.directory.Directory;
import id.go.jambiprov.lapor.directory.Jurisdiction;
import id.go.jambiprov.lapor.mail.MailOutbox;
import id.go.jambiprov.lapor.sop.Deadlines;
import id.go.jambiprov.lapor.sop.WorkingCalendar;

import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * On the first working day of each month the previous month's performance report goes, as its
 * PDF, to the coordinators and supervisors of each jurisdiction (through the mail outbox): once,
 * whatever instance runs the daily task (db-scheduler runs it on one, and the month's row in
 * {@code performance_mailing} is written in the same transaction as the mails it queues).
 */
@Configuration(proxyBeanMethods = false)
class PerformanceMailing {

	private static final Logger log = LoggerFactory.getLogger(PerformanceMailing.class);

	static final Locale INDONESIAN = Locale.forLanguageTag("id");

	private final PerformanceReport performance;

	private final PerformanceDocuments documents;

	private final Officers officers;

	private final MailOutbox mail;

	private final Directory directory;

	private final Deadlines deadlines;

	private final MessageSource messages;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	PerformanceMailing(PerformanceReport performance, PerformanceDocuments documents, Officers officers,
			MailOutbox mail, Directory directory, Deadlines deadlines, MessageSource messages, JdbcClient jdbc,
			PlatformTransactionManager transactions, Clock clock) {
		this.performance = performance;
		this.documents = documents;
		this.officers = officers;
		this.mail = mail;
		this.directory = directory;
		this.deadlines = deadlines;
		this.messages = messages;
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	@Bean
	RecurringTask<Void> performanceMailingTask() {
		return Tasks.recurring("performance-mailing", new Daily(WorkingCalendar.JAKARTA, LocalTime.of(7, 30)))
			.execute((instance, context) -> mailIfDue());
	}

	/** Whether today (in Jakarta) is the first working day of its month. */
	boolean firstWorkingDay(LocalDate today) {
		WorkingCalendar calendar = this.deadlines.calendar();
		if (!calendar.isWorkingDay(today)) {
			return false;
		}
		for (LocalDate day = today.withDayOfMonth(1); day.isBefore(today); day = day.plusDays(1)) {
			if (calendar.isWorkingDay(day)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Mails last month's report of every jurisdiction not mailed yet, when today is the first
	 * working day of the month (or later in it: a day the task could not run is made up for).
	 * @return how many jurisdictions' reports were mailed now
	 */
	int mailIfDue() {
		LocalDate today = LocalDate.now(this.clock.withZone(WorkingCalendar.JAKARTA));
		LocalDate first = today.withDayOfMonth(1);
		boolean due = false;
		for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
			due |= firstWorkingDay(day);
		}
		if (!due) {
			return 0;
		}
		YearMonth month = YearMonth.from(today).minusMonths(1);
		int mailed = 0;
		for (Jurisdiction jurisdiction : this.directory.jurisdictions()) {
			try {
				Boolean done = this.transactions.execute(status -> mail(month, jurisdiction));
				mailed += Boolean.TRUE.equals(done) ? 1 : 0;
			}
			catch (DuplicateKeyException already) {
				// another instance mailed it meanwhile
			}
		}
		return mailed;
	}

	private boolean mail(YearMonth month, Jurisdiction jurisdiction) {
		boolean mailedBefore = this.jdbc.sql("""
				select count(*) from performance_mailing where figure_month = ? and jurisdiction = ?""")
			.params(month.atDay(1), jurisdiction.code())
			.query(Long.class)
			.single() > 0;
		if (mailedBefore) {
			return false;
		}
		Set<String> recipients = new LinkedHashSet<>();
		for (Role role : new Role[] { Role.COORDINATOR, Role.SUPERVISOR }) {
			for (UUID officer : this.officers.withRole(role, jurisdiction.code(), null)) {
				this.officers.email(officer).ifPresent(recipients::add);
			}
		}
		this.jdbc.sql("""
				insert into performance_mailing (figure_month, jurisdiction, mailed_at, recipients) values (?, ?, ?, ?)""")
			.params(month.atDay(1), jurisdiction.code(), Timestamp.from(this.clock.instant()), recipients.size())
			.update();
		if (recipients.isEmpty() || !this.mail.enabled()) {
			return true;
		}
		PerformanceReport.Performance figures = this.performance.month(month, jurisdiction.code());
		byte[] pdf = this.documents.pdf(figures, INDONESIAN);
		String monthName = this.documents.monthName(figures, INDONESIAN);
		String subject = this.messages.getMessage("perf.mail.subject", new Object[] { monthName, jurisdiction.name() },
				INDONESIAN);
		String body = this.messages.getMessage("perf.mail.body",
				new Object[] { monthName, jurisdiction.name(), figures.total().received(), figures.total().answered(),
						this.documents.share(figures.total().answeredOnTimeShare(), INDONESIAN) },
				INDONESIAN);
		String file = "kinerja-" + month + "-" + jurisdiction.code().toLowerCase(Locale.ROOT) + ".pdf";
		for (String recipient : recipients) {
			this.mail.queue(recipient, subject, body, "performance:" + month + ":" + jurisdiction.code(),
					new MailOutbox.Attachment(file, "application/pdf", pdf));
		}
		log.info("Performance report {} of {} queued for {} officers", month, jurisdiction.code(), recipients.size());
		return true;
	}

}
