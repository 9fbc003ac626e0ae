package dev.strata.adapters.rest.docs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a GET that answers a page of a list: {@link OperationConventions} adds the named shared
 * query parameters (in this order, ahead of the method's own) and the {@code Link} header of its
 * 200, which the method still declares with its page schema. It may stand on another annotation
 * that then stands for one kind of list (as {@code @PostListOperation} does for post lists), so
 * that the parameters of that kind are named once.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
public @interface ListOperation {

    /** The shared list parameters the operation takes, by their names in the components. */
    String[] parameters();
}
