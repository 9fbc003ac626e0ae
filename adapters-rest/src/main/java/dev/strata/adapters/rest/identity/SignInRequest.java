package dev.strata.adapters.rest.identity;

import dev.strata.core.identity.Credentials;

/** The body of {@code POST /v1/sessions}. */
public record SignInRequest(String email, String password) {

    Credentials toCredentials() {
        return new Credentials(email, password);
    }

    @Override
    public String toString() {
        return "SignInRequest[email=" + email + ", password=<redacted>]";
    }
}
