package id.go.jambiprov.lapor.report.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.directory.Directory;
import id.go.jambiprov.lapor.report.TrackingCode;
import id.go.jambiprov.lapor.report.internal.ReportService.ReportPage;
import id.go.jambiprov.lapor.shared.Letterhead;
import id.go.jambiprov.lapor.shared.CsvWriter;
import id.go.jambiprov.lapor.shared.PdfDocuments;
import id.go.jambiprov.lapor.sop.WorkingCalendar;
import id.go.jambiprov.lapor.web.ProblemException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import tools.jackson.databind.json.JsonMapper;

/**
 * Closed reports for the provincial archive: once a report has been closed (or archived) for
 * {@code lapor.archive.after-years} (2 by default), the coordinator of its jurisdiction, or the
 * national admin, downloads one ZIP per month of submission: for each report a PDF with the
 * report and its public timeline, the same as JSON, and its files; a list of the whole package.
 * A package that reached its end is recorded ({@code archive_package}, append-only, with the
 * ZIP's SHA-256); only a report in a recorded package may then have its reporter's contact
 * details erased on request ({@link #erase}), and the report and its figures stay.
 */
@Service
public class ReportArchive {

	private static final Logger log = LoggerFactory.getLogger(ReportArchive.class);

	/** The problem type of an erasure asked before the report went to the archive. */
	public static final String NOT_ARCHIVED = "not-archived";

	private static final List<String> FINAL = List.of("CLOSED", "ARCHIVED");

	private final JdbcClient jdbc;

	private final ReportRepository reports;

	private final ReportService service;

	private final Attachments attachments;

	private final ITemplateEngine templates;

	private final Directory directory;

	private final MessageSource messages;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final int afterYears;

	private final Letterhead letterhead;

	ReportArchive(JdbcClient jdbc, ReportRepository reports, ReportService service, Attachments attachments,
			ITemplateEngine templates, Directory directory, MessageSource messages, JsonMapper json,
			PlatformTransactionManager transactionManager, Clock clock,
			@Value("${lapor.archive.after-years:2}") int afterYears, Letterhead letterhead) {
		this.jdbc = jdbc;
		this.reports = reports;
		this.service = service;
		this.attachments = attachments;
		this.templates = templates;
		this.directory = directory;
		this.messages = messages;
		this.json = json;
		this.transactions = new TransactionTemplate(transactionManager);
		this.clock = clock;
		this.afterYears = afterYears;
		this.letterhead = letterhead;
	}

	/** A month of submissions: how many of its reports may go to the archive, how many went. */
	public record Month(YearMonth month, long eligible, long packaged) {
	}

	/** A package that was made. */
	public record Package(long id, String month, String jurisdiction, OffsetDateTime madeAt, String username, int reports,
			String sha256) {
	}

	/** What an erasure did. */
	public record Erased(String trackingCode, OffsetDateTime erasedAt) {
	}

	/** The years a report stays closed before it goes to the archive. */
	public int afterYears() {
		return this.afterYears;
	}

	/** The jurisdiction the officer packages: the coordinator's own; the national admin names one. */
	public String jurisdiction(Actor officer, @Nullable String asked) {
		if (officer.role() == Role.COORDINATOR) {
			return officer.jurisdiction();
		}
		if (officer.role() == Role.NATIONAL_ADMIN) {
			return asked == null || asked.isBlank() ? "JAMBI" : asked.strip();
		}
		throw ReportRefusal.forbiddenRead();
	}

	private Instant closedBefore() {
		return this.clock.instant().atZone(WorkingCalendar.JAKARTA).minusYears(this.afterYears).toInstant();
	}

	/** The months that have reports ready for the archive, newest first. */
	public List<Month> months(Actor officer, @Nullable String asked) {
		String jurisdiction = jurisdiction(officer, asked);
		Map<YearMonth, long[]> months = new TreeMap<>(Comparator.reverseOrder());
		this.jdbc.sql("""
				select r.submitted_at,
				       exists (select 1 from archive_package_report p where p.report_id = r.id) as packaged
				from report r where r.jurisdiction = ? and r.status in (?, ?) and r.status_since < ?""")
			.params(jurisdiction, FINAL.get(0), FINAL.get(1), Timestamp.from(closedBefore()))
			.query(rs -> {
				YearMonth month = YearMonth.from(rs.getTimestamp("submitted_at").toInstant().atZone(WorkingCalendar.JAKARTA));
				long[] m = months.computeIfAbsent(month, k -> new long[2]);
				m[0]++;
				if (rs.getBoolean("packaged")) {
					m[1]++;
				}
			});
		List<Month> list = new ArrayList<>();
		months.forEach((month, m) -> list.add(new Month(month, m[0], m[1])));
		return list;
	}

