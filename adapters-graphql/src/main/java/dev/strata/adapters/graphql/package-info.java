/**
 * Strata's GraphQL adapter: the schema-first SDL ({@code strata.graphqls}), wired by hand to the
 * same services as the REST API ({@code IdentityService}, {@code PostService},
 * {@code OrderService}), with Relay connections, DataLoader batches for relations, depth and
 * complexity limits, and errors that carry Strata's error codes. {@link
 * dev.strata.adapters.graphql.StrataGraphql} is the entry point; the HTTP endpoint is in
 * {@link dev.strata.adapters.graphql.http}.
 */
package dev.strata.adapters.graphql;
