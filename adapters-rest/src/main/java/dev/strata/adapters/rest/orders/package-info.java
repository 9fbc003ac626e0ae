/**
 * The orders resources: {@code /v1/orders} with creation, replacement under a client-assigned id,
 * merge and JSON patches, deletion, filtered and sorted lists, and cancellation as a resource; each
 * call translates HTTP to calls of the orders service and back.
 */
package dev.strata.adapters.rest.orders;
