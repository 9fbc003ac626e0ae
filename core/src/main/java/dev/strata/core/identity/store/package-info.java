/**
 * The identity service's store port, {@link dev.strata.core.identity.store.IdentityStore}, and the
 * records that cross it. Implement the port to keep identities elsewhere; the rules it states are
 * checked by {@code IdentityStoreContract} of {@code strata-contracts}.
 */
package dev.strata.core.identity.store;
