package id.go.jambiprov.lapor.directory.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import id.go.jambiprov.lapor.directory.Agency;
import id.go.jambiprov.lapor.directory.Category;
import id.go.jambiprov.lapor.directory.Directory;
import id.go.jambiprov.lapor.directory.Jurisdiction;
import id.go.jambiprov.lapor.directory.Regency;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Master data from its tables, held in memory: it is read on every report and changes a few
 * times a year. Each instance reloads it when it is older than the refresh interval, so a
 * change made through another instance shows within that interval.
 */
@Service
public class JdbcDirectory implements Directory {

	private record Snapshot(Instant loadedAt, List<Jurisdiction> jurisdictions, List<Agency> agencies,
			List<Category> categories, List<String> regencies, Map<String, Jurisdiction> jurisdictionByCode,
			Map<String, Agency> agencyByCode, Map<String, Category> categoryByCode) {
	}

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Duration refresh;

	private volatile Snapshot snapshot;

	JdbcDirectory(JdbcClient jdbc, Clock clock,
			@Value("${lapor.directory.refresh-interval:PT1M}") Duration refresh) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.refresh = refresh;
	}

	private Snapshot snapshot() {
		Snapshot current = this.snapshot;
		Instant now = this.clock.instant();
		if (current == null || now.isAfter(current.loadedAt().plus(this.refresh))
				|| now.isBefore(current.loadedAt())) {
			current = load(now);
			this.snapshot = current;
		}
		return current;
	}

	private Snapshot load(Instant now) {
		List<Jurisdiction> jurisdictions = this.jdbc.sql("select code, name, inspectorate from jurisdiction order by code")
			.query(Jurisdiction.class)
			.list();
		List<Agency> agencies = this.jdbc.sql("""
				select code, name, abbreviation, jurisdiction, valid_from, valid_until, successor
				from agency order by name""").query(Agency.class).list();
		List<Category> categories = this.jdbc.sql("""
				select code, name, name_en, parent, active, sensitive from category
				order by coalesce(parent, code), parent nulls first, code""").query(Category.class).list();
		List<String> regencies = this.jdbc.sql("select name from regency order by sort_order").query(String.class).list();
		return new Snapshot(now, jurisdictions, agencies, categories, regencies,
				index(jurisdictions, Jurisdiction::code), index(agencies, Agency::code),
				index(categories, Category::code));
	}

	/** Forgets the snapshot, so a change made here shows at once on this instance. */
	void refresh() {
		this.snapshot = null;
	}

	private static <T> Map<String, T> index(List<T> values, Function<T, String> key) {
		return values.stream().collect(Collectors.toUnmodifiableMap(key, Function.identity()));
	}

	@Override
	public Optional<Jurisdiction> jurisdiction(String code) {
		return Optional.ofNullable(snapshot().jurisdictionByCode().get(code));
	}

	@Override
	public Optional<Agency> agency(String code) {
		return Optional.ofNullable(snapshot().agencyByCode().get(code));
	}

	@Override
	public Optional<Category> category(String code) {
		return Optional.ofNullable(snapshot().categoryByCode().get(code));
	}

	@Override
	public List<Jurisdiction> jurisdictions() {
		return snapshot().jurisdictions();
	}

	@Override
	public List<Agency> agencies() {
		return snapshot().agencies();
	}

	@Override
	public List<Category> categories() {
		return snapshot().categories();
	}

	@Override
	public List<String> regencies() {
		return snapshot().regencies();
	}

	@Override
	public List<Regency> regencyDetails() {
		return this.jdbc.sql("select name, population, tile_row, tile_column from regency order by sort_order")
			.query((rs, n) -> new Regency(rs.getString("name"), (Integer) rs.getObject("population"),
					(Integer) rs.getObject("tile_row"), (Integer) rs.getObject("tile_column")))
			.list();
	}

}
