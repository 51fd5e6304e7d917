package id.go.jambiprov.lapor.directory;

import org.jspecify.annotations.Nullable;

/**
 * A regency (kabupaten) or city (kota) of the province, with its population (for figures per
 * inhabitant) and its place on the schematic tile map of the public statistics.
 *
 * @param name the name reports carry as their location
 * @param population inhabitants, from the latest figure the operator entered; null when unknown
 * @param tileRow the row of its tile, from the top; null: not on the map
 * @param tileColumn the column of its tile, from the left
 */
public record Regency(String name, @Nullable Integer population, @Nullable Integer tileRow,
		@Nullable Integer tileColumn) {
}
