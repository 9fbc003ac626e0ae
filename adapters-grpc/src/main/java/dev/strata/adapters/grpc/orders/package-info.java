/** {@code strata.v1.OrderService}: orders and their actions over {@link dev.strata.core.orders.OrderService}. */
package dev.strata.adapters.grpc.orders;
