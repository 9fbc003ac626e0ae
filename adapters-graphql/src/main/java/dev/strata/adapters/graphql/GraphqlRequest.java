package dev.strata.adapters.graphql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One GraphQL request, however it came: the document, which of its operations to run, and the
 * variables' values.
 *
 * @param query         the GraphQL document
 * @param operationName the operation to run, when the document holds several
 * @param variables     the variables' values, as decoded JSON (maps, lists, strings, numbers, booleans)
 * @param extensions    the request's extensions, which Strata reads none of
 */
public record GraphqlRequest(String query, Optional<String> operationName, Map<String, Object> variables,
        Optional<?> extensions) {

    /** Checks the parts; the variables are copied. */
    public GraphqlRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(operationName, "operationName");
        variables = Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        Objects.requireNonNull(extensions, "extensions");
    }

    /**
     * A request for {@code query} with these variables, and no operation name or extensions.
     *
     * @param query     the document
     * @param variables the variables' values
     * @return the request
     */
    public static GraphqlRequest of(String query, Map<String, Object> variables) {
        return new GraphqlRequest(query, Optional.empty(), variables, Optional.empty());
    }
}
