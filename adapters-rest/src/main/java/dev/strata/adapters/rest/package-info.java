/**
 * The REST adapter: {@link dev.strata.adapters.rest.StrataApi} builds the whole JSON API as one
 * Jersey application from service instances, with the entry point {@code GET /v1}. Resources live
 * in packages that mirror the core's ({@code identity}, {@code posts}, {@code orders}); what every
 * endpoint shares is in {@code http}, the HTTP server in {@code grizzly}, the API's documentation in
 * {@code docs}.
 */
package dev.strata.adapters.rest;
