package id.go.jambiprov.lapor.directory;

import java.util.List;
import java.util.Optional;

/**
 * Looks up master data.
 */
public interface Directory {

	Optional<Jurisdiction> jurisdiction(String code);

	Optional<Agency> agency(String code);

	Optional<Category> category(String code);

	List<Jurisdiction> jurisdictions();

	/** Agencies, current and past, ordered by name. */
	List<Agency> agencies();

	/** All categories, parents before children. */
	List<Category> categories();

	/** The regencies and cities of the province, for the location of a report. */
	List<String> regencies();

	/** The regencies and cities with their population and place on the map, in their order. */
	List<Regency> regencyDetails();

}
