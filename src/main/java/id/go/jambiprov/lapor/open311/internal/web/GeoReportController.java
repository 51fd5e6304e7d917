package id.go.jambiprov.lapor.open311.internal.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import id.go.jambiprov.lapor.directory.Agency;
import id.go.jambiprov.lapor.directory.Category;
import id.go.jambiprov.lapor.directory.Directory;
import id.go.jambiprov.lapor.mail.MailOutbox;
import id.go.jambiprov.lapor.notify.ChannelMessages;
import id.go.jambiprov.lapor.open311.internal.ApiClients;
import id.go.jambiprov.lapor.open311.internal.MediaLinks;
import id.go.jambiprov.lapor.open311.internal.web.GeoReportFormat.Format;
import id.go.jambiprov.lapor.report.Channel;
import id.go.jambiprov.lapor.report.ChannelReports;
import id.go.jambiprov.lapor.report.ExternalReports;
import id.go.jambiprov.lapor.report.PhoneNumber;
import id.go.jambiprov.lapor.report.PublicReports;
import id.go.jambiprov.lapor.report.PublicReports.PublicReport;
import id.go.jambiprov.lapor.report.ReportType;
import id.go.jambiprov.lapor.shared.RateLimitExceeded;
import id.go.jambiprov.lapor.web.InvalidInputException;
import id.go.jambiprov.lapor.web.ProblemException;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2), every method in {@code .json}
 * and {@code .xml}. Reads are public and see only what the report module's public read model
 * gives; {@code POST requests} needs an API key and files a report of channel {@code OPEN311}.
 * Requests are "realtime": a POST answers with the tracking code at once, so a token is the
 * request's own id, and {@code tokens/{token}} answers it for a client written for batch servers.
 */
@RestController
@RequestMapping(GeoReportController.BASE)
@Hidden
class GeoReportController {

	private static final Logger log = LoggerFactory.getLogger(GeoReportController.class);

	static final String BASE = "/open311/v2";

	static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

	/** When the shape of this endpoint last changed. */
	static final String CHANGESET = "2026-12-03T00:00:00Z";

	/** The most requests a list gives, and the longest span it covers (the spec's defaults). */
	static final int MAX_REQUESTS = 1000;

	static final Duration MAX_SPAN = Duration.ofDays(90);

	/** The longest Idempotency-Key an app may send. */
	static final int IDEMPOTENCY_KEY_MAX = 100;

	/** The spec's limit of a description. */
	static final int DESCRIPTION_MAX = 4000;

	private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

	private static final DateTimeFormatter W3 = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

	private static final Pattern ATTRIBUTE = Pattern.compile("attribute\\[([A-Za-z0-9_]+)\\](\\[\\])?");

	/** Where the report module's field names come from in a POST. */
	private static final Map<String, String> PARAMETERS = Map.ofEntries(Map.entry("type", "attribute[report_type]"),
			Map.entry("title", "attribute[title]"), Map.entry("description", "description"),
			Map.entry("category", "service_code"), Map.entry("occurredOn", "attribute[occurred_on]"),
			Map.entry("location.address", "address_string"), Map.entry("location.regency", "attribute[regency]"),
			Map.entry("location.latitude", "lat"), Map.entry("location.longitude", "long"),
			Map.entry("reporter", "email"), Map.entry("reporter.email", "email"),
			Map.entry("reporter.phone", "phone"), Map.entry("reporter.name", "first_name"),
			Map.entry("accusedAgency", "attribute[accused_agency]"));

	private final Directory directory;

	private final PublicReports reports;

	private final ExternalReports filing;

	private final ApiClients clients;

	private final MediaLinks media;

	private final MessageSource messages;

	private final MailOutbox mail;

	private final ChannelMessages channelMessages;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final GeoReportFormat formats;

	private final String jurisdictionId;

	private final String jurisdiction;

	private final String publicUrl;

	private final String contact;

	private final boolean demo;

