package id.go.jambiprov.lapor.insight.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import id.go.jambiprov.lapor.insight.internal.PublicStatistics.RegencyCell;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The regencies as an SVG map shaded by reports per 10,000 inhabitants. No boundaries of
 * Jambi's regencies are available from the registries this service is built from, so the
 * default is a schematic tile map, one tile per regency placed roughly as they lie (the places
 * are data in the directory). An operator who has boundaries drops in a GeoJSON file
 * ({@code lapor.statistics.map-geojson}, features named by {@code lapor.statistics.map-name-property},
 * longitude and latitude in WGS 84) and the same figures are drawn on it.
 */
@Component
public class StatisticsMap {

	private static final Logger log = LoggerFactory.getLogger(StatisticsMap.class);

	/** Five shades of the brand green, lightest first; grey for no figure. */
	private static final String[] SHADES = { "#e6f2ec", "#b7dbc8", "#7fbf9f", "#3f9a6e", "#0b5d3b" };

	private static final String NO_FIGURE = "#eef1f3";

	static final int TILE_WIDTH = 132;

	static final int TILE_HEIGHT = 64;

	static final int GAP = 6;

	/** Each regency's outline as SVG path data, from the operator's GeoJSON; empty for the tile map. */
	private final Map<String, String> outlines;

	private final int[] outlineSize;

	StatisticsMap(JsonMapper json, @Value("${lapor.statistics.map-geojson:}") String geojson,
			@Value("${lapor.statistics.map-name-property:name}") String nameProperty) {
		Map<String, String> outlines = new HashMap<>();
		int[] size = { 0, 0 };
		if (geojson != null && !geojson.isBlank()) {
			Resource resource = new DefaultResourceLoader().getResource(geojson.strip());
			try (InputStream in = resource.getInputStream()) {
				size = project(json.readTree(in), nameProperty, outlines);
				log.info("Statistics map: {} outlines from {}", outlines.size(), geojson);
			}
			catch (IOException | RuntimeException ex) {
				log.warn("Statistics map: {} could not be read; the tile map is drawn instead", geojson, ex);
				outlines.clear();
			}
		}
		this.outlines = Map.copyOf(outlines);
		this.outlineSize = size;
	}

	/** Whether the map is drawn from an operator's boundaries. */
	public boolean fromBoundaries() {
		return !this.outlines.isEmpty();
	}

