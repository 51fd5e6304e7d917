package id.go.jambiprov.lapor.sop.internal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import id.go.jambiprov.lapor.sop.SopDefinition;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "SOP")
class SopController {

	private final SopDefinition definition;

	SopController(SopDefinition definition) {
		this.definition = definition;
	}

	@GetMapping("/api/v1/sop")
	@Operation(summary = "Definisi SOP: langkah, aksi, pelaku, standar waktu / The SOP: steps, actions, actors, time standards")
	SopDefinition sop() {
		return this.definition;
	}

}
