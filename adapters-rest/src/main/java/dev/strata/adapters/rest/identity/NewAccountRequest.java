package dev.strata.adapters.rest.identity;

import dev.strata.core.identity.NewAccount;

/** The body of {@code POST /v1/accounts}. */
public record NewAccountRequest(String email, String password, String displayName) {

    NewAccount toNewAccount() {
        return new NewAccount(email, password, displayName);
    }

    @Override
    public String toString() {
        return "NewAccountRequest[email=" + email + ", password=<redacted>, displayName=" + displayName + "]";
    }
}
