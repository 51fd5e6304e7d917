package id.go.jambiprov.lapor.report.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.directory.Category;
import id.go.jambiprov.lapor.directory.Directory;
import id.go.jambiprov.lapor.sop.Action;
import id.go.jambiprov.lapor.web.InvalidInputException;
import id.go.jambiprov.lapor.web.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/**
 * The answer templates a jurisdiction's coordinator keeps: per action with a text (the answer,
 * the question of a hold, the reason of an archive or a return) and per category (none: any),
 * with placeholders filled for the report at hand. The coordinator (and the national admin, for
 * any jurisdiction) writes them; every officer of the jurisdiction reads them.
 */
@Component
public class AnswerTemplates {

	/** The text field of each action a template serves. */
	public static final Map<Action, String> FIELDS = Map.of(Action.ANSWER, "answer", Action.HOLD, "reason",
			Action.ARCHIVE, "reason", Action.RETURN, "reason");

	/** The text field a template fills for the action of that path, if the action takes templates. */
	public static Optional<String> fieldOf(String actionPath) {
		return Action.fromPath(actionPath).map(FIELDS::get);
	}

	/** The placeholders a template may use. */
	public static final Set<String> PLACEHOLDERS = Set.of("kode", "tenggat", "opd", "nama_opd");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]{1,30})\\}");

	private static final DateTimeFormatter DUE = DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'WIB'",
			Locale.forLanguageTag("id"));

	static final int TITLE_MAX = 120;

	static final int BODY_MAX = 5_000;

	public record Template(long id, String jurisdiction, String action, String category, String title, String body,
			OffsetDateTime updatedAt, String updatedBy) {
	}

	/** A template as written; {@code jurisdiction} only for the national admin. */
	public record TemplateBody(String action, String category, String title, String body, String jurisdiction) {
	}

	private final JdbcClient jdbc;

	private final Directory directory;

	private final Clock clock;

	AnswerTemplates(JdbcClient jdbc, Directory directory, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.clock = clock;
	}

	/**
	 * The templates of the caller's jurisdiction (the national admin: every jurisdiction, or the
	 * one asked), for an action and a category when given: a category's own first, then those for
	 * any category.
	 */
	public List<Template> list(Actor actor, String action, String category, String jurisdiction) {
		String scope = readScope(actor, jurisdiction);
		StringBuilder sql = new StringBuilder("""
				select id, jurisdiction, action, category, title, body, updated_at, updated_by from answer_template
				where 1 = 1""");
		List<Object> params = new ArrayList<>();
		if (scope != null) {
			sql.append(" and jurisdiction = ?");
			params.add(scope);
		}
		if (action != null && !action.isBlank()) {
			sql.append(" and action = ?");
			params.add(action.strip());
		}
		if (category != null && !category.isBlank()) {
			sql.append(" and (category = ? or category is null)");
			params.add(category.strip());
		}
		sql.append(" order by action, case when category is null then 1 else 0 end, title, id");
		return this.jdbc.sql(sql.toString()).params(params).query(AnswerTemplates::template).list();
	}

	public Optional<Template> find(long id, Actor actor) {
		String scope = readScope(actor, null);
		return this.jdbc.sql("""
				select id, jurisdiction, action, category, title, body, updated_at, updated_by from answer_template
				where id = ?""")
			.param(id)
			.query(AnswerTemplates::template)
			.optional()
			.filter(t -> scope == null || scope.equals(t.jurisdiction()));
	}

	public Template create(TemplateBody body, Actor actor) {
		String jurisdiction = writeScope(actor, body == null ? null : body.jurisdiction());
		TemplateBody valid = validate(body);
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				insert into answer_template (jurisdiction, action, category, title, body, updated_at, updated_by)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(jurisdiction, valid.action(), valid.category(), valid.title(), valid.body(),
					Timestamp.from(this.clock.instant()), actor.username())
			.update(key, "id");
		return find(key.getKeyAs(Number.class).longValue(), actor).orElseThrow();
	}

	public Template update(long id, TemplateBody body, Actor actor) {
		Template existing = writable(id, actor);
		TemplateBody valid = validate(body);
		this.jdbc.sql("""
				update answer_template set action = ?, category = ?, title = ?, body = ?, updated_at = ?, updated_by = ?
				where id = ?""")
			.params(valid.action(), valid.category(), valid.title(), valid.body(), Timestamp.from(this.clock.instant()),
					actor.username(), existing.id())
			.update();
		return find(id, actor).orElseThrow();
	}

	public void delete(long id, Actor actor) {
		Template existing = writable(id, actor);
		this.jdbc.sql("delete from answer_template where id = ?").param(existing.id()).update();
	}

	/** The template's text with the report's facts in place of its placeholders. */
	public String fill(Template template, ReportService.ReportFacts facts) {
		Matcher matcher = PLACEHOLDER.matcher(template.body());
		StringBuilder filled = new StringBuilder();
		while (matcher.find()) {
			String value = switch (matcher.group(1)) {
				case "kode" -> facts.trackingCode();
				case "tenggat" -> facts.dueAt() == null ? "" : DUE.format(facts.dueAt());
				case "opd" -> facts.agency() == null ? "" : facts.agency();
				case "nama_opd" -> facts.agency() == null ? ""
						: this.directory.agency(facts.agency()).map(a -> a.name()).orElse(facts.agency());
				default -> matcher.group();
			};
			matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
		}
		matcher.appendTail(filled);
		return filled.toString();
	}

	/** A template the caller may change: the coordinator's own jurisdiction's, any for the national admin. */
	private Template writable(long id, Actor actor) {
		if (actor.role() != Role.COORDINATOR && actor.role() != Role.NATIONAL_ADMIN) {
			throw forbidden();
		}
		return find(id, actor).orElseThrow(AnswerTemplates::notFound);
	}

	private TemplateBody validate(TemplateBody body) {
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		TemplateBody given = body == null ? new TemplateBody(null, null, null, null, null) : body;
		String action = given.action() == null ? null : given.action().strip();
		if (action == null || action.isEmpty()) {
			errors.add("action", "required");
		}
		else if (Action.fromPath(action).filter(FIELDS::containsKey).isEmpty()) {
			errors.add("action", "template-action", "answer, hold, archive, return");
		}
		String category = given.category() == null || given.category().isBlank() ? null : given.category().strip();
		if (category != null && this.directory.category(category).filter(Category::active).isEmpty()) {
			errors.add("category", "unknown-category", category);
		}
		String title = given.title() == null ? "" : given.title().strip();
		if (title.isEmpty()) {
			errors.add("title", "required");
		}
		else if (title.length() > TITLE_MAX) {
			errors.add("title", "max-length", TITLE_MAX);
		}
		String text = given.body() == null ? "" : given.body().strip();
		if (text.isEmpty()) {
			errors.add("body", "required");
		}
		else if (text.length() > BODY_MAX) {
			errors.add("body", "max-length", BODY_MAX);
		}
		Set<String> unknown = new LinkedHashSet<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			if (!PLACEHOLDERS.contains(matcher.group(1))) {
				unknown.add(matcher.group());
			}
		}
		if (!unknown.isEmpty()) {
			errors.add("body", "placeholder", String.join(", ", unknown));
		}
		errors.throwIfAny();
		return new TemplateBody(action, category, title, text, null);
	}

	/** Whose templates the caller reads: their jurisdiction; the national admin any, or the one asked. */
	private static String readScope(Actor actor, String asked) {
		return switch (actor.role()) {
			case NATIONAL_ADMIN -> asked == null || asked.isBlank() ? null : asked.strip();
			case COORDINATOR, LIAISON, SUPERVISOR -> actor.jurisdiction();
			default -> throw forbidden();
		};
	}

	/** The jurisdiction the caller writes templates for: the coordinator's own; the national admin's choice. */
	private String writeScope(Actor actor, String asked) {
		if (actor.role() == Role.COORDINATOR) {
			return actor.jurisdiction();
		}
		if (actor.role() == Role.NATIONAL_ADMIN) {
			if (asked == null || asked.isBlank()) {
				throw new InvalidInputException.Collector().add("jurisdiction", "required").asException();
			}
			String code = asked.strip();
			if (this.directory.jurisdictions().stream().noneMatch(j -> j.code().equals(code))) {
				throw new InvalidInputException.Collector().add("jurisdiction", "unknown-jurisdiction", code)
					.asException();
			}
			return code;
		}
		throw forbidden();
	}

	private static ProblemException forbidden() {
		return new ProblemException(HttpStatus.FORBIDDEN, "forbidden-action", "problem.template-forbidden");
	}

	static ProblemException notFound() {
		return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "problem.template-not-found");
	}

	private static Template template(ResultSet rs, int n) throws SQLException {
		return new Template(rs.getLong("id"), rs.getString("jurisdiction"), rs.getString("action"),
				rs.getString("category"), rs.getString("title"), rs.getString("body"),
				rs.getTimestamp("updated_at").toInstant().atOffset(ZoneOffset.ofHours(7)), rs.getString("updated_by"));
	}

}
