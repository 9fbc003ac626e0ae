package dev.strata.core.identity;

import java.util.Objects;
import java.util.Optional;

/**
 * The changes a caller asks for on its own account; an empty field is left as it is. Changing the
 * email or the password needs {@code currentPassword}, and a new password ends every other session
 * of the account.
 */
public record AccountChanges(Optional<String> displayName, Optional<String> email, Optional<String> newPassword,
        Optional<String> currentPassword) {

    public AccountChanges {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(newPassword, "newPassword");
        Objects.requireNonNull(currentPassword, "currentPassword");
    }

    /** No change at all; start from here with the {@code with…} methods. */
    public static AccountChanges none() {
        return new AccountChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public AccountChanges withDisplayName(String value) {
        return new AccountChanges(Optional.of(value), email, newPassword, currentPassword);
    }

    public AccountChanges withEmail(String value) {
        return new AccountChanges(displayName, Optional.of(value), newPassword, currentPassword);
    }

    public AccountChanges withNewPassword(String value) {
        return new AccountChanges(displayName, email, Optional.of(value), currentPassword);
    }

    public AccountChanges withCurrentPassword(String value) {
        return new AccountChanges(displayName, email, newPassword, Optional.of(value));
    }

    /** Whether the change touches what signs the account in, and so needs the current password. */
    public boolean changesCredentials() {
        return email.isPresent() || newPassword.isPresent();
    }

    @Override
    public String toString() {
        return "AccountChanges[displayName=" + displayName + ", email=" + email
                + ", newPassword=" + newPassword.map(ignored -> "<redacted>")
                + ", currentPassword=" + currentPassword.map(ignored -> "<redacted>") + "]";
    }
}
