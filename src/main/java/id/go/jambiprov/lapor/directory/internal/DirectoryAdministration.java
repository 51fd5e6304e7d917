package id.go.jambiprov.lapor.directory.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import id.go.jambiprov.lapor.directory.Agency;
import id.go.jambiprov.lapor.directory.Category;
import id.go.jambiprov.lapor.web.InvalidInputException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The system admin's changes to agencies and categories. Nothing is deleted: an agency that
 * merges or dissolves gets its last day and, where one exists, the successor that takes its
 * work; a category is retired. Every change is recorded with who and when.
 */
@Service
public class DirectoryAdministration {

	static final String CODE_PATTERN = "[A-Z0-9_]{2,40}";

	static final int NAME_MAX = 300;

	private static final ZoneOffset JAKARTA = ZoneOffset.ofHours(7);

	record Change(String entity, String code, String changeKind, String after, String changedBy,
			OffsetDateTime changedAt) {
	}

	private final JdbcClient jdbc;

	private final JdbcDirectory directory;

	private final Clock clock;

	DirectoryAdministration(JdbcClient jdbc, JdbcDirectory directory, Clock clock) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.clock = clock;
	}

	@Transactional
	public void saveAgency(Agency agency, boolean isNew, String by) {
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		String code = agency.code() == null ? "" : agency.code().strip();
		boolean exists = exists("agency", code);
		if (isNew) {
			code(code, exists, errors);
		}
		else if (!exists) {
			errors.add("code", "unknown-agency", code);
		}
		name("name", agency.name(), NAME_MAX, errors);
		if (agency.abbreviation() != null && agency.abbreviation().strip().length() > 60) {
			errors.add("abbreviation", "max-length", 60);
		}
		if (agency.jurisdiction() == null || !exists("jurisdiction", agency.jurisdiction())) {
			errors.add("jurisdiction", "required");
		}
		if (agency.validFrom() != null && agency.validUntil() != null && agency.validUntil().isBefore(agency.validFrom())) {
			errors.add("validUntil", "date-order");
		}
		String successor = blankToNull(agency.successor());
		if (successor != null) {
			if (successor.equals(code)) {
				errors.add("successor", "successor-self");
			}
			else if (!exists("agency", successor)) {
				errors.add("successor", "unknown-agency", successor);
			}
			else if (agency.validUntil() == null) {
				errors.add("successor", "successor-needs-end");
			}
		}
		errors.throwIfAny();
		Agency saved = new Agency(code, agency.name().strip(), blankToNull(agency.abbreviation()), agency.jurisdiction(),
				agency.validFrom(), agency.validUntil(), successor);
		if (isNew) {
			this.jdbc.sql("""
					insert into agency (code, name, abbreviation, jurisdiction, valid_from, valid_until, successor)
					values (?, ?, ?, ?, ?, ?, ?)""")
				.params(saved.code(), saved.name(), saved.abbreviation(), saved.jurisdiction(), saved.validFrom(),
						saved.validUntil(), saved.successor())
				.update();
		}
		else {
			this.jdbc.sql("""
					update agency set name = ?, abbreviation = ?, jurisdiction = ?, valid_from = ?, valid_until = ?,
					  successor = ?
					where code = ?""")
				.params(saved.name(), saved.abbreviation(), saved.jurisdiction(), saved.validFrom(), saved.validUntil(),
						saved.successor(), saved.code())
				.update();
		}
		record("AGENCY", saved.code(), isNew, describe(saved), by);
	}

	@Transactional
	public void saveCategory(Category category, boolean isNew, String by) {
		InvalidInputException.Collector errors = new InvalidInputException.Collector();
		String code = category.code() == null ? "" : category.code().strip();
		boolean exists = exists("category", code);
		if (isNew) {
			code(code, exists, errors);
		}
		else if (!exists) {
			errors.add("code", "unknown-category", code);
		}
		name("name", category.name(), 200, errors);
		name("nameEn", category.nameEn(), 200, errors);
		String parent = blankToNull(category.parent());
		if (parent != null && (parent.equals(code) || !exists("category", parent))) {
			errors.add("parent", "unknown-category", parent);
		}
		errors.throwIfAny();
		Category saved = new Category(code, category.name().strip(), category.nameEn().strip(), parent,
				category.active(), category.sensitive());
		if (isNew) {
			this.jdbc.sql("insert into category (code, name, name_en, parent, active, sensitive) values (?, ?, ?, ?, ?, ?)")
				.params(saved.code(), saved.name(), saved.nameEn(), saved.parent(), saved.active(), saved.sensitive())
				.update();
		}
		else {
			this.jdbc.sql("update category set name = ?, name_en = ?, parent = ?, active = ?, sensitive = ? where code = ?")
				.params(saved.name(), saved.nameEn(), saved.parent(), saved.active(), saved.sensitive(), saved.code())
				.update();
		}
		record("CATEGORY", saved.code(), isNew, describe(saved), by);
	}

	public List<Change> changes(int limit) {
		return this.jdbc.sql("""
				select entity, code, change_kind, after_value, changed_by, changed_at from directory_change
				order by changed_at desc, id fetch first ? rows only""")
			.param(limit)
			.query((rs, n) -> new Change(rs.getString("entity"), rs.getString("code"), rs.getString("change_kind"),
					rs.getString("after_value"), rs.getString("changed_by"),
					rs.getTimestamp("changed_at").toInstant().atOffset(JAKARTA)))
			.list();
	}

	private void record(String entity, String code, boolean isNew, String after, String by) {
		this.jdbc.sql("""
				insert into directory_change (id, entity, code, change_kind, after_value, changed_by, changed_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), entity, code, isNew ? "ADDED" : "CHANGED", after, by,
					Timestamp.from(this.clock.instant()))
			.update();
		// another instance sees the change within its refresh interval; this one at once
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				DirectoryAdministration.this.directory.refresh();
			}
		});
	}

	private boolean exists(String table, String code) {
		return !code.isEmpty() && this.jdbc.sql("select count(*) from " + table + " where code = ?")
			.param(code)
			.query(Integer.class)
			.single() > 0;
	}

	private static void code(String code, boolean exists, InvalidInputException.Collector errors) {
		if (!code.matches(CODE_PATTERN)) {
			errors.add("code", "code-format");
		}
		else if (exists) {
			errors.add("code", "code-taken", code);
		}
	}

	private static void name(String field, String value, int max, InvalidInputException.Collector errors) {
		if (value == null || value.isBlank()) {
			errors.add(field, "required");
		}
		else if (value.strip().length() > max) {
			errors.add(field, "max-length", max);
		}
	}

	private static String describe(Agency a) {
		return String.join(" | ", a.name(), nullToDash(a.abbreviation()), a.jurisdiction(), nullToDash(a.validFrom()),
				nullToDash(a.validUntil()), nullToDash(a.successor()));
	}

	private static String describe(Category c) {
		return String.join(" | ", c.name(), c.nameEn(), nullToDash(c.parent()), c.active() ? "active" : "retired")
				+ (c.sensitive() ? " | sensitive" : "");
	}

	private static String nullToDash(Object value) {
		return value == null ? "-" : value.toString();
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}

}