	/** The packages made in the officer's scope, newest first. */
	public List<Package> packages(Actor officer, @Nullable String asked) {
		String jurisdiction = jurisdiction(officer, asked);
		return this.jdbc.sql("""
				select id, package_month, jurisdiction, made_at, username, report_count, sha256 from archive_package
				where jurisdiction = ? order by id desc fetch first 50 rows only""")
			.param(jurisdiction)
			.query((rs, n) -> new Package(rs.getLong("id"), rs.getString("package_month"), rs.getString("jurisdiction"),
					ReportViews.jakarta(rs.getTimestamp("made_at").toInstant()), rs.getString("username"), rs.getInt("report_count"),
					rs.getString("sha256")))
			.list();
	}

	public String fileName(String jurisdiction, YearMonth month) {
		return "arsip-laporan-" + jurisdiction.toLowerCase(Locale.ROOT) + "-" + month + ".zip";
	}

	/**
	 * Writes the month's package to {@code out} and, once its last byte is written, records it.
	 * @return how many reports it holds
	 */
	public int write(Actor officer, @Nullable String asked, YearMonth month, Locale locale, OutputStream out) {
		String jurisdiction = jurisdiction(officer, asked);
		Instant from = month.atDay(1).atStartOfDay(WorkingCalendar.JAKARTA).toInstant();
		Instant to = month.plusMonths(1).atDay(1).atStartOfDay(WorkingCalendar.JAKARTA).toInstant();
		List<UUID> ids = this.jdbc.sql("""
				select id from report where jurisdiction = ? and status in (?, ?) and status_since < ?
				  and submitted_at >= ? and submitted_at < ? order by submitted_at, tracking_code""")
			.params(jurisdiction, FINAL.get(0), FINAL.get(1), Timestamp.from(closedBefore()), Timestamp.from(from),
					Timestamp.from(to))
			.query(UUID.class)
			.list();
		MessageDigest sha256 = sha256();
		String folder = fileName(jurisdiction, month).replace(".zip", "") + "/";
		List<List<Object>> listed = new ArrayList<>();
		try {
			ZipOutputStream zip = new ZipOutputStream(new DigestOutputStream(out, sha256));
			for (UUID id : ids) {
				Report report = this.reports.findById(id).orElseThrow();
				ReportPage page = this.service.archiveCopy(report, officer);
				String code = page.view().trackingCode();
				entry(zip, folder + code + "/laporan.pdf", pdf(page, locale));
				entry(zip, folder + code + "/laporan.json", this.json.writerWithDefaultPrettyPrinter()
					.writeValueAsBytes(Map.of("report", page.view(), "timeline", page.timeline(), "files", page.files())));
				for (Attachments.Stored file : page.files()) {
					Attachments.Content content = this.attachments.content(id, file.id()).orElseThrow();
					entry(zip, folder + code + "/berkas/" + content.fileName(), content.bytes());
				}
				listed.add(List.of(code, page.view().title(), text("type." + page.view().type(), locale),
						text("status." + page.view().status(), locale),
						page.view().agency() == null ? "" : page.view().agency().name(),
						page.view().submittedAt().toLocalDateTime().toString().replace('T', ' '),
						page.view().statusSince().toLocalDateTime().toString().replace('T', ' '), page.files().size(),
						page.view().anonymous() ? text("archive.yes", locale) : text("archive.no", locale),
						page.view().confidential() ? text("archive.yes", locale) : text("archive.no", locale)));
			}
			ByteArrayOutputStream list = new ByteArrayOutputStream();
			try (CsvWriter csv = new CsvWriter(list)) {
				List<Object> header = new ArrayList<>();
				for (String column : List.of("code", "title", "type", "status", "agency", "submitted", "closed", "files",
						"anonymous", "confidential")) {
					header.add(text("archive.col." + column, locale));
				}
				csv.line(header);
				listed.forEach(csv::line);
			}
			entry(zip, folder + "daftar.csv", list.toByteArray());
			zip.finish();
			zip.flush();
		}
		catch (IOException ex) {
			log.warn("event=archive-package-broken jurisdiction={} month={} user={}: {}", jurisdiction, month,
					officer.username(), ex.getMessage());
			throw new UncheckedIOException(ex);
		}
		if (!ids.isEmpty()) {
			record(officer, jurisdiction, month, ids, HexFormat.of().formatHex(sha256.digest()));
		}
		return ids.size();
	}

