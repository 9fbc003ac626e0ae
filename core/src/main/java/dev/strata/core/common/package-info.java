/**
 * What every service of the core shares: typed ids and their generation ({@link dev.strata.core.common.Ids}),
 * the exception hierarchy with stable codes ({@link dev.strata.core.common.StrataException} and its
 * subclasses), validation ({@link dev.strata.core.common.Validator}), idempotent creation
 * ({@link dev.strata.core.common.IdempotentRequest}, {@link dev.strata.core.common.Created}), and the
 * list-query model with paging ({@link dev.strata.core.common.ListQuery}, {@link dev.strata.core.common.Page}).
 * Framework-free, like all of the core.
 */
package dev.strata.core.common;
