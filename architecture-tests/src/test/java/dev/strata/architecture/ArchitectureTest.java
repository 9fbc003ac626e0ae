package dev.strata.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Strata's production classes keep every architecture rule. */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption((Location location) -> !location.contains("-tests.jar"))
                .importPackages("dev.strata");
    }

    @Test
    void everyModuleIsImported() {
        // Guards against a vacuous pass: each layer's module must be on the class path.
        for (String layer : new String[] {"dev.strata.core.identity", "dev.strata.adapters.persistence.memory.identity",
                "dev.strata.adapters.persistence.postgres.identity", "dev.strata.adapters.common",
                "dev.strata.adapters.rest.identity",
                "dev.strata.adapters.graphql", "dev.strata.adapters.graphql.http",
                "dev.strata.core.posts", "dev.strata.core.orders", "dev.strata.adapters.rest.posts",
                "dev.strata.adapters.rest.orders", "dev.strata.adapters.grpc.orders", "dev.strata.adapters.grpc.v1",
                "dev.strata.app"}) {
            assertThat(production.stream().anyMatch(javaClass -> javaClass.getPackageName().equals(layer)))
                    .as(layer).isTrue();
        }
    }

    @Test
    void dependenciesPointFromTheAppToTheAdaptersToTheCore() {
        StrataArchitecture.LAYERS.check(production);
    }

    @Test
    void coreDependsOnNoFramework() {
        StrataArchitecture.CORE_IS_FRAMEWORK_FREE.check(production);
    }

    @Test
    void whatTheApiAdaptersShareIsProtocolNeutral() {
        StrataArchitecture.API_COMMON_IS_PROTOCOL_NEUTRAL.check(production);
    }

    @Test
    void coreFeaturesAreFreeOfCycles() {
        StrataArchitecture.CORE_FEATURES_ARE_ACYCLIC.check(production);
    }

    @Test
    void noFeatureReachesIntoAnotherFeaturesStore() {
        StrataArchitecture.NO_FEATURE_USES_ANOTHER_FEATURES_STORE.check(production);
    }

    @Test
    void otherFeaturesUseIdentityOnlyThroughItsService() {
        StrataArchitecture.OTHER_FEATURES_USE_IDENTITY_THROUGH_ITS_SERVICE.check(production);
    }

    @Test
    void onlyTheBuildRunsSwagger() {
        StrataArchitecture.ONLY_THE_BUILD_RUNS_SWAGGER.check(production);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        StrataArchitecture.ADAPTERS_ARE_INDEPENDENT.check(production);
    }
}
