package id.go.jambiprov.lapor.insight.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import id.go.jambiprov.lapor.sop.Action;
import id.go.jambiprov.lapor.sop.ReportStatus;
import id.go.jambiprov.lapor.sop.SopDefinition;
import id.go.jambiprov.lapor.sop.Transition;

/**
 * The SOP drawn as a flowchart from its own table, never by hand: another province's table
 * gives its own chart. Statuses are laid out in layers by their distance from the filing (a
 * breadth-first walk over the table's rows); the rows that lead forward are drawn as arrows
 * down, the ones that lead back (decline, reply, resume) as arrows round the side. Each status
 * box carries its live count and how many are overdue, and links to the inbox filtered to it.
 */
final class SopFlowchart {

	/** What a status box shows. */
	record Box(String label, long count, long overdue, String link, String overdueText, String countText) {
	}

	static final int BOX_WIDTH = 170;

	static final int BOX_HEIGHT = 58;

	static final int GAP_X = 30;

	static final int GAP_Y = 34;

	static final int MARGIN = 24;

	private SopFlowchart() {
	}

	/** The layers of the table: each status at its shortest distance (in rows) from the filing. */
	static List<List<ReportStatus>> layers(SopDefinition sop) {
		ReportStatus start = sop.initial(Action.SUBMIT).to();
		Map<ReportStatus, Integer> depth = new LinkedHashMap<>();
		depth.put(start, 0);
		Deque<ReportStatus> queue = new ArrayDeque<>(List.of(start));
		while (!queue.isEmpty()) {
			ReportStatus status = queue.poll();
			for (Transition row : sop.transitions()) {
				if (row.isFrom(status) && !row.toPrevious() && !depth.containsKey(row.to())) {
					depth.put(row.to(), depth.get(status) + 1);
					queue.add(row.to());
				}
			}
		}
		// an end (closed, archived) goes below everything that leads to it, so that a short way in (a
		// linked duplicate closing with its main report) does not pull it above the main path
		for (ReportStatus end : List.copyOf(depth.keySet())) {
			if (end.isFinal()) {
				int below = sop.transitions()
					.stream()
					.filter(t -> !t.toPrevious() && t.to() == end)
					.flatMap(t -> t.from().stream())
					.filter(depth::containsKey)
					.mapToInt(depth::get)
					.max()
					.orElse(depth.get(end) - 1) + 1;
				depth.remove(end);
				depth.put(end, below);
			}
		}
		// in the order the walk found them: the main path, the table's first rows, stays in the first column
		List<List<ReportStatus>> layers = new ArrayList<>();
		depth.forEach((status, d) -> {
			while (layers.size() <= d) {
				layers.add(new ArrayList<>());
			}
			layers.get(d).add(status);
		});
		return layers;
	}

	/** The arrows between statuses, once per pair, with the decree steps and actions that take them. */
	static Map<List<ReportStatus>, Set<String>> edges(SopDefinition sop) {
		Map<List<ReportStatus>, Set<String>> edges = new LinkedHashMap<>();
		for (Transition row : sop.transitions()) {
			if (row.toPrevious()) {
				continue; // resume goes back where the report was: drawn by the hold's own arrow
			}
			for (ReportStatus from : row.from()) {
				edges.computeIfAbsent(List.of(from, row.to()), k -> new LinkedHashSet<>()).add(row.action().path());
			}
		}
		return edges;
	}

