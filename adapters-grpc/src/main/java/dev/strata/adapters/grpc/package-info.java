/**
 * Strata's gRPC adapter: the {@code strata.v1} services over the core's services, with one error
 * mapping, bearer authentication, request ids, deadlines, rate limits, metrics and access logs as
 * server interceptors. {@link dev.strata.adapters.grpc.GrpcApi} is what a composition root serves.
 */
package dev.strata.adapters.grpc;
