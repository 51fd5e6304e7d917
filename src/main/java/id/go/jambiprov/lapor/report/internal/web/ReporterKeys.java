package id.go.jambiprov.lapor.report.internal.web;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

/**
 * The access keys a citizen has shown in this browser session, by tracking code: the key never
 * travels in a URL, and the reporter need not type it again on each page.
 */
final class ReporterKeys implements Serializable {

	private static final long serialVersionUID = 1L;

	private static final String ATTRIBUTE = ReporterKeys.class.getName();

	/** A citizen rarely follows more than a few reports at once; the oldest key is forgotten. */
	private static final int MAX_KEYS = 20;

	private final LinkedHashMap<String, String> keys = new LinkedHashMap<>();

	static Optional<String> of(HttpSession session, String code) {
		if (session == null) {
			return Optional.empty();
		}
		Object stored = session.getAttribute(ATTRIBUTE);
		return stored instanceof ReporterKeys held ? Optional.ofNullable(held.keys.get(code)) : Optional.empty();
	}

	static void remember(HttpSession session, String code, String key) {
		ReporterKeys held = session.getAttribute(ATTRIBUTE) instanceof ReporterKeys existing ? existing
				: new ReporterKeys();
		held.keys.remove(code);
		held.keys.put(code, key);
		while (held.keys.size() > MAX_KEYS) {
			String oldest = held.keys.keySet().iterator().next();
			held.keys.remove(oldest);
		}
		// set again so that a distributed session store sees the change
		session.setAttribute(ATTRIBUTE, held);
	}

	/** Forgets the key of one report (a shared computer): the report needs its key again. */
	static void forget(HttpSession session, String code) {
		if (session != null && session.getAttribute(ATTRIBUTE) instanceof ReporterKeys held) {
			held.keys.remove(code);
			session.setAttribute(ATTRIBUTE, held);
		}
	}

	Map<String, String> keys() {
		return Map.copyOf(this.keys);
	}

}