	/**
	 * The map.
	 * @param title what it shows, for screen readers
	 * @param tileText the text on a regency's tile or in its tooltip
	 */
	public String svg(List<RegencyCell> regencies, String title, java.util.function.Function<RegencyCell, String> tileText,
			List<String> legend) {
		double max = regencies.stream().filter(r -> r.perTenThousand() != null)
			.mapToDouble(RegencyCell::perTenThousand).max().orElse(0);
		StringBuilder svg = new StringBuilder();
		int width;
		int height;
		if (fromBoundaries()) {
			width = this.outlineSize[0];
			height = this.outlineSize[1];
		}
		else {
			int rows = regencies.stream().filter(r -> r.tileRow() != null).mapToInt(RegencyCell::tileRow).max().orElse(0) + 1;
			int columns = regencies.stream().filter(r -> r.tileColumn() != null).mapToInt(RegencyCell::tileColumn).max()
				.orElse(0) + 1;
			width = columns * (TILE_WIDTH + GAP);
			height = rows * (TILE_HEIGHT + GAP);
		}
		int legendHeight = 26;
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"map\" role=\"img\" viewBox=\"0 0 ").append(width)
			.append(' ').append(height + legendHeight).append("\" width=\"").append(width).append("\" height=\"")
			.append(height + legendHeight).append("\" font-family=\"system-ui, Helvetica, Arial, sans-serif\"><title>")
			.append(Svg.escape(title)).append("</title>");
		for (RegencyCell regency : regencies) {
			String fill = shade(regency.perTenThousand(), max);
			String text = tileText.apply(regency);
			if (fromBoundaries()) {
				String outline = this.outlines.get(regency.name());
				if (outline != null) {
					svg.append("<path d=\"").append(outline).append("\" fill=\"").append(fill)
						.append("\" stroke=\"#ffffff\" stroke-width=\"1\"><title>").append(Svg.escape(text))
						.append("</title></path>");
				}
			}
			else if (regency.tileRow() != null && regency.tileColumn() != null) {
				int x = regency.tileColumn() * (TILE_WIDTH + GAP);
				int y = regency.tileRow() * (TILE_HEIGHT + GAP);
				boolean dark = fill.equals(SHADES[3]) || fill.equals(SHADES[4]);
				String ink = dark ? "#ffffff" : "#1b1f23";
				svg.append("<g><title>").append(Svg.escape(text)).append("</title><rect x=\"").append(x).append("\" y=\"")
					.append(y).append("\" width=\"").append(TILE_WIDTH).append("\" height=\"").append(TILE_HEIGHT)
					.append("\" rx=\"4\" fill=\"").append(fill).append("\"/>");
				String[] lines = text.split("\n");
				for (int i = 0; i < lines.length && i < 3; i++) {
					svg.append("<text x=\"").append(x + 6).append("\" y=\"").append(y + 16 + i * 15)
						.append("\" font-size=\"").append(i == 0 ? 11 : 12).append("\" fill=\"").append(ink)
						.append(i == 1 ? "\" font-weight=\"700" : "").append("\">")
						.append(Svg.escape(lines[i])).append("</text>");
				}
				svg.append("</g>");
			}
		}
		// the legend: the five shades from the lowest to the highest rate
		for (int i = 0; i < SHADES.length && i < legend.size(); i++) {
			int x = i * 110;
			svg.append("<rect x=\"").append(x).append("\" y=\"").append(height + 6).append("\" width=\"14\" height=\"14\" fill=\"")
				.append(SHADES[i]).append("\"/><text x=\"").append(x + 18).append("\" y=\"").append(height + 17)
				.append("\" font-size=\"11\" fill=\"#1b1f23\">").append(Svg.escape(legend.get(i))).append("</text>");
		}
		return svg.append("</svg>").toString();
	}

	/** The upper bound of each shade's class, for the legend. */
	public static double[] classes(double max) {
		double[] bounds = new double[SHADES.length];
		for (int i = 0; i < SHADES.length; i++) {
			bounds[i] = max * (i + 1) / SHADES.length;
		}
		return bounds;
	}

	static String shade(@Nullable Double rate, double max) {
		if (rate == null || max <= 0) {
			return NO_FIGURE;
		}
		int index = (int) Math.min(SHADES.length - 1, Math.floor(rate / max * SHADES.length));
		if (rate >= max) {
			index = SHADES.length - 1;
		}
		return SHADES[index];
	}

	/** Projects the features (equirectangular, shrunk by the cosine of the middle latitude) into 640 pixels. */
	static int[] project(JsonNode collection, String nameProperty, Map<String, String> outlines) {
		List<double[][]> rings = new ArrayList<>();
		List<String> owners = new ArrayList<>();
		for (JsonNode feature : collection.path("features")) {
			String name = feature.path("properties").path(nameProperty).asString(null);
			JsonNode geometry = feature.path("geometry");
			if (name == null || geometry.isMissingNode()) {
				continue;
			}
			String type = geometry.path("type").asString("");
			List<JsonNode> polygons = new ArrayList<>();
			if (type.equals("Polygon")) {
				polygons.add(geometry.path("coordinates"));
			}
			else if (type.equals("MultiPolygon")) {
				geometry.path("coordinates").forEach(polygons::add);
			}
			for (JsonNode polygon : polygons) {
				for (JsonNode ring : polygon) {
					double[][] points = new double[ring.size()][2];
					for (int i = 0; i < ring.size(); i++) {
						points[i][0] = ring.get(i).get(0).asDouble();
						points[i][1] = ring.get(i).get(1).asDouble();
					}
					rings.add(points);
					owners.add(name);
				}
			}
		}
		if (rings.isEmpty()) {
			throw new UncheckedIOException(new IOException("no Polygon or MultiPolygon feature named by " + nameProperty));
		}
		double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
		for (double[][] ring : rings) {
			for (double[] p : ring) {
				minX = Math.min(minX, p[0]);
				maxX = Math.max(maxX, p[0]);
				minY = Math.min(minY, p[1]);
				maxY = Math.max(maxY, p[1]);
			}
		}
		double shrink = Math.cos(Math.toRadians((minY + maxY) / 2));
		double width = Math.max(1e-9, (maxX - minX) * shrink);
		double scale = 640 / width;
		int height = (int) Math.ceil((maxY - minY) * scale);
		Map<String, StringBuilder> paths = new HashMap<>();
		for (int r = 0; r < rings.size(); r++) {
			StringBuilder path = paths.computeIfAbsent(owners.get(r), n -> new StringBuilder());
			double[][] ring = rings.get(r);
			for (int i = 0; i < ring.length; i++) {
				double x = (ring[i][0] - minX) * shrink * scale;
				double y = (maxY - ring[i][1]) * scale;
				path.append(i == 0 ? "M" : "L").append(Svg.number(x)).append(' ').append(Svg.number(y));
			}
			path.append('Z');
		}
		paths.forEach((name, path) -> outlines.put(name, path.toString()));
		return new int[] { 640, Math.max(1, height) };
	}

}
