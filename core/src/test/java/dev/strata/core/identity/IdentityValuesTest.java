package dev.strata.core.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.identity.store.AccountRecord;
import dev.strata.core.identity.store.AccountUpdateRecord;
import dev.strata.core.identity.store.NewAccountRecord;
import dev.strata.core.identity.store.SignInFailures;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The identity slice's values: what they refuse, and that none of them prints a secret. */
class IdentityValuesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final String SECRET = "correct horse battery staple";
    private final AccountId accountId = AccountId.generate(Clock.systemUTC());
    private final SessionId sessionId = SessionId.generate();

    @Test
    void valuesThatCarryASecretNeverPrintIt() {
        Account account = new Account(accountId, "ada@example.com", "Ada", T0, T0, 0);
        Session session = new Session(sessionId, accountId, T0, T0.plusSeconds(60));
        List<Object> values = List.of(new Credentials("ada@example.com", SECRET),
                new NewAccount("ada@example.com", SECRET, "Ada"),
                AccountChanges.none().withNewPassword(SECRET).withCurrentPassword(SECRET),
                new IssuedSession(session, account, SECRET),
                new AccountRecord(accountId, "ada@example.com", "ada@example.com", "Ada", SECRET, T0, T0, 0),
                new NewAccountRecord(accountId, "ada@example.com", "ada@example.com", "Ada", SECRET, T0),
                new AccountUpdateRecord(accountId, 0, "ada@example.com", "ada@example.com", "Ada", SECRET, T0,
                        Optional.empty()));

        for (Object value : values) {
            assertThat(value.toString()).as(value.getClass().getSimpleName()).doesNotContain(SECRET)
                    .startsWith(value.getClass().getSimpleName() + "[");
        }
        assertThat(values.get(0).toString()).contains("ada@example.com", "<redacted>");
        assertThat(values.get(2).toString()).isEqualTo("AccountChanges[displayName=Optional.empty, "
                + "email=Optional.empty, newPassword=Optional[<redacted>], currentPassword=Optional[<redacted>]]");
        assertThat(values.get(3).toString()).contains(sessionId.value());
        assertThat(values.get(4).toString()).contains(accountId.value());
        assertThat(accountId.toString()).isEqualTo(accountId.value());
        assertThat(sessionId.toString()).isEqualTo(sessionId.value());
    }

    @Test
    void aSessionOfAnotherAccountIsNotThisCallersSession() {
        Account account = new Account(accountId, "ada@example.com", "Ada", T0, T0, 0);
        Session theirs = new Session(sessionId, AccountId.generate(Clock.systemUTC()), T0, T0.plusSeconds(60));

        assertThatThrownBy(() -> new AuthenticatedSession(theirs, account)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new AuthenticatedSession(new Session(sessionId, accountId, T0, T0.plusSeconds(60)), account)
                .accountId()).isEqualTo(accountId);
    }

    @Test
    void aPolicyNeedsPositiveDurationsAndAtLeastOneFailure() {
        IdentityPolicy smallest = new IdentityPolicy(Duration.ofNanos(1), 1, Duration.ofNanos(1));

        assertThat(smallest.maxSignInFailures()).isEqualTo(1);
        assertThat(smallest.withSessionLifetime(Duration.ofHours(2)))
                .isEqualTo(new IdentityPolicy(Duration.ofHours(2), 1, Duration.ofNanos(1)));
        for (Duration bad : List.of(Duration.ZERO, Duration.ofSeconds(-1))) {
            assertThatThrownBy(() -> new IdentityPolicy(bad, 1, Duration.ofMinutes(1))).as("lifetime %s", bad)
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new IdentityPolicy(Duration.ofMinutes(1), 1, bad)).as("window %s", bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(() -> new IdentityPolicy(Duration.ofMinutes(1), 0, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aCountOfFailuresAndItsOldestAgree() {
        assertThat(new SignInFailures(1, Optional.of(T0)).count()).isEqualTo(1);
        assertThat(SignInFailures.NONE.count()).isZero();
        assertThat(new SignInFailures(0, Optional.empty())).isEqualTo(SignInFailures.NONE);
        assertThatThrownBy(() -> new SignInFailures(0, Optional.of(T0))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignInFailures(1, Optional.empty())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignInFailures(-1, Optional.of(T0))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void argon2ParametersAreCheckedAtTheirBounds() {
        assertThat(new PasswordHasher.Parameters(8, 1, 1).memoryKiB()).isEqualTo(8);
        assertThat(new PasswordHasher.Parameters(16, 1, 2).parallelism()).isEqualTo(2);
        assertThatThrownBy(() -> new PasswordHasher.Parameters(7, 1, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHasher.Parameters(15, 1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHasher.Parameters(8, 0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHasher.Parameters(8, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PasswordHasher(new PasswordHasher.Parameters(8, 1, 1), 0, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new PasswordHasher(new PasswordHasher.Parameters(8, 1, 1), 1, Duration.ofSeconds(1))
                .hash("a password")).startsWith("$argon2id$v=19$m=8,t=1,p=1$");
    }

    @Test
    void aSignerNeedsAKey() {
        assertThatThrownBy(() -> new TokenSigner(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEmailNeedsALocalPartAndADomainOfTwoLabels() {
        assertThat(EmailSyntax.isValid("a@example.com")).isTrue();
        for (String bad : List.of("@example.com", "a@", "a@localhost", "a b@example.com", "a@-x.example.com",
                "no-at-sign")) {
            assertThat(EmailSyntax.isValid(bad)).as(bad).isFalse();
        }
    }
}