	/**
	 * The chart as SVG.
	 * @param boxes what each status box shows
	 * @param title the chart's title, read by screen readers
	 */
	static String svg(SopDefinition sop, Function<ReportStatus, Box> boxes, String title) {
		List<List<ReportStatus>> layers = layers(sop);
		int columns = layers.stream().mapToInt(List::size).max().orElse(1);
		int width = MARGIN * 2 + columns * BOX_WIDTH + (columns - 1) * GAP_X;
		int height = MARGIN * 2 + layers.size() * BOX_HEIGHT + (layers.size() - 1) * GAP_Y;
		Map<ReportStatus, int[]> at = new EnumMap<>(ReportStatus.class);
		for (int d = 0; d < layers.size(); d++) {
			List<ReportStatus> layer = layers.get(d);
			for (int i = 0; i < layer.size(); i++) {
				// the first status of a layer stands in the first column: the main path runs straight down
				int x = MARGIN + i * (BOX_WIDTH + GAP_X);
				int y = MARGIN + d * (BOX_HEIGHT + GAP_Y);
				at.put(layer.get(i), new int[] { x, y, d });
			}
		}
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"flow\" role=\"group\" viewBox=\"0 0 ")
			.append(width)
			.append(' ')
			.append(height)
			.append("\" width=\"")
			.append(width)
			.append("\" height=\"")
			.append(height)
			.append("\" aria-label=\"").append(Svg.escape(title))
			.append("\" font-family=\"system-ui, Helvetica, Arial, sans-serif\"><title>")
			.append(Svg.escape(title))
			.append("</title>")
			.append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
					+ "markerHeight=\"7\" orient=\"auto-start-reverse\"><path d=\"M0 0 L10 5 L0 10 z\" fill=\"#52606d\"/>"
					+ "</marker></defs>");
		// arrows first, boxes on top
		edges(sop).forEach((pair, actions) -> {
			int[] from = at.get(pair.get(0));
			int[] to = at.get(pair.get(1));
			if (from == null || to == null) {
				return;
			}
			svg.append("<path d=\"").append(path(from, to, width)).append("\" fill=\"none\" stroke=\"#52606d\" ")
				.append("stroke-width=\"1.3\" marker-end=\"url(#arrow)\"")
				.append(to[2] <= from[2] ? " stroke-dasharray=\"4 3\"" : "")
				.append("><title>")
				.append(Svg.escape(String.join(", ", actions)))
				.append("</title></path>");
		});
		for (Map.Entry<ReportStatus, int[]> entry : at.entrySet()) {
			Box box = boxes.apply(entry.getKey());
			int x = entry.getValue()[0];
			int y = entry.getValue()[1];
			boolean late = box.overdue() > 0;
			svg.append("<a href=\"").append(Svg.escape(box.link())).append("\">")
				.append("<rect x=\"").append(x).append("\" y=\"").append(y).append("\" width=\"").append(BOX_WIDTH)
				.append("\" height=\"").append(BOX_HEIGHT).append("\" rx=\"6\" fill=\"")
				.append(entry.getKey().isFinal() ? "#eef1f3" : "#ffffff").append("\" stroke=\"")
				.append(late ? "#a4161a" : "#0b5d3b").append("\" stroke-width=\"").append(late ? "2.5" : "1.5")
				.append("\"/>");
			List<String> lines = wrap(box.label(), 26);
			int ty = y + 15;
			for (String line : lines.subList(0, Math.min(2, lines.size()))) {
				svg.append("<text x=\"").append(x + 8).append("\" y=\"").append(ty)
					.append("\" font-size=\"11\" fill=\"#1b1f23\">").append(Svg.escape(line)).append("</text>");
				ty += 13;
			}
			svg.append("<text x=\"").append(x + 8).append("\" y=\"").append(y + BOX_HEIGHT - 8)
				.append("\" font-size=\"13\" font-weight=\"700\" fill=\"#1b1f23\">").append(Svg.escape(box.countText()))
				.append("</text>");
			if (late) {
				svg.append("<text x=\"").append(x + BOX_WIDTH - 8).append("\" y=\"").append(y + BOX_HEIGHT - 8)
					.append("\" font-size=\"11\" font-weight=\"700\" text-anchor=\"end\" fill=\"#a4161a\">")
					.append(Svg.escape(box.overdueText())).append("</text>");
			}
			svg.append("</a>");
		}
		return svg.append("</svg>").toString();
	}

	/** Straight down to the next layer; round the right side when the arrow goes back or across. */
	private static String path(int[] from, int[] to, int width) {
		int fx = from[0] + BOX_WIDTH / 2;
		int tx = to[0] + BOX_WIDTH / 2;
		if (to[2] > from[2]) {
			int fy = from[1] + BOX_HEIGHT;
			int ty = to[1];
			if (fx == tx) {
				return "M" + fx + " " + fy + " L" + tx + " " + ty;
			}
			int mid = fy + (GAP_Y / 2);
			if (to[2] - from[2] > 1) {
				// skips layers: leave at the side, run down beside the boxes, enter from above
				int side = Math.max(from[0], to[0]) + BOX_WIDTH + GAP_X / 2;
				return "M" + (from[0] + BOX_WIDTH) + " " + (from[1] + BOX_HEIGHT / 2) + " L" + side + " "
						+ (from[1] + BOX_HEIGHT / 2) + " L" + side + " " + (ty - GAP_Y / 2) + " L" + tx + " "
						+ (ty - GAP_Y / 2) + " L" + tx + " " + ty;
			}
			return "M" + fx + " " + fy + " L" + fx + " " + mid + " L" + tx + " " + mid + " L" + tx + " " + ty;
		}
		if (to[2] == from[2]) {
			// within a layer: under the boxes, from the right of one to the left of the other
			int fx2 = from[0] + BOX_WIDTH * 3 / 4;
			int tx2 = to[0] + BOX_WIDTH / 4;
			int fy = from[1] + BOX_HEIGHT;
			int below = fy + GAP_Y / 4;
			return "M" + fx2 + " " + fy + " L" + fx2 + " " + below + " L" + tx2 + " " + below + " L" + tx2 + " " + fy;
		}
		// back up: round the left margin between boxes of the first column, else round the right one
		int fy = from[1] + BOX_HEIGHT / 2;
		int ty = to[1] + BOX_HEIGHT / 2;
		int offset = (Math.abs(from[2] - to[2]) % 3) * 4;
		if (from[0] == MARGIN && to[0] == MARGIN) {
			int lane = MARGIN - 8 - offset;
			return "M" + from[0] + " " + fy + " L" + lane + " " + fy + " L" + lane + " " + ty + " L" + to[0] + " " + ty;
		}
		if (from[0] == to[0] + BOX_WIDTH + GAP_X) {
			// from the next column: up the gap between the two columns
			int gap = to[0] + BOX_WIDTH + GAP_X / 2;
			return "M" + from[0] + " " + fy + " L" + gap + " " + fy + " L" + gap + " " + ty + " L" + (to[0] + BOX_WIDTH)
					+ " " + ty;
		}
		int lane = width - MARGIN + 8 + offset;
		return "M" + (from[0] + BOX_WIDTH) + " " + fy + " L" + lane + " " + fy + " L" + lane + " " + ty + " L"
				+ (to[0] + BOX_WIDTH) + " " + ty;
	}

	private static List<String> wrap(String text, int characters) {
		List<String> lines = new ArrayList<>();
		StringBuilder line = new StringBuilder();
		for (String word : text.split(" ")) {
			if (line.length() > 0 && line.length() + 1 + word.length() > characters) {
				lines.add(line.toString());
				line.setLength(0);
			}
			if (line.length() > 0) {
				line.append(' ');
			}
			line.append(word);
		}
		if (line.length() > 0) {
			lines.add(line.toString());
		}
		return lines;
	}

}
