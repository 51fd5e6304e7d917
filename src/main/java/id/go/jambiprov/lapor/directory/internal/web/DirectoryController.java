package id.go.jambiprov.lapor.directory.internal.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import id.go.jambiprov.lapor.directory.Agency;
import id.go.jambiprov.lapor.directory.Category;
import id.go.jambiprov.lapor.directory.Directory;
import id.go.jambiprov.lapor.directory.Jurisdiction;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Direktori / Directory")
class DirectoryController {

	private final Directory directory;

	DirectoryController(Directory directory) {
		this.directory = directory;
	}

	@GetMapping("/agencies")
	@Operation(summary = "Perangkat Daerah (OPD) / Regional agencies")
	List<Agency> agencies() {
		return this.directory.agencies();
	}

	@GetMapping("/categories")
	@Operation(summary = "Kategori laporan / Report categories")
	List<Category> categories() {
		return this.directory.categories();
	}

	@GetMapping("/jurisdictions")
	@Operation(summary = "Yurisdiksi / Jurisdictions")
	List<Jurisdiction> jurisdictions() {
		return this.directory.jurisdictions();
	}

	@GetMapping("/regencies")
	@Operation(summary = "Kabupaten/kota di Provinsi Jambi / Regencies and cities of Jambi")
	List<String> regencies() {
		return this.directory.regencies();
	}

}
