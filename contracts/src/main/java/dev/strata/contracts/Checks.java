package dev.strata.contracts;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the rule (or rules) of a port that a contract test checks, as the port's Javadoc states
 * them, in the form {@code "Port.method: the rule"}. When the test fails, {@link RuleReporter}
 * puts the rule in front of the failure, so that whoever runs the suite against a store reads
 * which promise of the port the store broke. The constants of {@code IdentityStoreRules},
 * {@code PostStoreRules} and {@code OrderStoreRules} are the values used by the store suites.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Checks {

    /** The rules this test checks, each {@code "Port.method: the rule"}. */
    String[] value();
}
