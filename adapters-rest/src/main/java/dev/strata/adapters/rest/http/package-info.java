/**
 * What every endpoint of the REST API shares, one concern per class: request ids, access log,
 * metrics, authentication, rate limits, conditional requests and entity tags, idempotency keys,
 * CORS, body limits, header syntax, and the mapping of core exceptions to RFC 9457 problems.
 */
package dev.strata.adapters.rest.http;
