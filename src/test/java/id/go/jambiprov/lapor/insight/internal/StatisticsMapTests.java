package id.go.jambiprov.lapor.insight.internal;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import id.go.jambiprov.lapor.insight.internal.PublicStatistics.RegencyCell;

import static org.assertj.core.api.Assertions.assertThat;

/** The map: the schematic tiles by default, an operator's GeoJSON when given, the tiles again when it is broken. */
class StatisticsMapTests {

	private static final List<RegencyCell> REGENCIES = List.of(
			new RegencyCell("Kota Jambi", 30L, false, 606200, 0.49, 1, 4),
			new RegencyCell("Kabupaten Kerinci", null, true, 250259, null, 1, 0),
			new RegencyCell("Kabupaten Tebo", 0L, false, 337669, 0.0, 0, 2));

	private static String draw(StatisticsMap map) {
		return map.svg(REGENCIES, "Peta", r -> r.name() + "\n" + r.perTenThousand(), List.of("a", "b", "c", "d", "e"));
	}

	@Test
	void tilesByDefaultPlacedByTheDirectory() {
		StatisticsMap map = new StatisticsMap(JsonMapper.builder().build(), "", "name");
		assertThat(map.fromBoundaries()).isFalse();
		String svg = draw(map);
		assertThat(svg).contains("<title>Peta</title>");
		// Kota Jambi: column 4, row 1, the darkest shade (the highest rate)
		assertThat(svg).contains("<rect x=\"552\" y=\"70\" width=\"132\" height=\"64\" rx=\"4\" fill=\"#0b5d3b\"/>");
		// Kerinci's count is too small to show: no shade
		assertThat(svg).contains("<rect x=\"0\" y=\"70\" width=\"132\" height=\"64\" rx=\"4\" fill=\"#eef1f3\"/>");
		// none at all is the lightest shade, not "no figure"
		assertThat(svg).contains("fill=\"#e6f2ec\"");
	}

	@Test
	void anOperatorsBoundariesWhenGiven() {
		StatisticsMap map = new StatisticsMap(JsonMapper.builder().build(), "classpath:maps/two-squares.geojson", "name");
		assertThat(map.fromBoundaries()).isTrue();
		String svg = draw(map);
		assertThat(svg).contains("<path d=\"M").contains("<title>Kota Jambi\n0.49</title>")
			.doesNotContain("Kabupaten Tebo"); // no outline for it in the file
		assertThat(svg.split("<path d=").length - 1).isEqualTo(2);
	}

	@Test
	void aBrokenFileFallsBackToTheTiles() {
		StatisticsMap map = new StatisticsMap(JsonMapper.builder().build(), "classpath:maps/none.geojson", "name");
		assertThat(map.fromBoundaries()).isFalse();
		assertThat(draw(map)).contains("<rect x=\"552\"");
	}

}
