/** {@code strata.v1.IdentityService}: accounts and sessions over {@link dev.strata.core.identity.IdentityService}. */
package dev.strata.adapters.grpc.identity;
