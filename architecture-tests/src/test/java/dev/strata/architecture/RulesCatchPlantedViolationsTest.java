package dev.strata.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Each rule, run over the production classes plus one planted violation, reports that violation:
 * proof that the rules can fail, and so that their passing means something.
 */
class RulesCatchPlantedViolationsTest {

    /** Production classes and the test classes of one planted package, nothing else. */
    private static JavaClasses productionPlus(String... plantedPackages) {
        ImportOption productionOrPlanted = (Location location) ->
                ImportOption.Predefined.DO_NOT_INCLUDE_TESTS.includes(location) || Arrays.stream(plantedPackages)
                        .anyMatch(planted -> location.contains("/" + planted.replace('.', '/') + "/"));
        return new ClassFileImporter()
                .withImportOption(productionOrPlanted)
                .withImportOption((Location location) -> !location.contains("-tests.jar"))
                .importPackages("dev.strata");
    }

    private static void assertCatches(ArchRule rule, String plantedPackage, String plantedClass) {
        assertCatchesIn(rule, plantedClass, plantedPackage);
    }

    private static void assertCatchesIn(ArchRule rule, String plantedClass, String... plantedPackages) {
        EvaluationResult result = rule.evaluate(productionPlus(plantedPackages));

        assertThat(result.hasViolation()).as("%s catches %s", rule.getDescription(), plantedClass).isTrue();
        assertThat(result.getFailureReport().getDetails()).anySatisfy(detail -> assertThat(detail).contains(plantedClass));
    }

    @Test
    void theSwaggerRuleCatchesARunTimeClassUsingSwaggersModel() {
        assertCatches(StrataArchitecture.ONLY_THE_BUILD_RUNS_SWAGGER, "dev.strata.adapters.rest.planted.swagger",
                "ServingSwaggersModel");
    }

    @Test
    void theSwaggerRuleCatchesARunTimeClassUsingTheDocumentWriter() {
        assertCatches(StrataArchitecture.ONLY_THE_BUILD_RUNS_SWAGGER, "dev.strata.adapters.rest.planted.writer",
                "GeneratingAtRunTime");
    }

    @Test
    void theLayerRuleCatchesCoreUsingTheRestAdapter() {
        assertCatches(StrataArchitecture.LAYERS, "dev.strata.core.planted.layering", "CoreUsingTheRestAdapter");
    }

    @Test
    void theLayerRuleCatchesTheGraphqlAdapterUsingTheRestAdapter() {
        assertCatches(StrataArchitecture.LAYERS, "dev.strata.adapters.graphql.planted", "GraphqlUsingTheRestAdapter");
    }

    @Test
    void theAdapterRuleCatchesTheGraphqlAdapterUsingTheRestAdapter() {
        assertCatches(StrataArchitecture.ADAPTERS_ARE_INDEPENDENT, "dev.strata.adapters.graphql.planted",
                "GraphqlUsingTheRestAdapter");
    }

    @Test
    void theLayerRuleCatchesAClassOutsideEveryLayer() {
        assertCatches(StrataArchitecture.LAYERS, "dev.strata.stray", "StrayClass");
    }

    @Test
    void theLayerRuleCatchesTheApiCommonUsingTheRestAdapter() {
        assertCatches(StrataArchitecture.LAYERS, "dev.strata.adapters.common.planted.layering",
                "CommonUsingTheRestAdapter");
    }

    @Test
    void theLayerRuleCatchesAStoreUsingTheApiCommon() {
        assertCatches(StrataArchitecture.LAYERS, "dev.strata.adapters.persistence.memory.planted",
                "StoreUsingTheApiCommon");
    }

    @Test
    void theProtocolRuleCatchesTheApiCommonUsingJakartaRest() {
        assertCatches(StrataArchitecture.API_COMMON_IS_PROTOCOL_NEUTRAL, "dev.strata.adapters.common.planted.protocol",
                "CommonUsingJakartaRest");
    }

    @Test
    void theFrameworkRuleCatchesCoreUsingJackson() {
        assertCatches(StrataArchitecture.CORE_IS_FRAMEWORK_FREE, "dev.strata.core.planted.dependency",
                "CoreUsingJackson");
    }

    @Test
    void theCycleRuleCatchesTwoFeaturesUsingEachOther() {
        assertCatchesIn(StrataArchitecture.CORE_FEATURES_ARE_ACYCLIC, "FeatureA", "dev.strata.core.plantedcyclea",
                "dev.strata.core.plantedcycleb");
    }

    @Test
    void theStoreRuleCatchesAFeatureUsingTheIdentityStore() {
        assertCatches(StrataArchitecture.NO_FEATURE_USES_ANOTHER_FEATURES_STORE, "dev.strata.core.planted.storeaccess",
                "FeatureUsingTheIdentityStore");
    }

    @Test
    void theIdentityApiRuleCatchesPostsUsingThePasswordHasher() {
        assertCatches(StrataArchitecture.OTHER_FEATURES_USE_IDENTITY_THROUGH_ITS_SERVICE,
                "dev.strata.core.posts.planted", "PostsUsingThePasswordHasher");
    }

    @Test
    void theLayerRuleCatchesTheGrpcAdapterUsingTheRestAdapter() {
        assertCatches(StrataArchitecture.LAYERS, "dev.strata.adapters.grpc.planted", "GrpcUsingTheRestAdapter");
    }

    @Test
    void theLayerRuleCatchesTheGrpcAdapterUsingAStore() {
        assertCatches(StrataArchitecture.LAYERS, "dev.strata.adapters.grpc.plantedstore", "GrpcUsingTheMemoryStore");
    }

    @Test
    void theAdapterRuleCatchesTheGrpcAdapterUsingTheRestAdapter() {
        assertCatches(StrataArchitecture.ADAPTERS_ARE_INDEPENDENT, "dev.strata.adapters.grpc.planted",
                "GrpcUsingTheRestAdapter");
    }

    @Test
    void theAdapterRuleCatchesTheRestAdapterUsingAStore() {
        assertCatches(StrataArchitecture.ADAPTERS_ARE_INDEPENDENT, "dev.strata.adapters.rest.planted",
                "RestUsingTheMemoryStore");
    }
}
