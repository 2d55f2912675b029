package app.rightly;

import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The module map of STYLE.md holds: every module exists and uses only what it declares.
 */
class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(Rightly.class);

	@Test
	void modulesUseOnlyTheDependenciesTheyDeclare() {
		modules.verify();
	}

	@Test
	void theModulesOfTheStyleGuideExist() {
		Set<String> names = modules.stream()
			.map(ApplicationModule::getIdentifier)
			.map(Object::toString)
			.collect(Collectors.toSet());
		assertThat(names).contains("shared", "tenancy", "analysis", "customers", "channels", "conversations",
				"insights", "web", "platform", "cli", "demo");
	}

	@Test
	void nothingDependsOnTheWebShell() {
		modules.stream()
			.filter(m -> !m.getIdentifier().toString().equals("web"))
			.forEach(m -> assertThat(m.getDirectDependencies(modules).containsModuleNamed("web"))
				.as(m.getIdentifier() + " depends on web")
				.isFalse());
	}

	@Test
	void writesTheModuleDiagrams() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}

}
