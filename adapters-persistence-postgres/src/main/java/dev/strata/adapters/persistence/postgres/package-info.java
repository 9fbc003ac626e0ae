/**
 * The stores on PostgreSQL (and on H2 in PostgreSQL mode): {@link dev.strata.adapters.persistence.postgres.StrataDatabase}
 * opens the connection pool, runs the Flyway migrations and hands out the stores; this package also
 * holds what they share (database error translation, the SQL dialect seam, list queries in SQL,
 * idempotent inserts).
 */
package dev.strata.adapters.persistence.postgres;
