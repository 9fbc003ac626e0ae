package dev.strata.adapters.graphql;

import graphql.language.Document;
import graphql.language.Field;
import graphql.language.NodeUtil;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What a request would run, read from its document before it runs: the kind of operation (HTTP
 * runs mutations on {@code POST} only) and the schema's names of its root fields, which name it in
 * the access log from a bounded set (never the client's operation name or aliases).
 *
 * @param kind       query, mutation or subscription
 * @param rootFields the root fields' names, sorted, each once
 */
public record GraphqlOperation(OperationDefinition.Operation kind, List<String> rootFields) {

    /** Checks the parts; the root fields are copied. */
    public GraphqlOperation {
        Objects.requireNonNull(kind, "kind");
        rootFields = List.copyOf(rootFields);
    }

    /**
     * The operation {@code request} selects, or empty when its document does not parse or does not
     * name one operation: execution then reports why.
     *
     * @param request the request
     * @return its operation, or empty
     */
    public static Optional<GraphqlOperation> of(GraphqlRequest request) {
        try {
            Document document = Parser.parse(request.query());
            OperationDefinition operation = NodeUtil.getOperation(document, request.operationName().orElse(null))
                    .operationDefinition;
            TreeSet<String> fields = new TreeSet<>();
            operation.getSelectionSet().getSelectionsOfType(Field.class).forEach(field -> fields.add(field.getName()));
            return Optional.of(new GraphqlOperation(operation.getOperation(), List.copyOf(fields)));
        } catch (RuntimeException unparsable) {
            // A syntax error, no such operation, or several without a name: execution says which.
            return Optional.empty();
        }
    }

    /**
     * As the access log names it, one bare token: {@code mutation:createOrder}, {@code query:orders,viewer}.
     *
     * @return the kind and the root fields
     */
    public String logName() {
        return kind.name().toLowerCase(Locale.ROOT) + ":" + String.join(",", rootFields);
    }
}
