package dev.strata.adapters.rest.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Sparse fieldsets ({@code fields=id,state}): a representation cut down to the fields a client
 * selected, in the representation's own order. The names were checked by {@link ListParameters};
 * an empty selection means the whole representation.
 */
public final class Projection {

    private Projection() {
    }

    /** {@code representation} as JSON with only {@code fields} kept, or whole when {@code fields} is empty. */
    public static Object select(Object representation, List<String> fields) {
        if (fields.isEmpty()) {
            return representation;
        }
        ObjectNode whole = JsonMapper.mapper().valueToTree(representation);
        whole.retain(fields);
        return whole;
    }
}
