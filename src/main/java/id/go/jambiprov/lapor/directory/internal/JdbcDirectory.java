package id.go.jambiprov.lapor.directory.internal;

import java.util.List;
import java.util.Optional;

import id.go.jambiprov.lapor.directory.Agency;
import id.go.jambiprov.lapor.directory.Category;
import id.go.jambiprov.lapor.directory.Directory;
import id.go.jambiprov.lapor.directory.Jurisdiction;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Master data straight from its tables; small enough to read on every call.
 */
@Service
class JdbcDirectory implements Directory {

	private static final String AGENCY = """
			select code, name, abbreviation, jurisdiction, valid_from, valid_until, successor from agency""";

	private final JdbcClient jdbc;

	JdbcDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Optional<Jurisdiction> jurisdiction(String code) {
		return this.jdbc.sql("select code, name from jurisdiction where code = ?")
			.param(code)
			.query(Jurisdiction.class)
			.optional();
	}

	@Override
	public Optional<Agency> agency(String code) {
		return this.jdbc.sql(AGENCY + " where code = ?").param(code).query(Agency.class).optional();
	}

	@Override
	public Optional<Category> category(String code) {
		return this.jdbc.sql("select code, name, name_en, parent from category where code = ?")
			.param(code)
			.query(Category.class)
			.optional();
	}

	@Override
	public List<Jurisdiction> jurisdictions() {
		return this.jdbc.sql("select code, name from jurisdiction order by code").query(Jurisdiction.class).list();
	}

	@Override
	public List<Agency> agencies() {
		return this.jdbc.sql(AGENCY + " order by name").query(Agency.class).list();
	}

	@Override
	public List<Category> categories() {
		return this.jdbc.sql("select code, name, name_en, parent from category order by coalesce(parent, code), parent nulls first, code")
			.query(Category.class)
			.list();
	}

	@Override
	public List<String> regencies() {
		return this.jdbc.sql("select name from regency order by sort_order").query(String.class).list();
	}

}
