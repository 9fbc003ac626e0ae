/**
 * GraphQL over HTTP: {@code POST /graphql} and {@code GET /graphql} (queries only) as a Jakarta REST
 * resource, following the GraphQL-over-HTTP specification ({@code application/graphql-response+json},
 * {@code application/json} for older clients), and the filter that authenticates its bearer token
 * before the host application's rate limits and access log run.
 */
package dev.strata.adapters.graphql.http;
