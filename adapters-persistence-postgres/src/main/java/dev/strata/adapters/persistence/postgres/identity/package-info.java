/**
 * {@link dev.strata.adapters.persistence.postgres.identity.JdbiIdentityStore}: the identity store
 * port over JDBI, in the {@code identity} schema; its rows and mappers stay package-private.
 */
package dev.strata.adapters.persistence.postgres.identity;
