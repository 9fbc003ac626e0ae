package dev.strata.adapters.rest.docs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a POST that creates a resource idempotently with {@code Idempotency-Key} and honours
 * {@code Prefer: return=minimal}, as {@code IdempotencyKeys.created(headers, outcome, location, tag,
 * body)} answers. {@link OperationConventions} writes what every such operation shares into the
 * document, so that the resources do not repeat it: the {@code Idempotency-Key} and {@code Prefer}
 * parameters, the {@code Location}, {@code ETag}, {@code Vary} and {@code Idempotent-Replayed}
 * headers of the 201, the 204 of {@code return=minimal} (as for a {@link WrittenRepresentation}) and
 * the 422 of a key reused with another body. The method still declares its own 201
 * {@code @ApiResponse}, which says what was created and in which schema.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface IdempotentCreation {
}
