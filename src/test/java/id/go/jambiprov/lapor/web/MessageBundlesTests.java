package id.go.jambiprov.lapor.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every word a person reads is in Indonesian and in English: both bundles have the same keys,
 * none empty; templates hold no literal text (only placeholders that {@code th:text} replaces)
 * and use no key the bundles lack.
 */
class MessageBundlesTests {

	private static final Path TEMPLATES = Paths.get("src", "main", "resources", "templates");

	/** Text between two tags: must sit in an element whose th:text (or th:replace) replaces it. */
	private static final Pattern TEXT = Pattern.compile("<([a-zA-Z0-9]+)([^<>]*)>([^<]*)<");

	/** Attributes a person reads (or hears) that are written in the template, not through th:. */
	private static final Pattern LITERAL_ATTRIBUTE = Pattern
		.compile("(?<![:\\w-])(placeholder|title|alt|aria-label|value)=\"([^\"]*\\p{L}[^\"]*)\"");

	private static final Pattern KEY = Pattern.compile("#\\{([a-zA-Z0-9_.-]+)[}(]");

	static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = MessageBundlesTests.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

	@Test
	void indonesianAndEnglishHaveTheSameKeys() throws IOException {
		Properties indonesian = load("messages.properties");
		Properties english = load("messages_en.properties");
		assertThat(indonesian.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(english.stringPropertyNames());
		indonesian.forEach((key, value) -> assertThat(value.toString()).as("id " + key).isNotBlank());
		english.forEach((key, value) -> assertThat(value.toString()).as("en " + key).isNotBlank());
	}

	@Test
	void everyProblemTypeHasATitle() throws IOException {
		Properties indonesian = load("messages.properties");
		for (var field : ProblemTypes.class.getFields()) {
			if (field.getType() == String.class && !field.getName().equals("BASE")) {
				try {
					assertThat(indonesian).containsKey("problem.title." + field.get(null));
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
	}


	@Test
	void templatesHoldNoLiteralText() throws IOException {
		List<String> literals = new ArrayList<>();
		for (Path template : templates()) {
			String html = Files.readString(template).replaceAll("(?s)<!--.*?-->", "");
			Matcher text = TEXT.matcher(html);
			while (text.find()) {
				String attributes = text.group(2);
				String words = text.group(3).strip();
				boolean replaced = attributes.contains("th:text") || attributes.contains("th:utext")
						|| attributes.contains("th:replace");
				if (!words.isEmpty() && words.codePoints().anyMatch(Character::isLetter) && !replaced
						&& !text.group(1).equals("html")) {
					literals.add(template.getFileName() + ": <" + text.group(1) + "> " + words);
				}
			}
			Matcher attribute = LITERAL_ATTRIBUTE.matcher(html);
			while (attribute.find()) {
				String name = attribute.group(1);
				// a form field's value that is a code (an enum, a key), never words
				if (!name.equals("value")) {
					literals.add(template.getFileName() + ": " + name + "=\"" + attribute.group(2) + "\"");
				}
			}
		}
		assertThat(literals).as("literal text in templates: put it in the message bundles").isEmpty();
	}

	@Test
	void everyKeyATemplateNamesIsInTheBundles() throws IOException {
		Properties indonesian = load("messages.properties");
		TreeSet<String> missing = new TreeSet<>();
		for (Path template : templates()) {
			Matcher key = KEY.matcher(Files.readString(template));
			while (key.find()) {
				if (!indonesian.containsKey(key.group(1))) {
					missing.add(template.getFileName() + ": " + key.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.list(TEMPLATES)) {
			return files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
		}
	}

}
