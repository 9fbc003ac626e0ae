package dev.strata.adapters.rest.identity;

import dev.strata.adapters.rest.docs.TextRules;
import dev.strata.core.identity.NewAccount;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

/** The body of {@code POST /v1/accounts}. */
@Schema(name = "NewAccount", description = "Signing up: the new account's email, password and display name.")
public record NewAccountRequest(
        @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 254, description = "An email address,"
                + " unique among accounts ignoring case (compared in lower case)." + TextRules.TRIMMED,
                example = "ada@example.com")
        String email,
        @Schema(requiredMode = RequiredMode.REQUIRED, format = "password", minLength = 8, maxLength = 1024,
                description = "8 to 1024 characters.", example = "correct horse battery staple") String password,
        @Schema(requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 100,
                pattern = TextRules.SINGLE_LINE, description = "A name to show; one line." + TextRules.TRIMMED,
                example = "Ada Lovelace") String displayName) {

    NewAccount toNewAccount() {
        return new NewAccount(email, password, displayName);
    }

    @Override
    public String toString() {
        return "NewAccountRequest[email=" + email + ", password=<redacted>, displayName=" + displayName + "]";
    }
}
