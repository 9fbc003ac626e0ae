package dev.strata.adapters.graphql;

import dev.strata.core.common.IdempotencyKey;
import dev.strata.core.common.ValidationException;
import dev.strata.core.identity.AuthenticatedSession;
import graphql.schema.DataFetchingEnvironment;
import java.util.Optional;
import java.util.function.Function;

/** What every data fetcher needs from its environment: the caller, and arguments read strictly. */
final class Fetching {

    private Fetching() {
    }

    /** Who sends the request. */
    static Caller caller(DataFetchingEnvironment field) {
        return field.getGraphQlContext().get(Caller.class);
    }

    /** The caller's session. @throws dev.strata.core.common.AuthenticationException when there is none */
    static AuthenticatedSession session(DataFetchingEnvironment field) {
        return caller(field).require();
    }

    /**
     * The identifier in {@code argument}, read by {@code parse} (a typed id's constructor).
     *
     * @throws ValidationException naming the argument when the id is malformed
     */
    static <T> T id(DataFetchingEnvironment field, String argument, Function<String, T> parse) {
        return id(argument, field.getArgument(argument), parse);
    }

    /** The object whose field is being fetched. */
    static <T> T source(DataFetchingEnvironment field) {
        return field.getSource();
    }

    /**
     * The {@code idempotencyKey} argument, when given.
     *
     * @throws ValidationException naming {@code idempotencyKey} when it is malformed
     */
    static Optional<IdempotencyKey> idempotencyKey(DataFetchingEnvironment field) {
        String key = field.getArgument("idempotencyKey");
        return key == null ? Optional.empty() : Optional.of(new IdempotencyKey(key));
    }

    /** {@link #id(DataFetchingEnvironment, String, Function)} of a value already read. */
    static <T> T id(String argument, String value, Function<String, T> parse) {
        try {
            return parse.apply(value);
        } catch (ValidationException malformed) {
            throw ValidationException.of(argument, "malformed_id", malformed.errors().getFirst().message());
        }
    }
}
