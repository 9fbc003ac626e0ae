package dev.strata.adapters.rest.identity;

import dev.strata.core.identity.Credentials;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** The body of {@code POST /v1/sessions}. */
@Schema(name = "SignIn", description = "Signing in: an account's email and password.")
public record SignInRequest(
        @Schema(requiredMode = RequiredMode.REQUIRED, maxLength = 254, example = "ada@example.com") String email,
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "password", maxLength = 1024,
                example = "correct horse battery staple") String password) {

    Credentials toCredentials() {
        return new Credentials(email, password);
    }

    @Override
    public String toString() {
        return "SignInRequest[email=" + email + ", password=<redacted>]";
    }
}
