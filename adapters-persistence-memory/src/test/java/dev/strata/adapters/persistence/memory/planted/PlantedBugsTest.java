package dev.strata.adapters.persistence.memory.planted;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.strata.adapters.persistence.memory.identity.InMemoryIdentityStore;
import dev.strata.adapters.persistence.memory.orders.InMemoryOrderStore;
import dev.strata.adapters.persistence.memory.posts.InMemoryPostStore;
import dev.strata.contracts.RuleReporter;
import dev.strata.contracts.identity.IdentityStoreContract;
import dev.strata.contracts.identity.IdentityStoreRules;
import dev.strata.contracts.orders.OrderStoreContract;
import dev.strata.contracts.orders.OrderStoreRules;
import dev.strata.contracts.posts.PostStoreContract;
import dev.strata.contracts.posts.PostStoreRules;
import dev.strata.core.identity.store.IdentityStore;
import dev.strata.core.orders.store.OrderStore;
import dev.strata.core.posts.store.PostStore;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * The store contract suites catch a bug planted for every rule of the ports' Javadoc: each plant
 * wraps a working in-memory store in a decorator that breaks exactly one rule, the suite runs
 * against it (through JUnit's {@link EngineTestKit}), and it must fail with a failure that names
 * that rule. The unplanted store must pass, and every rule of each catalogue must have a plant.
 */
class PlantedBugsTest {

    @TestFactory
    Stream<DynamicTest> theIdentitySuiteCatchesEveryPlantedBug() {
        return plantsCaught(IdentityStoreRules.class, IdentityStorePlants.all(), InMemoryIdentityStore::new,
                store -> IdentitySuite.stores = store, IdentitySuite.class);
    }

    @TestFactory
    Stream<DynamicTest> thePostSuiteCatchesEveryPlantedBug() {
        return plantsCaught(PostStoreRules.class, PostStorePlants.all(), InMemoryPostStore::new,
                store -> PostSuite.stores = store, PostSuite.class);
    }

    @TestFactory
    Stream<DynamicTest> theOrderSuiteCatchesEveryPlantedBug() {
        return plantsCaught(OrderStoreRules.class, OrderStorePlants.all(), InMemoryOrderStore::new,
                store -> OrderSuite.stores = store, OrderSuite.class);
    }

    private static <S> Stream<DynamicTest> plantsCaught(Class<?> catalogue, List<Plant<S>> plants,
            Supplier<S> working, java.util.function.Consumer<Supplier<S>> use, Class<?> suite) {
        List<DynamicTest> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("every rule of " + catalogue.getSimpleName() + " has a plant", () ->
                assertThat(plants.stream().map(Plant::rule).distinct())
                        .containsExactlyInAnyOrderElementsOf(rulesOf(catalogue))));
        tests.add(DynamicTest.dynamicTest("the working store passes", () -> {
            use.accept(working);
            EngineExecutionResults results = run(suite);
            assertThat(results.testEvents().failed().stream().map(PlantedBugsTest::message).toList()).isEmpty();
            assertThat(results.testEvents().succeeded().count()).isPositive();
        }));
        for (Plant<S> plant : plants) {
            tests.add(DynamicTest.dynamicTest(plant.bug() + " is caught as: " + plant.rule(), () -> {
                List<String> failures;
                use.accept(() -> plant.wrap().apply(working.get()));
                try {
                    failures = run(suite).testEvents().failed().stream().map(PlantedBugsTest::message).toList();
                } finally {
                    use.accept(working);
                }
                assertThat(failures).as("failures of the suite over a store that %s", plant.bug())
                        .anySatisfy(failure -> assertThat(failure)
                                .startsWith(RuleReporter.BROKEN_RULE)
                                .contains(plant.rule()));
            }));
        }
        return tests.stream();
    }

    private static EngineExecutionResults run(Class<?> suite) {
        return EngineTestKit.engine("junit-jupiter").selectors(selectClass(suite)).execute();
    }

    private static String message(Event failed) {
        return failed.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .map(Throwable::getMessage).map(String::valueOf).orElse("(no throwable)");
    }

    private static List<String> rulesOf(Class<?> catalogue) {
        List<String> rules = new ArrayList<>();
        for (Field field : catalogue.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    rules.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return rules;
    }

    /** The identity suite over whatever store {@link #stores} makes; the working store unless a test has planted a bug. */
    static class IdentitySuite extends IdentityStoreContract {
        static volatile Supplier<IdentityStore> stores = InMemoryIdentityStore::new;

        @Override
        protected IdentityStore newStore() {
            return stores.get();
        }
    }

    /** The post suite over whatever store {@link #stores} makes; the working store unless a test has planted a bug. */
    static class PostSuite extends PostStoreContract {
        static volatile Supplier<PostStore> stores = InMemoryPostStore::new;

        @Override
        protected PostStore newStore() {
            return stores.get();
        }
    }

    /** The order suite over whatever store {@link #stores} makes; the working store unless a test has planted a bug. */
    static class OrderSuite extends OrderStoreContract {
        static volatile Supplier<OrderStore> stores = InMemoryOrderStore::new;

        @Override
        protected OrderStore newStore() {
            return stores.get();
        }
    }
}
