package id.go.jambiprov.lapor.national.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import id.go.jambiprov.lapor.report.ReportType;
import id.go.jambiprov.lapor.sop.ReportStatus;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Our statuses, report types and categories in the national system's codes, and back: data an
 * operator edits ({@code LAPOR_NATIONAL_MAPPING}, a JSON file; the default is
 * {@code classpath:national/mapping.json}), never code. Every one of our statuses must have a
 * national code (checked at start-up); a category without one is sent under its own code, and a
 * national category we do not know arrives without a category for the coordinator to pick.
 */
@Component
class NationalMapping {

	private final Map<ReportStatus, String> statuses = new LinkedHashMap<>();

	private final Map<ReportType, String> types = new LinkedHashMap<>();

	private final Map<String, String> categories = new LinkedHashMap<>();

	private final Map<String, ReportType> typesBack = new HashMap<>();

	private final Map<String, String> categoriesBack = new HashMap<>();

	NationalMapping(@Value("${lapor.national.mapping:classpath:national/mapping.json}") String location,
			JsonMapper json) {
		Resource resource = new DefaultResourceLoader().getResource(location.contains(":") ? location : "file:" + location);
		JsonNode root;
		try (InputStream in = resource.getInputStream()) {
			root = json.readTree(in);
		}
		catch (IOException unreadable) {
			throw new UncheckedIOException("The national mapping " + location + " cannot be read", unreadable);
		}
		for (ReportStatus status : ReportStatus.values()) {
			String code = text(root.path("statuses").path(status.name()));
			if (code == null) {
				throw new IllegalStateException("The national mapping " + location + " has no status for " + status);
			}
			this.statuses.put(status, code);
		}
		for (ReportType type : ReportType.values()) {
			String code = text(root.path("types").path(type.name()));
			this.types.put(type, code == null ? type.name() : code);
			this.typesBack.put(this.types.get(type), type);
		}
		root.path("categories").properties().forEach(entry -> {
			String code = text(entry.getValue());
			if (code != null) {
				this.categories.put(entry.getKey(), code);
				this.categoriesBack.putIfAbsent(code, entry.getKey());
			}
		});
	}

	private static @Nullable String text(JsonNode node) {
		return node.isString() && !node.asString().isBlank() ? node.asString().strip() : null;
	}

	String status(ReportStatus status) {
		return this.statuses.get(status);
	}

	String type(ReportType type) {
		return this.types.get(type);
	}

	ReportType typeFrom(@Nullable String national) {
		return national == null ? ReportType.COMPLAINT : this.typesBack.getOrDefault(national, ReportType.COMPLAINT);
	}

	@Nullable String category(@Nullable String ours) {
		return ours == null ? null : this.categories.getOrDefault(ours, ours);
	}

	/** Ours for a national category: mapped, or the same code when we have it, else none. */
	@Nullable String categoryFrom(@Nullable String national) {
		return national == null ? null : this.categoriesBack.getOrDefault(national, national);
	}

	Map<ReportStatus, String> statuses() {
		return Map.copyOf(this.statuses);
	}

}
