package dev.strata.core.identity;

/** An email and a password offered to sign in. */
public record Credentials(String email, String password) {

    @Override
    public String toString() {
        return "Credentials[email=" + email + ", password=<redacted>]";
    }
}
