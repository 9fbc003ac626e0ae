package dev.strata.contracts.identity;

import dev.strata.core.identity.PasswordHasher;
import dev.strata.core.identity.TokenSigner;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** Shared test helpers for the identity slice: unique emails, a fast real hasher, signers. */
public final class IdentityFixtures {

    /** Real Argon2id, with parameters cheap enough for tests; production uses {@link PasswordHasher#RECOMMENDED}. */
    public static final PasswordHasher FAST_HASHER =
            new PasswordHasher(new PasswordHasher.Parameters(1024, 1, 1), 4, Duration.ofSeconds(30));

    private IdentityFixtures() {
    }

    /** An email no other test uses, so that tests can share one database. */
    public static String uniqueEmail() {
        return "user-" + UUID.randomUUID() + "@example.com";
    }

    public static TokenSigner newSigner() {
        return new TokenSigner(List.of(TokenSigner.SigningKey.generate("k1")));
    }
}
