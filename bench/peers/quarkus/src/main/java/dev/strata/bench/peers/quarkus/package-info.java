/**
 * A Quarkus peer of Strata for the benchmarks: {@code GET /v1/sessions/me} and {@code POST /v1/orders}
 * over the tables the Strata app migrated, written with Quarkus REST, Jackson, Agroal and
 * {@code @Transactional} as the Quarkus guides show them.
 */
package dev.strata.bench.peers.quarkus;
