package dev.strata.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Strata's architecture as rules: dependencies point from the app to the adapters to the core and
 * never back; adapters do not know each other, and what the API adapters share lives in one
 * protocol-neutral layer under them (API common); core knows no framework; core's features are
 * acyclic and never reach into another feature's store.
 */
final class StrataArchitecture {

    static final String CORE = "dev.strata.core..";
    static final String MEMORY = "dev.strata.adapters.persistence.memory..";
    static final String POSTGRES = "dev.strata.adapters.persistence.postgres..";
    static final String API_COMMON = "dev.strata.adapters.common..";
    static final String REST = "dev.strata.adapters.rest..";
    static final String GRPC = "dev.strata.adapters.grpc..";
    static final String GRAPHQL = "dev.strata.adapters.graphql..";
    static final String APP = "dev.strata.app..";

    private static final Pattern FEATURE_PACKAGE = Pattern.compile("dev\\.strata\\.core\\.([a-z0-9]+)(\\..*)?");
    private static final Pattern STORE_PACKAGE = Pattern.compile("dev\\.strata\\.core\\.([a-z0-9]+)\\.store(\\..*)?");

    private static final Set<String> IDENTITY_SERVICE_API = Set.of(
            "dev.strata.core.identity.IdentityService", "dev.strata.core.identity.Account",
            "dev.strata.core.identity.AccountId", "dev.strata.core.identity.AuthenticatedSession",
            "dev.strata.core.identity.Session", "dev.strata.core.identity.SessionId");

    private StrataArchitecture() {
    }

    /**
     * app → adapters → (API adapters only: API common →) core, every layer non-empty, and every
     * Strata class in a layer.
     */
    static final ArchRule LAYERS = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Core").definedBy(CORE)
            .layer("Memory persistence").definedBy(MEMORY)
            .layer("PostgreSQL persistence").definedBy(POSTGRES)
            .layer("API common").definedBy(API_COMMON)
            .layer("REST").definedBy(REST)
            .layer("gRPC").definedBy(GRPC)
            .layer("GraphQL").definedBy(GRAPHQL)
            .layer("App").definedBy(APP)
            .whereLayer("App").mayNotBeAccessedByAnyLayer()
            .whereLayer("REST").mayOnlyBeAccessedByLayers("App")
            .whereLayer("gRPC").mayOnlyBeAccessedByLayers("App")
            .whereLayer("GraphQL").mayOnlyBeAccessedByLayers("App")
            .whereLayer("PostgreSQL persistence").mayOnlyBeAccessedByLayers("App")
            .whereLayer("Memory persistence").mayOnlyBeAccessedByLayers("App")
            .whereLayer("API common").mayOnlyBeAccessedByLayers("REST", "gRPC", "GraphQL", "App")
            .whereLayer("Core").mayOnlyBeAccessedByLayers("Memory persistence", "PostgreSQL persistence", "API common",
                    "REST", "gRPC", "GraphQL", "App")
            .ensureAllClassesAreContainedInArchitecture();

