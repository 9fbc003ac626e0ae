package dev.strata.peers.dropwizard;

import io.dropwizard.auth.Authenticator;
import java.time.Instant;
import java.util.Optional;

/** A bearer token's caller: its signature, then one SELECT of its session with its account. */
public class TokenAuthenticator implements Authenticator<String, Caller> {

    private final Tokens tokens;
    private final SessionDao sessions;

    public TokenAuthenticator(Tokens tokens, SessionDao sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    @Override
    public Optional<Caller> authenticate(String token) {
        return tokens.sessionOf(token)
                .flatMap(sessions::find)
                .filter(caller -> caller.expiresAt().isAfter(Instant.now()));
    }
}
