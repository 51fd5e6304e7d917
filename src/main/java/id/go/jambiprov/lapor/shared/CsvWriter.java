package id.go.jambiprov.lapor.shared;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * CSV as RFC 4180 writes it, in UTF-8 with a byte-order mark so that Excel reads the accents,
 * each line written as it comes (nothing is held in memory). A text cell that starts with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading
 * apostrophe, so that a spreadsheet shows it and never runs it as a formula (CWE-1236). Numbers
 * are written as they are. Written by hand: the quoting is five lines and the neutralising is
 * ours to decide.
 */
public final class CsvWriter implements AutoCloseable {

	private final Writer out;

	public CsvWriter(OutputStream out) {
		this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		write("\uFEFF");
	}

	/** Writes one line: strings are neutralised and quoted where needed, numbers written plainly. */
	public CsvWriter line(List<?> cells) {
		StringBuilder line = new StringBuilder();
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				line.append(',');
			}
			Object cell = cells.get(i);
			if (cell instanceof Number) {
				line.append(cell);
			}
			else if (cell != null) {
				line.append(quote(neutralise(cell.toString())));
			}
		}
		write(line.append("\r\n").toString());
		return this;
	}

	public static String neutralise(String text) {
		if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
			return "'" + text;
		}
		return text;
	}

	public static String quote(String text) {
		if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
			return text;
		}
		return '"' + text.replace("\"", "\"\"") + '"';
	}

	private void write(String text) {
		try {
			this.out.write(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public void flush() {
		try {
			this.out.flush();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		flush();
	}

}
