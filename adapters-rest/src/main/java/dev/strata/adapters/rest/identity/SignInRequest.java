package dev.strata.adapters.rest.identity;

import dev.strata.core.identity.Credentials;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** The body of {@code POST /v1/sessions}. */
@Schema(name = "SignIn", description = "Signing in: an account's email and password.")
public record SignInRequest(
        @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 254,
                description = "The account's email, in any case; surrounding whitespace is ignored. A missing or"
                        + " blank one is a 400 naming it; a wrong one a 401 like a wrong password.",
                example = "ada@example.com") String email,
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "password", minLength = 1, maxLength = 1024,
                example = "correct horse battery staple") String password) {

    Credentials toCredentials() {
        return new Credentials(email, password);
    }

    @Override
    public String toString() {
        return "SignInRequest[email=" + email + ", password=<redacted>]";
    }
}
