package id.go.jambiprov.lapor.report.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import id.go.jambiprov.lapor.report.PublicReports;
import id.go.jambiprov.lapor.report.TrackingCode;
import id.go.jambiprov.lapor.sop.Action;
import id.go.jambiprov.lapor.sop.ReportStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The public read model of reports, straight from the report table: the confidential ones never
 * selected, the reporter's columns never read, the texts and photos only of verified reports.
 */
@Service
class JdbcPublicReports implements PublicReports {

	private static final String SELECT = """
			select r.id, r.tracking_code, r.status, r.category, coalesce(r.redacted_title, r.title) as public_title,
			  coalesce(r.redacted_description, r.description) as public_description, a.name as agency_name,
			  r.submitted_at, r.status_since, r.resolution_due_at, r.location_address, r.location_regency,
			  r.location_latitude, r.location_longitude,
			  exists (select 1 from timeline_entry t where t.report_id = r.id and t.action = 'verify') as verified
			from report r left join agency a on a.code = r.agency
			""";

	private static final List<String> IMAGE_TYPES = List.of("image/jpeg", "image/png");

	private static final List<String> FINAL = List.of(ReportStatus.CLOSED.name(), ReportStatus.ARCHIVED.name());

	private final JdbcClient jdbc;

	JdbcPublicReports(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private record Row(UUID id, PublicReport report) {
	}

	@Override
	public List<PublicReport> verified(Filter filter) {
		StringBuilder sql = new StringBuilder(SELECT).append("""
				where r.confidential = false and r.jurisdiction = :jurisdiction
				  and r.submitted_at >= :from and r.submitted_at < :to
				  and exists (select 1 from timeline_entry t where t.report_id = r.id and t.action = :verify)
				""");
		Map<String, Object> params = new HashMap<>();
		params.put("jurisdiction", filter.jurisdiction());
		params.put("from", Timestamp.from(filter.from()));
		params.put("to", Timestamp.from(filter.to()));
		params.put("verify", Action.VERIFY.path());
		if (!filter.categories().isEmpty()) {
			sql.append(" and r.category in (:categories)");
			params.put("categories", filter.categories());
		}
		if (filter.closed() != null) {
			sql.append(filter.closed() ? " and r.status in (:final)" : " and r.status not in (:final)");
			params.put("final", FINAL);
		}
		sql.append(" order by r.submitted_at desc, r.id fetch first ").append(Math.max(1, filter.limit()))
			.append(" rows only");
		return withImages(this.jdbc.sql(sql.toString()).params(params).query(JdbcPublicReports::row).list());
	}

	@Override
	public List<PublicReport> byCodes(List<String> trackingCodes) {
		List<String> codes = trackingCodes.stream()
			.map(TrackingCode::parse)
			.flatMap(Optional::stream)
			.map(TrackingCode::value)
			.distinct()
			.toList();
		if (codes.isEmpty()) {
			return List.of();
		}
		Map<String, Row> found = new HashMap<>();
		for (Row row : this.jdbc.sql(SELECT + " where r.confidential = false and r.tracking_code in (:codes)")
			.param("codes", codes)
			.query(JdbcPublicReports::row)
			.list()) {
			found.put(row.report().trackingCode(), row);
		}
		List<Row> ordered = new ArrayList<>();
		for (String code : codes) {
			Row row = found.get(new TrackingCode(code).formatted());
			if (row != null) {
				ordered.add(row);
			}
		}
		return withImages(ordered);
	}

	@Override
	public Optional<Image> image(String trackingCode, UUID imageId) {
		return TrackingCode.parse(trackingCode).flatMap(code -> this.jdbc.sql("""
				select f.content_type, f.content from attachment f join report r on r.id = f.report_id
				where f.id = :id and r.tracking_code = :code and r.confidential = false and f.entry_number is null
				  and f.content_type in (:types)
				  and exists (select 1 from timeline_entry t where t.report_id = r.id and t.action = :verify)""")
			.param("id", imageId)
			.param("code", code.value())
			.param("types", IMAGE_TYPES)
			.param("verify", Action.VERIFY.path())
			.query((rs, n) -> new Image(rs.getString("content_type"), rs.getBytes("content")))
			.optional());
	}

	/** The first photo of each verified report, in one query. */
	private List<PublicReport> withImages(List<Row> rows) {
		List<UUID> verified = rows.stream().filter(row -> row.report().verified()).map(Row::id).toList();
		Map<UUID, UUID> first = new LinkedHashMap<>();
		if (!verified.isEmpty()) {
			this.jdbc.sql("""
					select report_id, id from attachment
					where report_id in (:ids) and entry_number is null and content_type in (:types)
					order by uploaded_at, id""")
				.param("ids", verified)
				.param("types", IMAGE_TYPES)
				.query((rs, n) -> first.putIfAbsent(rs.getObject("report_id", UUID.class),
						rs.getObject("id", UUID.class)))
				.list();
		}
		return rows.stream().map(row -> {
			PublicReport report = row.report();
			UUID image = first.get(row.id());
			return image == null ? report
					: new PublicReport(report.trackingCode(), report.status(), report.category(), report.verified(),
							report.description(), report.agencyName(), report.requestedAt(), report.updatedAt(),
							report.expectedAt(), report.address(), report.latitude(), report.longitude(), image);
		}).toList();
	}

	private static Row row(ResultSet rs, int n) throws SQLException {
		boolean verified = rs.getBoolean("verified");
		String address = joined(rs.getString("location_address"), rs.getString("location_regency"));
		Timestamp due = rs.getTimestamp("resolution_due_at");
		return new Row(rs.getObject("id", UUID.class),
				new PublicReport(new TrackingCode(rs.getString("tracking_code")).formatted(),
						ReportStatus.valueOf(rs.getString("status")), rs.getString("category"), verified,
						verified ? rs.getString("public_title") + "\n\n" + rs.getString("public_description") : null,
						rs.getString("agency_name"), rs.getTimestamp("submitted_at").toInstant(),
						rs.getTimestamp("status_since").toInstant(), due == null ? null : due.toInstant(), address,
						number(rs, "location_latitude"), number(rs, "location_longitude"), null));
	}

	private static @Nullable String joined(@Nullable String address, @Nullable String regency) {
		if (address == null) {
			return regency;
		}
		return regency == null ? address : address + ", " + regency;
	}

	private static @Nullable Double number(ResultSet rs, String column) throws SQLException {
		double value = rs.getDouble(column);
		return rs.wasNull() ? null : value;
	}

}