	GeoReportController(Directory directory, PublicReports reports, ExternalReports filing, ApiClients clients,
			MediaLinks media, MessageSource messages, MailOutbox mail, ChannelMessages channelMessages,
			TransactionTemplate transactions, Clock clock, JsonMapper json,
			@Value("${lapor.open311.jurisdiction-id:jambiprov.go.id}") String jurisdictionId,
			@Value("${lapor.open311.jurisdiction:JAMBI}") String jurisdiction,
			@Value("${lapor.public-url:http://localhost:8080}") String publicUrl,
			@Value("${lapor.open311.contact:diskominfo@jambiprov.go.id}") String contact,
			@Value("${lapor.demo.enabled:false}") boolean demo) {
		this.directory = directory;
		this.reports = reports;
		this.filing = filing;
		this.clients = clients;
		this.media = media;
		this.messages = messages;
		this.mail = mail;
		this.channelMessages = channelMessages;
		this.transactions = transactions;
		this.clock = clock;
		this.formats = new GeoReportFormat(json);
		this.jurisdictionId = jurisdictionId;
		this.jurisdiction = jurisdiction;
		this.publicUrl = publicUrl;
		this.contact = contact;
		this.demo = demo;
	}

	@GetMapping("/discovery.{format}")
	ResponseEntity<byte[]> discovery(@PathVariable String format, Locale locale) {
		Format f = format(format);
		Map<String, Object> endpoint = new LinkedHashMap<>();
		endpoint.put("specification", SPECIFICATION);
		endpoint.put("url", this.publicUrl + BASE);
		endpoint.put("changeset", CHANGESET);
		endpoint.put("type", this.demo ? "test" : "production");
		endpoint.put("formats", List.of("text/xml", "application/json"));
		Map<String, Object> discovery = new LinkedHashMap<>();
		discovery.put("changeset", CHANGESET);
		discovery.put("contact", text("open311.discovery.contact", locale, this.contact));
		discovery.put("key_service", text("open311.discovery.key-service", locale, this.contact));
		discovery.put("endpoints", List.of(endpoint));
		return this.formats.object(f, "discovery", discovery);
	}

	@GetMapping("/services.{format}")
	ResponseEntity<byte[]> services(@PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdictionId, Locale locale) {
		Format f = format(format);
		jurisdiction(jurisdictionId, locale);
		List<Category> all = this.directory.categories();
		List<Map<String, Object>> services = new ArrayList<>();
		for (Category category : all) {
			if (!category.active()) {
				continue;
			}
			Category group = category.parent() == null ? category
					: all.stream().filter(c -> c.code().equals(category.parent())).findFirst().orElse(category);
			Map<String, Object> service = new LinkedHashMap<>();
			service.put("service_code", category.code());
			service.put("service_name", category.name(locale));
			service.put("description", text(category.sensitive() ? "open311.service.description-sensitive"
					: "open311.service.description", locale, category.name(locale)));
			service.put("metadata", true);
			service.put("type", "realtime");
			// the name in both languages: an app in either finds it
			service.put("keywords", category.nameEn() == null ? category.name()
					: category.name() + ", " + category.nameEn());
			service.put("group", group.name(locale));
			services.add(service);
		}
		return this.formats.list(f, HttpStatus.OK, "services", services);
	}

