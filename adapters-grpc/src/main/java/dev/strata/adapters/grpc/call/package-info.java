/**
 * What every gRPC service of Strata uses within one call: the authenticated caller, resource names,
 * etags, timestamps, field masks, page tokens and field paths of validation errors.
 */
package dev.strata.adapters.grpc.call;
