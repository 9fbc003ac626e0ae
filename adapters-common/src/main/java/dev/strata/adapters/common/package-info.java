/**
 * What every API adapter of Strata (REST, gRPC, GraphQL) shares, protocol-neutral, so that it is
 * written once: the one classification of core's failures ({@link dev.strata.adapters.common.ErrorKind}),
 * bearer-token authentication ({@link dev.strata.adapters.common.BearerAuthentication}), rate limits
 * ({@link dev.strata.adapters.common.RateLimiter} over {@link dev.strata.adapters.common.RateLimitBuckets}),
 * request ids ({@link dev.strata.adapters.common.RequestIds}), metric names
 * ({@link dev.strata.adapters.common.ApiMetrics}) and the access-log line
 * ({@link dev.strata.adapters.common.AccessLog}).
 *
 * <p>It depends on core and on protocol-neutral libraries only (Bucket4j, Micrometer, SLF4J): no
 * Jakarta REST, gRPC or Jackson. Each adapter translates these into its protocol: an
 * {@code ErrorKind} into an HTTP status or a gRPC code, a {@code RateDecision} into headers or
 * metadata.
 */
package dev.strata.adapters.common;
