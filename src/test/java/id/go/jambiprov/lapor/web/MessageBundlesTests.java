package id.go.jambiprov.lapor.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every word a person reads is in Indonesian and in English: both bundles have the same keys,
 * none empty.
 */
class MessageBundlesTests {

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

}