	private void record(Actor officer, String jurisdiction, YearMonth month, List<UUID> ids, String sha256) {
		this.transactions.executeWithoutResult(status -> {
			GeneratedKeyHolder key = new GeneratedKeyHolder();
			this.jdbc.sql("""
					insert into archive_package (package_month, jurisdiction, made_at, user_id, username, role, report_count, sha256)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(month.toString(), jurisdiction, Timestamp.from(this.clock.instant()), officer.userId(),
						officer.username() == null ? "-" : officer.username(), officer.role().name(), ids.size(), sha256)
				.update(key, "id");
			long id = key.getKeyAs(Number.class).longValue();
			for (UUID report : ids) {
				this.jdbc.sql("insert into archive_package_report (package_id, report_id) values (?, ?)")
					.params(id, report)
					.update();
			}
		});
		log.info("event=archive-package-made jurisdiction={} month={} reports={} user={} sha256={}", jurisdiction, month,
				ids.size(), officer.username(), sha256);
	}

	/**
	 * Erases the reporter's contact details (name, e-mail, phone, identity number, channel handle,
	 * the link to their account) of a report that went to the archive, on the reporter's request;
	 * the report, its timeline and its figures stay. Recorded in {@code reporter_erasure}.
	 */
	public Erased erase(String code, String reason, Actor officer) {
		if (officer.role() != Role.COORDINATOR && officer.role() != Role.NATIONAL_ADMIN) {
			throw ReportRefusal.forbiddenRead();
		}
		Report report = TrackingCode.parse(code)
			.flatMap(c -> this.reports.findByTrackingCode(c.value()))
			.filter(r -> ReportAccess.inScope(r, officer))
			.orElseThrow(ReportRefusal::notFound);
		Instant now = this.clock.instant();
		Boolean done = this.transactions.execute(status -> {
			boolean packaged = this.jdbc.sql("select count(*) from archive_package_report where report_id = ?")
				.param(report.id())
				.query(Long.class)
				.single() > 0;
			if (!packaged) {
				throw new ProblemException(HttpStatus.CONFLICT, NOT_ARCHIVED, "problem.not-archived",
						report.trackingCode().formatted());
			}
			boolean erasedBefore = this.jdbc.sql("select count(*) from reporter_erasure where report_id = ?")
				.param(report.id())
				.query(Long.class)
				.single() > 0;
			if (erasedBefore) {
				return false;
			}
			this.jdbc.sql("""
					update report set reporter_name = null, reporter_email = null, reporter_phone = null,
					  reporter_identity_number = null, reporter_handle = null, reporter_account_id = null,
					  version = version + 1
					where id = ?""")
				.param(report.id())
				.update();
			this.jdbc.sql("""
					insert into reporter_erasure (report_id, erased_at, user_id, username, role, reason)
					values (?, ?, ?, ?, ?, ?)""")
				.params(report.id(), Timestamp.from(now), officer.userId(),
						officer.username() == null ? "-" : officer.username(), officer.role().name(), reason)
				.update();
			return true;
		});
		if (Boolean.TRUE.equals(done)) {
			log.info("event=reporter-contacts-erased report={} user={} role={}", report.trackingCode().formatted(),
					officer.username(), officer.role());
		}
		Instant at = this.jdbc.sql("select erased_at from reporter_erasure where report_id = ?")
			.param(report.id())
			.query(Timestamp.class)
			.single()
			.toInstant();
		return new Erased(report.trackingCode().formatted(), ReportViews.jakarta(at));
	}

	private byte[] pdf(ReportPage page, Locale locale) {
		Context context = new Context(locale);
		context.setVariable("page", page);
		context.setVariable("category", page.view().category() == null ? null
				: this.directory.category(page.view().category()).map(c -> c.name()).orElse(page.view().category()));
		ReportViews.ReporterView r = page.view().reporter();
		context.setVariable("reporter", r == null ? null
				: String.join(", ", java.util.stream.Stream.of(r.name(), r.email(), r.phone(), r.channelHandle())
					.filter(part -> part != null && !part.isBlank())
					.toList()));
		context.setVariables(this.letterhead.variables());
		context.setVariable("generated", DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm", locale)
			.format(this.clock.instant().atZone(WorkingCalendar.JAKARTA)));
		context.setVariable("when", DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", locale));
		return PdfDocuments.render(this.templates.process("documents/report", context));
	}

	private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(bytes);
		zip.closeEntry();
	}

	private String text(String key, Locale locale) {
		return this.messages.getMessage(key, null, key, locale);
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException unreachable) {
			throw new IllegalStateException(unreachable);
		}
	}

}
