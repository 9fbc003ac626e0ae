package dev.strata.adapters.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.adapters.persistence.memory.identity.InMemoryIdentityStore;
import dev.strata.core.common.AuthenticationException;
import dev.strata.contracts.MutableClock;
import dev.strata.contracts.identity.IdentityFixtures;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.identity.IssuedSession;
import dev.strata.core.identity.NewAccount;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class BearerAuthenticationTest {

    private final IdentityService identity = new IdentityService(new InMemoryIdentityStore(),
            MutableClock.startingNow(), IdentityFixtures.FAST_HASHER, IdentityFixtures.newSigner());
    private final BearerAuthentication authentication = new BearerAuthentication(identity);
    private final IssuedSession signedIn = identity.startSession(identity.createAccount(
            new NewAccount(IdentityFixtures.uniqueEmail(), "correct horse battery", "Ada")));

    @Test
    void aBearerTokenOfALiveSessionIsItsCaller() {
        assertThat(authentication.authenticate("Bearer " + signedIn.token()).accountId())
                .isEqualTo(signedIn.account().id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"bearer ", "BEARER ", "Bearer   "})
    void theSchemeIsCaseInsensitiveAndSpacesAroundTheTokenDoNotCount(String scheme) {
        assertThat(authentication.authenticate(scheme + signedIn.token() + " ").session().id())
                .isEqualTo(signedIn.session().id());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"  ", "\t"})
    void noValueIsAuthenticationRequired(String value) {
        assertRefused(() -> authentication.authenticate(value), "authentication_required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer", "Bearer ", "Basic dXNlcjpwYXNz", "Bearertoken", "Token abc", "abc"})
    void aValueThatIsNotABearerTokenIsAnInvalidToken(String value) {
        assertRefused(() -> authentication.authenticate(value), "invalid_token");
    }

    @Test
    void aTokenNoSessionHasIsAnInvalidToken() {
        assertRefused(() -> authentication.authenticate("Bearer not-a-token"), "invalid_token");
        identity.endSession(authentication.authenticate("Bearer " + signedIn.token()));
        assertRefused(() -> authentication.authenticate("Bearer " + signedIn.token()), "invalid_token");
    }

    @Test
    void anAbsentValueIsAnAnonymousCaller() {
        assertThat(authentication.authenticateIfPresent(null)).isEmpty();
    }

    @Test
    void aPresentValueIsCheckedEvenWhereAuthenticationIsOptional() {
        assertThat(authentication.authenticateIfPresent("Bearer " + signedIn.token()))
                .hasValueSatisfying(caller -> assertThat(caller.accountId()).isEqualTo(signedIn.account().id()));
        assertRefused(() -> authentication.authenticateIfPresent("Bearer forged"), "invalid_token");
        assertRefused(() -> authentication.authenticateIfPresent("Basic abc"), "invalid_token");
        assertRefused(() -> authentication.authenticateIfPresent(""), "authentication_required");
    }

    private static void assertRefused(Runnable call, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(AuthenticationException.class,
                refused -> assertThat(refused.code()).isEqualTo(code));
    }
}
