/**
 * The identity resources: accounts ({@code /v1/accounts}) and sessions ({@code /v1/sessions}),
 * with their request and response bodies; each call translates HTTP to one call of the identity
 * service and back.
 */
package dev.strata.adapters.rest.identity;
