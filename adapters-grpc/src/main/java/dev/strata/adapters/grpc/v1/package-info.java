/**
 * The messages and service stubs generated at build time from the {@code strata/v1/*.proto}
 * contract (package {@code strata.v1}). Nothing here is written by hand but this file.
 */
package dev.strata.adapters.grpc.v1;
