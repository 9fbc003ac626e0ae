/**
 * The identity service: accounts, passwords (Argon2id), sign-in with lock-out after repeated failures,
 * sessions and their signed bearer tokens. {@link dev.strata.core.identity.IdentityService} is the
 * entry point; it persists through {@link dev.strata.core.identity.store.IdentityStore}.
 */
package dev.strata.core.identity;