    /** Core uses the JDK, itself, and the one crypto library for Argon2: no framework. */
    static final ArchRule CORE_IS_FRAMEWORK_FREE = classes().that().resideInAPackage(CORE)
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "javax.crypto..", CORE, "org.bouncycastle.crypto..")
            .because("core must stay embeddable in any Java service; only Argon2 comes from a library");

    /**
     * What the API adapters share is protocol-neutral: core, the JDK and the libraries every style
     * uses alike (Bucket4j, Micrometer, SLF4J), never Jakarta REST, gRPC, GraphQL or Jackson.
     */
    static final ArchRule API_COMMON_IS_PROTOCOL_NEUTRAL = classes().that().resideInAPackage(API_COMMON)
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", CORE, API_COMMON, "io.github.bucket4j..", "io.micrometer..", "org.slf4j..")
            .because("REST, gRPC and GraphQL all use it, so it may know none of their protocols");

    /** The feature packages of core (identity, posts, orders, ...) depend on each other without cycles. */
    static final ArchRule CORE_FEATURES_ARE_ACYCLIC = slices().matching("dev.strata.core.(*)..")
            .should().beFreeOfCycles();

    /** A feature uses another feature only through its service API, never through its store. */
    static final ArchRule NO_FEATURE_USES_ANOTHER_FEATURES_STORE = noClasses().that().resideInAPackage(CORE)
            .should(useAnotherFeaturesStore())
            .because("each feature owns its data; others go through its service");

    /**
     * Other features (posts, orders, ...) use identity only through its public service API: the
     * service and the values it hands out, never its store, hasher, signer or policies.
     */
    static final ArchRule OTHER_FEATURES_USE_IDENTITY_THROUGH_ITS_SERVICE = noClasses()
            .that().resideInAPackage(CORE).and().resideOutsideOfPackage("dev.strata.core.identity..")
            .should().dependOnClassesThat(DescribedPredicate.describe("identity's internals",
                    (JavaClass target) -> target.getPackageName().startsWith("dev.strata.core.identity")
                            && !IDENTITY_SERVICE_API.contains(target.getName())))
            .because("identity is used through IdentityService and the values it returns");


    /**
     * The REST adapter's classes that write the OpenAPI documents at build time: only they use
     * swagger's model and reader, which the server does not have at run time.
     */
    private static final Set<String> DOCUMENT_WRITER = Set.of("dev.strata.adapters.rest.ApiDocumentWriter",
            "dev.strata.adapters.rest.docs.ApiDocument", "dev.strata.adapters.rest.docs.ApiComponents",
            "dev.strata.adapters.rest.docs.OperationConventions", "dev.strata.adapters.rest.docs.StrataReader");

    private static boolean isDocumentWriter(JavaClass type) {
        return DOCUMENT_WRITER.stream().anyMatch(name -> type.getName().equals(name) || type.getName().startsWith(name + "$"));
    }

    /**
     * Swagger runs at build time only: outside the document writer, the REST adapter uses neither
     * swagger's model, reader and converters nor the writer's classes (its annotations, which only
     * describe the resources, are fine).
     */
    static final ArchRule ONLY_THE_BUILD_RUNS_SWAGGER = noClasses()
            .that().resideInAPackage(REST).and(DescribedPredicate.not(DescribedPredicate.describe(
                    "the OpenAPI document writer", StrataArchitecture::isDocumentWriter)))
            .should().dependOnClassesThat().resideInAnyPackage("io.swagger.v3.core..", "io.swagger.v3.jaxrs2..",
                    "io.swagger.v3.oas.models..", "io.swagger.v3.oas.integration..")
            .orShould().dependOnClassesThat(DescribedPredicate.describe("the OpenAPI document writer",
                    StrataArchitecture::isDocumentWriter))
            .because("the server reads the documents the build wrote, and its class path has no swagger runtime");

    /** The adapters know the core, never each other. */
    static final ArchRule ADAPTERS_ARE_INDEPENDENT = slices()
            .assignedFrom(new SliceAssignment() {
                @Override
                public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                    String name = javaClass.getPackageName();
                    for (String adapter : new String[] {"persistence.memory", "persistence.postgres", "rest", "grpc",
                            "graphql"}) {
                        String prefix = "dev.strata.adapters." + adapter;
                        if (name.equals(prefix) || name.startsWith(prefix + ".")) {
                            return SliceIdentifier.of(adapter);
                        }
                    }
                    return SliceIdentifier.ignore();
                }

                @Override
                public String getDescription() {
                    return "Strata's adapters";
                }
            })
            .should().notDependOnEachOther();

    private static ArchCondition<JavaClass> useAnotherFeaturesStore() {
        return new ArchCondition<>("use another feature's store package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> originFeature = feature(FEATURE_PACKAGE, origin.getPackageName());
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    Optional<String> storeFeature = feature(STORE_PACKAGE, dependency.getTargetClass().getPackageName());
                    if (storeFeature.isPresent() && !storeFeature.equals(originFeature)) {
                        events.add(SimpleConditionEvent.satisfied(origin, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static Optional<String> feature(Pattern pattern, String packageName) {
        Matcher matcher = pattern.matcher(packageName);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