	@GetMapping("/services/{code}.{format}")
	ResponseEntity<byte[]> definition(@PathVariable String code, @PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdictionId, Locale locale) {
		Format f = format(format);
		jurisdiction(jurisdictionId, locale);
		Category category = service(code, locale);
		List<Map<String, Object>> attributes = new ArrayList<>();
		List<Map<String, Object>> types = Arrays.stream(ReportType.values())
			.map(type -> value(type.name(), text("type." + type.name(), locale)))
			.toList();
		attributes.add(attribute("report_type", "singlevaluelist", false, attributes.size() + 1, locale, types));
		attributes.add(attribute("title", "string", false, attributes.size() + 1, locale, null));
		attributes.add(attribute("regency", "singlevaluelist", false, attributes.size() + 1, locale,
				this.directory.regencies().stream().map(r -> value(r, r)).toList()));
		attributes.add(attribute("occurred_on", "datetime", false, attributes.size() + 1, locale, null));
		List<Map<String, Object>> yesNo = List.of(value("true", text("open311.value.yes", locale)),
				value("false", text("open311.value.no", locale)));
		attributes.add(attribute("anonymous", "singlevaluelist", false, attributes.size() + 1, locale, yesNo));
		if (category.sensitive()) {
			// confidential by force: only said, not asked
			Map<String, Object> notice = attribute("confidential", "text", false, attributes.size() + 1, locale, null);
			notice.put("variable", false);
			notice.put("description", text("open311.attribute.confidential-forced", locale));
			attributes.add(notice);
			LocalDate today = LocalDate.now(this.clock.withZone(JAKARTA));
			attributes.add(attribute("accused_agency", "singlevaluelist", false, attributes.size() + 1, locale,
					this.directory.agencies()
						.stream()
						.filter(a -> this.jurisdiction.equals(a.jurisdiction()) && a.isActiveOn(today))
						.map(a -> value(a.code(), a.name()))
						.toList()));
		}
		else {
			attributes.add(attribute("confidential", "singlevaluelist", false, attributes.size() + 1, locale, yesNo));
		}
		Map<String, Object> definition = new LinkedHashMap<>();
		definition.put("service_code", category.code());
		definition.put("attributes", attributes);
		return this.formats.object(f, "service_definition", definition);
	}

	@GetMapping("/requests.{format}")
	ResponseEntity<byte[]> requests(@PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdictionId,
			@RequestParam(name = "service_request_id", required = false) @Nullable String ids,
			@RequestParam(name = "service_code", required = false) @Nullable String codes,
			@RequestParam(name = "start_date", required = false) @Nullable String start,
			@RequestParam(name = "end_date", required = false) @Nullable String end,
			@RequestParam(name = "status", required = false) @Nullable String status, Locale locale) {
		Format f = format(format);
		jurisdiction(jurisdictionId, locale);
		if (present(ids)) {
			// the ids override every other argument
			List<String> asked = list(ids);
			if (asked.size() > MAX_REQUESTS) {
				throw new Open311Error(HttpStatus.BAD_REQUEST, text("open311.error.too-many-ids", locale, MAX_REQUESTS));
			}
			return this.formats.list(f, HttpStatus.OK, "service_requests",
					this.reports.byCodes(asked).stream().map(r -> request(r, locale)).toList());
		}
		Instant now = this.clock.instant();
		Instant to = present(end) ? date(end, "end_date", locale) : null;
		Instant from = present(start) ? date(start, "start_date", locale) : null;
		if (from == null && to == null) {
			to = now;
		}
		if (from == null) {
			from = to.minus(MAX_SPAN);
		}
		if (to == null) {
			to = from.plus(MAX_SPAN);
		}
		if (to.isBefore(from)) {
			throw new Open311Error(HttpStatus.BAD_REQUEST, text("open311.error.dates-reversed", locale));
		}
		if (Duration.between(from, to).compareTo(MAX_SPAN) > 0) {
			throw new Open311Error(HttpStatus.BAD_REQUEST, text("open311.error.span", locale, MAX_SPAN.toDays()));
		}
		Boolean closed = null;
		if (present(status)) {
			List<String> statuses = list(status);
			for (String each : statuses) {
				if (!each.equals("open") && !each.equals("closed")) {
					throw new Open311Error(HttpStatus.BAD_REQUEST, text("open311.error.status", locale, each));
				}
			}
			if (!(statuses.contains("open") && statuses.contains("closed"))) {
				closed = statuses.contains("closed");
			}
		}
		List<String> services = present(codes) ? list(codes) : List.of();
		// the end is inclusive in the spec: a request made at end_date itself is in
		List<PublicReport> found = this.reports.verified(new PublicReports.Filter(this.jurisdiction, services, from,
				to.plusNanos(1000), closed, MAX_REQUESTS));
		return this.formats.list(f, HttpStatus.OK, "service_requests",
				found.stream().map(r -> request(r, locale)).toList());
	}

