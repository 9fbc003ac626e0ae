package dev.strata.adapters.rest.identity;

import dev.strata.adapters.rest.docs.TextRules;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The shape of an account merge patch for the document; {@link AccountPatch} reads the patch
 * itself, member by member, so that it can tell an absent member from a null one.
 */
@Schema(name = "AccountChanges", description = "An RFC 7396 merge patch of an account: members left out are left"
        + " alone. Changing the email or the password needs current_password, and a new password ends the"
        + " account's other sessions.")
record AccountChangesBody(
        @Schema(minLength = 1, maxLength = 100, pattern = TextRules.SINGLE_LINE,
                description = "A name to show; one line." + TextRules.TRIMMED, example = "Ada King") String displayName,
        @Schema(minLength = 1, maxLength = 254, description = "A new email address." + TextRules.TRIMMED,
                example = "ada.king@example.com") String email,
        @Schema(format = "password", minLength = 8, maxLength = 1024,
                example = "a new long passphrase") String password,
        @Schema(format = "password", maxLength = 1024, example = "correct horse battery staple")
        String currentPassword) {
}
