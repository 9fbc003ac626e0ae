package dev.strata.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.contracts.identity.IdentityStoreContract;
import dev.strata.contracts.identity.IdentityStoreRules;
import dev.strata.contracts.orders.OrderStoreContract;
import dev.strata.contracts.orders.OrderStoreRules;
import dev.strata.contracts.posts.PostStoreContract;
import dev.strata.contracts.posts.PostStoreRules;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps the store suites, their rule catalogues and the ports' Javadoc in step: every test of a
 * store suite names its rules, every rule is checked by a test, and every rule is stated, word for
 * word, in the port's Javadoc (read from core's sources).
 */
class RulesAreDocumentedTest {

    static List<Arguments> suites() {
        return List.of(
                Arguments.of(IdentityStoreContract.class, IdentityStoreRules.class,
                        "dev/strata/core/identity/store/IdentityStore.java"),
                Arguments.of(PostStoreContract.class, PostStoreRules.class,
                        "dev/strata/core/posts/store/PostStore.java"),
                Arguments.of(OrderStoreContract.class, OrderStoreRules.class,
                        "dev/strata/core/orders/store/OrderStore.java"));
    }

    @ParameterizedTest
    @MethodSource("suites")
    void everyTestOfAStoreSuiteChecksRulesOfItsCatalogueAndEveryRuleIsChecked(Class<?> suite, Class<?> rules, String port) {
        List<String> catalogue = rulesOf(rules);
        Set<String> checked = new HashSet<>();
        for (Method test : testsOf(suite)) {
            Checks checks = test.getAnnotation(Checks.class);
            assertThat(checks).as("%s.%s names the rule it checks with @Checks", suite.getSimpleName(), test.getName())
                    .isNotNull();
            assertThat(catalogue).as("the rules of %s.%s", suite.getSimpleName(), test.getName())
                    .containsAll(Arrays.asList(checks.value()));
            checked.addAll(Arrays.asList(checks.value()));
        }
        assertThat(checked).as("every rule of %s is checked by a test of %s", rules.getSimpleName(), suite.getSimpleName())
                .containsExactlyInAnyOrderElementsOf(catalogue);
    }

    @ParameterizedTest
    @MethodSource("suites")
    void everyRuleIsStatedInThePortsJavadoc(Class<?> suite, Class<?> rules, String port) throws IOException {
        String javadoc = plainJavadoc(Files.readString(Path.of("../core/src/main/java").resolve(port)));

        List<String> unstated = rulesOf(rules).stream()
                .filter(rule -> !javadoc.toLowerCase(Locale.ROOT).contains(
                        rule.substring(rule.indexOf(": ") + 2).toLowerCase(Locale.ROOT)))
                .toList();

        assertThat(unstated).as("rules of %s that the Javadoc of %s does not state word for word", rules.getSimpleName(), port)
                .isEmpty();
    }

    @Test
    void aTestNameReadsAsASentence() {
        assertThat(RuleReporter.sentence("anUpdateAtAStaleVersionFailsAndChangesNothing"))
                .isEqualTo("an update at a stale version fails and changes nothing");
    }

    /** The text of every Javadoc comment of a source file, without tags' markup, on one line. */
    static String plainJavadoc(String source) {
        StringBuilder text = new StringBuilder();
        int start = source.indexOf("/**");
        while (start >= 0) {
            int end = source.indexOf("*/", start);
            text.append(' ').append(source, start + 3, end);
            start = source.indexOf("/**", end);
        }
        return text.toString()
                .replaceAll("\n\\s*\\*", " ")
                .replaceAll("\\{@(?:code|link|linkplain) (?:[^}\\s]+ )?([^}]*)}", "$1")
                .replaceAll("\\{@(?:code|link|linkplain) ([^}]*)}", "$1")
                .replaceAll("<[^>]+>", " ")
                .replaceAll("\\s+", " ")
                .replace(" ;", ";").replace(" .", ".");
    }

    private static List<String> rulesOf(Class<?> rules) {
        List<String> catalogue = new ArrayList<>();
        for (Field field : rules.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    catalogue.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new AssertionError(e);
                }
            }
        }
        return catalogue;
    }

    private static List<Method> testsOf(Class<?> suite) {
        List<Method> tests = new ArrayList<>();
        for (Method method : suite.getDeclaredMethods()) {
            if (method.isAnnotationPresent(Test.class)) {
                tests.add(method);
            }
        }
        for (Class<?> nested : suite.getDeclaredClasses()) {
            tests.addAll(testsOf(nested));
        }
        return tests;
    }
}