	@GetMapping("/requests/{id}.{format}")
	ResponseEntity<byte[]> request(@PathVariable String id, @PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdictionId, Locale locale) {
		Format f = format(format);
		jurisdiction(jurisdictionId, locale);
		PublicReport report = one(id, "open311.error.request", locale);
		return this.formats.list(f, HttpStatus.OK, "service_requests", List.of(request(report, locale)));
	}

	@GetMapping("/tokens/{token}.{format}")
	ResponseEntity<byte[]> token(@PathVariable String token, @PathVariable String format,
			@RequestParam(name = "jurisdiction_id", required = false) @Nullable String jurisdictionId, Locale locale) {
		Format f = format(format);
		jurisdiction(jurisdictionId, locale);
		PublicReport report = one(token, "open311.error.token", locale);
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("service_request_id", report.trackingCode());
		answer.put("token", token);
		return this.formats.list(f, HttpStatus.OK, "service_requests", List.of(answer));
	}

	/** A report anyone may read by its code; 404 (saying {@code missing}) for another or a confidential one. */
	private PublicReport one(String code, String missing, Locale locale) {
		return this.reports.byCodes(List.of(code))
			.stream()
			.findFirst()
			.orElseThrow(() -> new Open311Error(HttpStatus.NOT_FOUND, text(missing, locale, code)));
	}

