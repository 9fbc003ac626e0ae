package dev.strata.examples.thirdpartystore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.strata.contracts.identity.IdentityStoreContract;
import dev.strata.contracts.identity.IdentityStoreRules;
import dev.strata.core.identity.store.AccountRecord;
import dev.strata.core.identity.store.IdentityStore;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The same map store with one bug planted (it skips the version check, so the last write wins):
 * the contract suite, run over it with JUnit's test kit, fails and names the rule that was broken.
 */
class PlantedBugIsCaughtTest {

    /** The map store with the bug: every version matches. */
    static final class LastWriteWinsMapIdentityStore extends MapIdentityStore {
        @Override
        protected boolean versionMatches(AccountRecord current, long expected) {
            return true;
        }
    }

    /** The suite over the buggy store while the test below runs it, over the working one otherwise. */
    static final class SuiteOverTheBuggyStore extends IdentityStoreContract {
        static volatile boolean planted;

        @Override
        protected IdentityStore newStore() {
            return planted ? new LastWriteWinsMapIdentityStore() : new MapIdentityStore();
        }
    }

    @Test
    void theContractSuiteFailsNamingTheBrokenRule() {
        List<String> failures;
        SuiteOverTheBuggyStore.planted = true;
        try {
            failures = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(SuiteOverTheBuggyStore.class))
                    .execute()
                    .testEvents().failed().stream()
                    .map(event -> event.getPayload(TestExecutionResult.class)
                            .flatMap(TestExecutionResult::getThrowable).map(Throwable::getMessage).orElse(""))
                    .toList();
        } finally {
            SuiteOverTheBuggyStore.planted = false;
        }

        assertThat(failures).isNotEmpty()
                .allSatisfy(message -> assertThat(message)
                        .startsWith("Broken rule: " + IdentityStoreRules.UPDATE_ACCOUNT_STALE));
    }
}
