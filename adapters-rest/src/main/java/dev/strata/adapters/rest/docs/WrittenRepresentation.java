package dev.strata.adapters.rest.docs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a write that answers through {@code Prefer.written}: the written representation, or no body
 * when the client sends {@code Prefer: return=minimal}. {@link OperationConventions} then documents
 * what every such write shares, so that the resources do not repeat it: the {@code Prefer}
 * parameter (after the method's own), the {@code Location}, {@code ETag} and {@code Vary} headers of
 * its 200 and 201, and the 204 of {@code return=minimal} with those headers and
 * {@code Preference-Applied}. The method still declares its own 200 or 201, which says what was
 * written and in which schema.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WrittenRepresentation {

    /** The description of the 204, which may say how the resource was written. */
    String minimal() default "Written; Prefer: return=minimal asked for no body.";
}
