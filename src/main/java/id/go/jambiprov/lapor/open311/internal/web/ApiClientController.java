package id.go.jambiprov.lapor.open311.internal.web;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import id.go.jambiprov.lapor.account.Actor;
import id.go.jambiprov.lapor.account.CurrentActor;
import id.go.jambiprov.lapor.account.Role;
import id.go.jambiprov.lapor.open311.internal.ApiClients;
import id.go.jambiprov.lapor.web.ProblemException;
import id.go.jambiprov.lapor.web.ProblemTypes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Open311 client applications through the API: the system admin's only.
 */
@RestController
@RequestMapping("/api/v1/open311/clients")
@Tag(name = "Open311: aplikasi klien / Open311 client applications")
class ApiClientController {

	/** A new client; {@code ratePerMinute} defaults to {@value ApiClients#DEFAULT_RATE}. */
	record NewClient(@Nullable String name, @Nullable String contact, @Nullable Integer ratePerMinute) {
	}

	/** A client just issued: the only answer that holds its key. */
	record IssuedClient(ApiClients.Client client, String key) {
	}

	private final ApiClients clients;

	private final CurrentActor actor;

	ApiClientController(ApiClients clients, CurrentActor actor) {
		this.clients = clients;
		this.actor = actor;
	}

	@GetMapping
	@Operation(summary = "Daftar aplikasi klien Open311 / The Open311 client applications")
	List<ApiClients.Client> all() {
		admin();
		return this.clients.all();
	}

	@PostMapping
	@Operation(summary = "Terbitkan kunci API Open311 / Issue an Open311 API key",
			description = "The key is in this answer only; the service keeps its SHA-256.")
	ResponseEntity<IssuedClient> issue(@RequestBody NewClient body) {
		Actor admin = admin();
		ApiClients.Issued issued = this.clients.issue(body.name(), body.contact(), body.ratePerMinute(),
				admin.username());
		return ResponseEntity.created(URI.create("/api/v1/open311/clients/" + issued.client().id()))
			.body(new IssuedClient(issued.client(), issued.key()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Satu aplikasi klien / One client application")
	ApiClients.Client one(@PathVariable UUID id) {
		admin();
		return this.clients.find(id).orElseThrow(ApiClientController::notFound);
	}

	@PostMapping("/{id}/revocation")
	@Operation(summary = "Cabut kunci API / Revoke the API key", description = "For good; issue a new key instead.")
	ApiClients.Client revoke(@PathVariable UUID id) {
		Actor admin = admin();
		if (!this.clients.revoke(id, admin.username())) {
			throw notFound();
		}
		return this.clients.find(id).orElseThrow(ApiClientController::notFound);
	}

	private Actor admin() {
		Actor caller = this.actor.get()
			.orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED,
					"problem.unauthenticated"));
		if (caller.role() != Role.SYSTEM_ADMIN) {
			throw new ProblemException(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN_ACTION, "problem.forbidden-open311");
		}
		return caller;
	}

	private static ProblemException notFound() {
		return new ProblemException(HttpStatus.NOT_FOUND, ProblemTypes.NOT_FOUND, "problem.no-resource");
	}

}