	/** The photo a request's {@code media_url} points to. */
	@GetMapping("/media/{code}/{id}")
	ResponseEntity<byte[]> media(@PathVariable String code, @PathVariable UUID id, Locale locale) {
		PublicReports.Image image = this.reports.image(code, id)
			.orElseThrow(() -> new Open311Error(HttpStatus.NOT_FOUND, text("open311.error.media", locale)));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(image.contentType()))
			.cacheControl(CacheControl.maxAge(Duration.ofHours(1)).cachePublic())
			.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
			.header("X-Content-Type-Options", "nosniff")
			.body(image.content());
	}

	@PostMapping("/requests.{format}")
	ResponseEntity<byte[]> file(@PathVariable String format, HttpServletRequest request, Locale locale) {
		Format f = format(format);
		ApiClients.Client client = this.clients.authenticate(request.getParameter("api_key"))
			.orElseThrow(() -> new Open311Error(HttpStatus.FORBIDDEN,
					text(present(request.getParameter("api_key")) ? "open311.error.api-key" : "open311.error.no-api-key",
							locale)));
		jurisdiction(request.getParameter("jurisdiction_id"), locale);
		String code = request.getParameter("service_code");
		if (!present(code)) {
			throw new Open311Error(HttpStatus.BAD_REQUEST, text("open311.error.no-service-code", locale));
		}
		Category category = service(code, locale);
		try {
			this.clients.acquire(client);
		}
		catch (RateLimitExceeded limited) {
			throw new Open311Error(HttpStatus.TOO_MANY_REQUESTS,
					List.of(text("open311.error.rate", locale, limited.retryAfterSeconds())),
					limited.retryAfterSeconds());
		}
		List<String> errors = new ArrayList<>();
		Double latitude = number(request.getParameter("lat"), "lat", errors, locale);
		Double longitude = number(request.getParameter("long"), "long", errors, locale);
		String address = blankToNull(request.getParameter("address_string"));
		if ((latitude == null || longitude == null) && address == null) {
			errors.add(text(present(request.getParameter("address_id")) ? "open311.error.address-id"
					: "open311.error.location", locale));
		}
		if (!present(request.getParameter("description"))) {
			errors.add("description: " + text("field.required", locale));
		}
		String email = blankToNull(request.getParameter("email"));
		String phone = blankToNull(request.getParameter("phone"));
		if (email == null && phone == null) {
			errors.add(text("open311.error.contact", locale));
		}
		Map<String, List<String>> attributes = attributes(request, errors, locale);
		ReportType type = ReportType.COMPLAINT;
		String typeName = single(attributes, "report_type");
		if (typeName != null) {
			try {
				type = ReportType.valueOf(typeName);
			}
			catch (IllegalArgumentException unknown) {
				errors.add(text("open311.error.value", locale, "attribute[report_type]", typeName));
			}
		}
		LocalDate occurredOn = null;
		String occurred = single(attributes, "occurred_on");
		if (occurred != null) {
			try {
				occurredOn = occurred.length() == 10 ? LocalDate.parse(occurred)
						: OffsetDateTime.parse(occurred).atZoneSameInstant(JAKARTA).toLocalDate();
			}
			catch (DateTimeParseException malformed) {
				errors.add(text("open311.error.value", locale, "attribute[occurred_on]", occurred));
			}
		}
		boolean anonymous = flag(attributes, "anonymous", errors, locale);
		boolean confidential = flag(attributes, "confidential", errors, locale);
		List<ChannelReports.File> files = new ArrayList<>();
		if (errors.isEmpty()) {
			try {
				this.media.fetch(request.getParameter("media_url")).ifPresent(files::add);
			}
			catch (MediaLinks.Refused refused) {
				errors.add(text("open311.error.media-" + refused.reason().name().toLowerCase(Locale.ROOT)
					.replace('_', '-'), locale, String.join(", ", this.media.hosts())));
			}
		}
		if (!errors.isEmpty()) {
			throw new Open311Error(HttpStatus.BAD_REQUEST, errors, null);
		}
		String name = String.join(" ", Optional.ofNullable(blankToNull(request.getParameter("first_name"))).orElse(""),
				Optional.ofNullable(blankToNull(request.getParameter("last_name"))).orElse("")).strip();
		ExternalReports.Submission submission = new ExternalReports.Submission(Channel.OPEN311, type,
				single(attributes, "title"), request.getParameter("description"), category.code(), address,
				single(attributes, "regency"), latitude, longitude, occurredOn, anonymous, confidential,
				single(attributes, "accused_agency"), name.isEmpty() ? null : name, email, phone, files);
		// an app that retries after a lost answer sends the same key: it gets the first report again
		String retryKey = blankToNull(request.getHeader("Idempotency-Key"));
		if (retryKey != null && retryKey.length() > IDEMPOTENCY_KEY_MAX) {
			throw new Open311Error(HttpStatus.BAD_REQUEST, text("open311.error.idempotency-key", locale,
					IDEMPOTENCY_KEY_MAX));
		}
		ExternalReports.Filed filed;
		boolean[] told = { true };
		try {
			// the report, the record of the client that filed it and the receipt to the reporter: all or nothing
			filed = this.transactions.execute(status -> {
				ExternalReports.Filed stored = this.filing.file(submission,
						retryKey == null ? null : "open311:" + client.id() + ":" + retryKey);
				if (!stored.repeated()) {
					this.clients.filed(client, stored.trackingCode());
					told[0] = receipt(stored, email, phone);
				}
				return stored;
			});
		}
		catch (InvalidInputException invalid) {
			throw new Open311Error(HttpStatus.BAD_REQUEST, invalid.getViolations()
				.stream()
				.map(v -> PARAMETERS.getOrDefault(v.field(), v.field()) + ": "
						+ (v.field().equals("reporter") ? text("open311.error.contact", locale)
								: this.messages.getMessage("field." + v.code(), v.arguments(), v.code(), locale)))
				.distinct()
				.toList(), null);
		}
		catch (ProblemException refused) {
			// a key used before for another report: said in the spec's own shape
			throw new Open311Error(refused.getStatus(), List.of(this.messages.getMessage(refused.getMessageCode(),
					refused.getArguments(), refused.getMessageCode(), locale)), null);
		}
		Map<String, Object> answer = new LinkedHashMap<>();
		answer.put("service_request_id", filed.trackingCode());
		String notice = text(told[0] ? "open311.notice.filed" : "open311.notice.filed-untold", locale,
				filed.trackingCode(), this.publicUrl);
		if (filed.refusedFiles() > 0) {
			notice = notice + " " + text("open311.notice.media-refused", locale);
		}
		answer.put("service_notice", notice);
		answer.put("account_id", null);
		return this.formats.list(f, HttpStatus.CREATED, "service_requests", List.of(answer));
	}

	@ExceptionHandler(Open311Error.class)
	ResponseEntity<byte[]> refused(Open311Error error, HttpServletRequest request) {
		Format f = request.getRequestURI().toLowerCase(Locale.ROOT).endsWith(".xml") ? Format.XML : Format.JSON;
		List<Map<String, Object>> errors = error.descriptions().stream().map(description -> {
			Map<String, Object> each = new LinkedHashMap<>();
			each.put("code", error.status().value());
			each.put("description", description);
			return each;
		}).toList();
		ResponseEntity<byte[]> answer = this.formats.list(f, error.status(), "errors", errors);
		if (error.retryAfterSeconds() == null) {
			return answer;
		}
		return ResponseEntity.status(answer.getStatusCode())
			.headers(answer.getHeaders())
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(error.retryAfterSeconds()))
			.body(answer.getBody());
	}

	/**
	 * The code and the access key, to the reporter's own contact: e-mail if given, else SMS.
	 * Whether one was queued (without a mail server or an SMS gateway, none is).
	 */
	private boolean receipt(ExternalReports.Filed filed, @Nullable String email, @Nullable String phone) {
		Locale indonesian = Locale.forLanguageTag("id");
		Object[] args = { filed.trackingCode(), filed.accessKey(), this.publicUrl };
		if (email != null && this.mail.enabled()) {
			this.mail.queue(email, this.messages.getMessage("mail.receipt.subject", args, indonesian),
					this.messages.getMessage("mail.receipt.body", args, indonesian), "open311-receipt:" + filed.trackingCode());
			return true;
		}
		String number = phone == null ? null : PhoneNumber.parse(phone).map(PhoneNumber::e164).orElse(null);
		if (number != null && this.channelMessages.canSend(Channel.SMS)) {
			this.channelMessages.send(new ChannelMessages.Outgoing(Channel.SMS, number,
					this.messages.getMessage("open311.receipt.sms", args, indonesian), filed.trackingCode(), null)
				.because("open311-receipt:" + filed.trackingCode()));
			return true;
		}
		return false;
	}

	private Map<String, Object> request(PublicReport report, Locale locale) {
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("service_request_id", report.trackingCode());
		request.put("status", report.status().isFinal() ? "closed" : "open");
		String label = text("status." + report.status().name(), locale);
		request.put("status_notes", label.substring(0, 1).toUpperCase(locale) + label.substring(1) + ".");
		Optional<Category> category = report.category() == null ? Optional.empty()
				: this.directory.category(report.category());
		request.put("service_name", category.map(c -> c.name(locale)).orElse(null));
		request.put("service_code", report.category());
		request.put("description", report.description() == null ? null : cut(report.description()));
		request.put("agency_responsible", report.agencyName());
		request.put("service_notice", null);
		request.put("requested_datetime", w3(report.requestedAt()));
		request.put("updated_datetime", w3(report.updatedAt()));
		request.put("expected_datetime", report.expectedAt() == null ? null : w3(report.expectedAt()));
		request.put("address", report.address());
		request.put("address_id", null);
		request.put("zipcode", null);
		request.put("lat", report.latitude());
		request.put("long", report.longitude());
		request.put("media_url", report.imageId() == null ? null
				: this.publicUrl + BASE + "/media/" + report.trackingCode() + "/" + report.imageId());
		return request;
	}

	private Map<String, Object> attribute(String code, String datatype, boolean required, int order, Locale locale,
			@Nullable List<Map<String, Object>> values) {
		Map<String, Object> attribute = new LinkedHashMap<>();
		attribute.put("variable", true);
		attribute.put("code", code);
		attribute.put("datatype", datatype);
		attribute.put("required", required);
		attribute.put("datatype_description", text("open311.attribute." + code + ".datatype", locale));
		attribute.put("order", order);
		attribute.put("description", text("open311.attribute." + code, locale));
		if (values != null) {
			attribute.put("values", values);
		}
		return attribute;
	}

	private static Map<String, Object> value(String key, String name) {
		Map<String, Object> value = new LinkedHashMap<>();
		value.put("key", key);
		value.put("name", name);
		return value;
	}

	/** {@code attribute[code]=value} and {@code attribute[code][]=value} of a POST; unknown codes refused. */
	private Map<String, List<String>> attributes(HttpServletRequest request, List<String> errors, Locale locale) {
		Map<String, List<String>> attributes = new LinkedHashMap<>();
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (!parameter.getKey().startsWith("attribute[")) {
				continue;
			}
			Matcher matcher = ATTRIBUTE.matcher(parameter.getKey());
			if (!matcher.matches() || !KNOWN_ATTRIBUTES.contains(matcher.group(1))) {
				errors.add(text("open311.error.attribute", locale, parameter.getKey()));
				continue;
			}
			attributes.computeIfAbsent(matcher.group(1), k -> new ArrayList<>())
				.addAll(Arrays.stream(parameter.getValue()).filter(GeoReportController::present).toList());
		}
		return attributes;
	}

	private static final List<String> KNOWN_ATTRIBUTES = List.of("report_type", "title", "regency", "occurred_on",
			"anonymous", "confidential", "accused_agency");

	private static @Nullable String single(Map<String, List<String>> attributes, String code) {
		List<String> values = attributes.get(code);
		return values == null || values.isEmpty() ? null : values.get(0).strip();
	}

	private boolean flag(Map<String, List<String>> attributes, String code, List<String> errors, Locale locale) {
		String value = single(attributes, code);
		if (value == null || value.equals("false")) {
			return false;
		}
		if (value.equals("true")) {
			return true;
		}
		errors.add(text("open311.error.value", locale, "attribute[" + code + "]", value));
		return false;
	}

	private @Nullable Double number(@Nullable String value, String name, List<String> errors, Locale locale) {
		if (!present(value)) {
			return null;
		}
		try {
			return Double.valueOf(value.strip());
		}
		catch (NumberFormatException malformed) {
			errors.add(text("open311.error.value", locale, name, value));
			return null;
		}
	}

	private Format format(String name) {
		return Format.of(name)
			.orElseThrow(() -> new Open311Error(HttpStatus.NOT_FOUND,
					text("open311.error.format", Locale.forLanguageTag("id"), name)));
	}

	/** One endpoint serves one jurisdiction: another id is not found; none is the same as ours. */
	private void jurisdiction(@Nullable String given, Locale locale) {
		if (present(given) && !given.strip().equalsIgnoreCase(this.jurisdictionId)) {
			throw new Open311Error(HttpStatus.NOT_FOUND, text("open311.error.jurisdiction", locale, given,
					this.jurisdictionId));
		}
	}

	private Category service(String code, Locale locale) {
		return this.directory.category(code)
			.filter(Category::active)
			.orElseThrow(() -> new Open311Error(HttpStatus.NOT_FOUND, text("open311.error.service", locale, code)));
	}

	private Instant date(String value, String name, Locale locale) {
		try {
			return OffsetDateTime.parse(value.strip()).toInstant();
		}
		catch (DateTimeParseException malformed) {
			throw new Open311Error(HttpStatus.BAD_REQUEST, text("open311.error.date", locale, name, value));
		}
	}

	private static String w3(Instant at) {
		return W3.format(at.truncatedTo(ChronoUnit.SECONDS).atZone(JAKARTA));
	}

	private static String cut(String text) {
		return text.length() <= DESCRIPTION_MAX ? text : text.substring(0, DESCRIPTION_MAX - 1) + "…";
	}

	private static List<String> list(String value) {
		return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).distinct().toList();
	}

	private static boolean present(@Nullable String value) {
		return value != null && !value.isBlank();
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return present(value) ? value.strip() : null;
	}

	private String text(String key, Locale locale, Object... args) {
		return this.messages.getMessage(key, args, locale);
	}

}
