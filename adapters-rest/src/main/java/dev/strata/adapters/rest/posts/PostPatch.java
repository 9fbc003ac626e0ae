package dev.strata.adapters.rest.posts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.core.common.ValidationException;
import dev.strata.core.common.Validator;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Reads an RFC 7396 merge patch of a post: {@code body} is its one writable member, and the one
 * thing a patch can change, so it is required; {@code null} would remove it, and a post's body cannot be removed;
 * read-only and unknown members are refused by name, all of them at once.
 */
final class PostPatch {

    private static final Set<String> READ_ONLY = Set.of("id", "author_id", "channel_id", "created_at", "updated_at",
            "version");

    private PostPatch() {
    }

    /** The new body. */
    static String read(JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw ValidationException.of("body", "invalid_type", "a merge patch of a post must be a JSON object");
        }
        Validator validator = new Validator();
        String body = null;
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (READ_ONLY.contains(name)) {
                validator.reject(name, "read_only_field", "is set by the server and cannot be written");
            } else if (!name.equals("body")) {
                validator.reject(name, "unknown_field", "is not a field of this resource");
            } else if (value.isNull()) {
                validator.reject(name, "required", "cannot be removed");
            } else if (!value.isTextual()) {
                validator.reject(name, "invalid_type", "must be a string");
            } else {
                body = value.textValue();
            }
        }
        if (body == null && !validator.hasErrors()) {
            // The document requires body: a patch that changes nothing is refused, not silently kept.
            validator.reject("body", "required", "is required: the patch must give the new body");
        }
        validator.throwIfInvalid();
        return body;
    }
}
