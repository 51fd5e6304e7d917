package id.go.jambiprov.lapor;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modules keep their internals to themselves and depend on each other without cycles; the
 * module diagrams in docs/modules are written from the same model.
 */
class ModularityTests {

	static final ApplicationModules MODULES = ApplicationModules.of(LaporApplication.class);

	@Test
	void modulesRespectTheirBoundaries() {
		MODULES.verify();
	}

	@Test
	void theModulesOfTheDesignExist() {
		assertThat(MODULES.stream().map(m -> m.getIdentifier().toString())).containsExactlyInAnyOrder("account",
				"directory", "insight", "intake", "mail", "national", "notify", "open311", "report", "shared", "sla", "sop", "web");
	}

	@Test
	void writesTheModuleDiagrams() {
		new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder("target/spring-modulith-docs"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
	}

}
