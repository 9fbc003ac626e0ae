/**
 * The identity suites: {@link dev.strata.contracts.identity.IdentityStoreContract} (every rule of
 * {@code IdentityStore}, listed in {@link dev.strata.contracts.identity.IdentityStoreRules}) and
 * {@link dev.strata.contracts.identity.IdentityServiceContract} (the real identity service over any
 * store), with {@link dev.strata.contracts.identity.IdentityFixtures}. Extend each with your store.
 */
package dev.strata.contracts.identity;
