/**
 * Rate-limit buckets that several instances of the app share through PostgreSQL
 * ({@link dev.strata.adapters.persistence.postgres.ratelimits.SharedBuckets}).
 */
package dev.strata.adapters.persistence.postgres.ratelimits;
