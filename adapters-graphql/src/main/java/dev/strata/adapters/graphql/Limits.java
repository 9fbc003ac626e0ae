package dev.strata.adapters.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.schema.GraphQLTypeUtil;
import java.util.List;

/**
 * The bounds on what one operation may ask, checked before it runs: its depth (graphql-java's
 * {@link MaxQueryDepthInstrumentation}) and its complexity ({@link MaxQueryComplexityInstrumentation}),
 * where every field costs 1 and a connection costs its page size ({@code first} or {@code last},
 * else the default 20) times what each of its items costs. An operation over either bound is
 * refused whole with {@code query_too_deep} or {@code query_too_complex}.
 *
 * @param maxDepth      the deepest selection accepted
 * @param maxComplexity the largest complexity accepted
 */
record Limits(int maxDepth, int maxComplexity) {

    /** Deep enough for the standard introspection query, which clients run to learn the schema. */
    static final Limits DEFAULT = new Limits(15, 2_000);

    Limits {
        if (maxDepth < 1 || maxComplexity < 1) {
            throw new IllegalArgumentException("the limits must be positive");
        }
    }

    Instrumentation instrumentation() {
        return new ChainedInstrumentation(List.of(new Depth(maxDepth), new Complexity(maxComplexity)));
    }

    /** A connection's cost is its page size times an item's; any other field costs 1 plus its children. */
    static int complexity(FieldComplexityEnvironment field, int childComplexity) {
        if (GraphQLTypeUtil.unwrapAll(field.getFieldDefinition().getType()).getName().endsWith("Connection")) {
            Object size = field.getArguments().getOrDefault("first", field.getArguments().get("last"));
            int items = size instanceof Integer count && count > 0 ? count : Paging.DEFAULT_SIZE;
            return 1 + items * childComplexity;
        }
        return 1 + childComplexity;
    }

    private static final class Depth extends MaxQueryDepthInstrumentation {

        Depth(int maxDepth) {
            super(maxDepth);
        }

        @Override
        protected AbortExecutionException mkAbortException(int depth, int maxDepth) {
            return new AbortExecutionException(List.of(Errors.of("query_too_deep", "INVALID_ARGUMENT",
                    "the operation is " + depth + " levels deep; at most " + maxDepth + " are allowed")));
        }
    }

    private static final class Complexity extends MaxQueryComplexityInstrumentation {

        Complexity(int maxComplexity) {
            super(maxComplexity, (FieldComplexityCalculator) Limits::complexity);
        }

        @Override
        protected AbortExecutionException mkAbortException(int complexity, int maxComplexity) {
            return new AbortExecutionException(List.of(Errors.of("query_too_complex", "INVALID_ARGUMENT",
                    "the operation's complexity is " + complexity + "; at most " + maxComplexity
                            + " is allowed (a connection costs its page size times its items' cost)")));
        }
    }
}
