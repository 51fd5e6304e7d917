package id.go.jambiprov.lapor.insight.internal;

import java.util.List;
import java.util.Locale;

import org.springframework.web.util.HtmlUtils;

/**
 * Charts drawn on the server as SVG, for the pages and (as vector graphics) the PDF: horizontal
 * bars with their labels and values, and a sparkline. Every chart carries a title for screen
 * readers; the pages put the same figures in a table beside it.
 */
final class Svg {

	/** One bar: a label, a value between 0 and {@code max}, and the text printed after the bar. */
	record Bar(String label, double value, String text) {
	}

	private Svg() {
	}

	/**
	 * Horizontal bars, one per line.
	 * @param title what the chart shows, read by screen readers
	 * @param max the value of a full bar
	 */
	static String bars(String title, List<Bar> bars, double max, int width) {
		int line = 18;
		int labelWidth = Math.min(260, width / 2);
		int valueWidth = 100;
		int barSpace = width - labelWidth - valueWidth - 8;
		int height = Math.max(line, bars.size() * line) + 4;
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" width=\"").append(width)
			.append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
			.append("\" font-family=\"Helvetica, Arial, sans-serif\" font-size=\"11\"><title>").append(escape(title))
			.append("</title>");
		for (int i = 0; i < bars.size(); i++) {
			Bar bar = bars.get(i);
			int y = i * line + 2;
			double length = max <= 0 ? 0 : Math.max(0, Math.min(1, bar.value() / max)) * barSpace;
			svg.append("<text x=\"0\" y=\"").append(y + 12).append("\" fill=\"#1f2933\">")
				.append(escape(shorten(bar.label(), labelWidth / 6)))
				.append("</text>");
			svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 2).append("\" width=\"")
				.append(barSpace).append("\" height=\"12\" fill=\"#e4e7eb\"/>");
			svg.append("<rect x=\"").append(labelWidth).append("\" y=\"").append(y + 2).append("\" width=\"")
				.append(number(length)).append("\" height=\"12\" fill=\"#0b6e4f\"/>");
			svg.append("<text x=\"").append(labelWidth + barSpace + 6).append("\" y=\"").append(y + 12)
				.append("\" fill=\"#1f2933\">").append(escape(bar.text())).append("</text>");
		}
		return svg.append("</svg>").toString();
	}

	/** A small line over a series of values (null: no figure that month), scaled to its own range. */
	static String sparkline(String title, List<Double> values, int width, int height) {
		double max = values.stream().filter(v -> v != null).mapToDouble(Double::doubleValue).max().orElse(0);
		StringBuilder svg = new StringBuilder();
		svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"spark\" role=\"img\" width=\"").append(width)
			.append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
			.append("\"><title>").append(escape(title)).append("</title>");
		StringBuilder path = new StringBuilder();
		double step = values.size() <= 1 ? 0 : (double) (width - 4) / (values.size() - 1);
		boolean pen = false;
		for (int i = 0; i < values.size(); i++) {
			Double value = values.get(i);
			if (value == null) {
				pen = false;
				continue;
			}
			double x = 2 + i * step;
			double y = height - 2 - (max <= 0 ? 0 : value / max * (height - 4));
			path.append(pen ? " L" : " M").append(number(x)).append(' ').append(number(y));
			pen = true;
		}
		if (path.length() > 0) {
			svg.append("<path d=\"").append(path.toString().strip())
				.append("\" fill=\"none\" stroke=\"#0b6e4f\" stroke-width=\"1.5\"/>");
		}
		return svg.append("</svg>").toString();
	}

	static String escape(String text) {
		return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
	}

	static String number(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	private static String shorten(String text, int characters) {
		return text.length() <= characters ? text : text.substring(0, Math.max(1, characters - 1)) + "…";
	}

}
