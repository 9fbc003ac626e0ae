package dev.strata.core.identity;

/**
 * What a caller asks for when it signs up. The service checks every field and reports every
 * problem at once; the password is hashed and then forgotten.
 */
public record NewAccount(String email, String password, String displayName) {

    @Override
    public String toString() {
        return "NewAccount[email=" + email + ", password=<redacted>, displayName=" + displayName + "]";
    }
}
