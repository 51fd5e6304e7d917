package id.go.jambiprov.lapor.report.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import id.go.jambiprov.lapor.report.TrackingCode;
import id.go.jambiprov.lapor.shared.Databases;
import id.go.jambiprov.lapor.sop.ReportStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reports that look like another: of the same jurisdiction, filed in the last 60 days, not
 * archived and not themselves linked, ranked by how alike their words are. On PostgreSQL,
 * full-text search with the {@code indonesian} configuration (any word of the title, over title
 * and chronology, stemmed) plus trigram similarity of the titles; on the embedded H2, the share of
 * words the titles and chronologies have in common.
 */
@Component
public class SimilarReports {

	static final Duration WINDOW = Duration.ofDays(60);

	static final int LIMIT = 5;

	/** A report that looks like the one at hand. */
	public record Similar(String trackingCode, String title, ReportStatus status, OffsetDateTime submittedAt,
			double score) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final boolean postgreSql;

	SimilarReports(JdbcClient jdbc, Clock clock, DataSource dataSource) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.postgreSql = Databases.isPostgreSql(dataSource);
	}

	List<Similar> to(UUID reportId, String jurisdiction, String title, String description) {
		if (jurisdiction == null) {
			return List.of();
		}
		Timestamp since = Timestamp.from(this.clock.instant().minus(WINDOW));
		return this.postgreSql ? postgreSql(reportId, jurisdiction, title, since)
				: embedded(reportId, jurisdiction, title, description, since);
	}

	private List<Similar> postgreSql(UUID reportId, String jurisdiction, String title, Timestamp since) {
		String anyWord = words(title).stream().collect(Collectors.joining(" | "));
		if (anyWord.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				select tracking_code, title, status, submitted_at, score from (
				  select tracking_code, title, status, submitted_at,
				         ts_rank(to_tsvector('indonesian', title || ' ' || description), to_tsquery('indonesian', :words))
				           + similarity(title, :title) as score
				  from report
				  where jurisdiction = :jurisdiction and id <> :id and submitted_at >= :since
				    and status not in ('ARCHIVED', 'LINKED')
				    and (to_tsvector('indonesian', title || ' ' || description) @@ to_tsquery('indonesian', :words)
				         or similarity(title, :title) > 0.3)
				) candidates
				where score >= 0.2
				order by score desc, submitted_at desc fetch first :limit rows only""")
			.param("words", anyWord)
			.param("title", title)
			.param("jurisdiction", jurisdiction)
			.param("id", reportId)
			.param("since", since)
			.param("limit", LIMIT)
			.query((rs, n) -> new Similar(new TrackingCode(rs.getString("tracking_code")).formatted(),
					rs.getString("title"), ReportStatus.valueOf(rs.getString("status")),
					rs.getTimestamp("submitted_at").toInstant().atOffset(ZoneOffset.ofHours(7)), rs.getDouble("score")))
			.list();
	}

	private List<Similar> embedded(UUID reportId, String jurisdiction, String title, String description,
			Timestamp since) {
		Set<String> titleWords = words(title);
		Set<String> allWords = words(title + " " + description);
		if (titleWords.isEmpty()) {
			return List.of();
		}
		record Candidate(String code, String title, String description, String status, Timestamp at) {
		}
		return this.jdbc.sql("""
				select tracking_code, title, description, status, submitted_at from report
				where jurisdiction = ? and id <> ? and submitted_at >= ? and status not in ('ARCHIVED', 'LINKED')
				order by submitted_at desc fetch first 1000 rows only""")
			.params(jurisdiction, reportId, since)
			.query((rs, n) -> new Candidate(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5)))
			.list()
			.stream()
			.map(c -> new Similar(new TrackingCode(c.code()).formatted(), c.title(), ReportStatus.valueOf(c.status()),
					c.at().toInstant().atOffset(ZoneOffset.ofHours(7)),
					share(titleWords, words(c.title())) + 0.5 * share(allWords, words(c.title() + " " + c.description()))))
			.filter(s -> s.score() >= 0.3)
			.sorted(Comparator.comparingDouble(Similar::score).reversed())
			.limit(LIMIT)
			.toList();
	}

	/** The words of a text worth comparing: letters and digits, three or more, lower case. */
	static Set<String> words(String text) {
		Set<String> words = new LinkedHashSet<>();
		if (text == null) {
			return words;
		}
		for (String word : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
			if (word.length() >= 3) {
				words.add(word);
			}
		}
		return words;
	}

	/** How much two sets of words share: the size of what they have in common over the size of both (Jaccard). */
	private static double share(Set<String> a, Set<String> b) {
		if (a.isEmpty() || b.isEmpty()) {
			return 0;
		}
		Set<String> common = new HashSet<>(a);
		common.retainAll(b);
		Set<String> both = new HashSet<>(a);
		both.addAll(b);
		return (double) common.size() / both.size();
	}

}
