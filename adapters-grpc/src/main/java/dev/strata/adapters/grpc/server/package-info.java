/**
 * The server interceptors every Strata gRPC service runs behind, each one concern: request ids,
 * metrics and access log, deadlines, the single {@code StrataException} to {@code google.rpc.Status}
 * mapping, bearer authentication and rate limits.
 */
package dev.strata.adapters.grpc.server;
