/**
 * An example of a store written outside Strata: {@link dev.strata.examples.thirdpartystore.MapIdentityStore},
 * an {@link dev.strata.core.identity.store.IdentityStore} kept in plain maps, which proves itself
 * with the contract suites of {@code strata-contracts}.
 */
package dev.strata.examples.thirdpartystore;
