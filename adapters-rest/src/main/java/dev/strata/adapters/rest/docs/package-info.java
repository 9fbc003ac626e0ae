/**
 * The API's documentation: the OpenAPI 3 document generated from the resources
 * ({@code /v1/openapi.json}, {@code /v1/openapi.yaml}) and the {@code /docs} page, see
 * {@link dev.strata.adapters.rest.docs.ApiDocumentation}.
 */
package dev.strata.adapters.rest.docs;
