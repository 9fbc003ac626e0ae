package dev.strata.adapters.rest.posts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.core.common.ValidationException;
import dev.strata.core.common.Validator;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Reads an RFC 7396 merge patch of a post (or of a channel, whose one writable member is its
 * name): {@code body} is a post's one writable member, and the one thing a patch can change, so it is required; {@code null} would remove it, and a post's body cannot be removed;
 * read-only and unknown members are refused by name, all of them at once.
 */
final class PostPatch {

    private static final Set<String> READ_ONLY = Set.of("id", "author_id", "channel_id", "created_at", "updated_at",
            "version", "_links");

    private PostPatch() {
    }

    /** The new body. */
    static String read(JsonNode patch) {
        return readText(patch, "body", READ_ONLY, "post");
    }

    /**
     * The one writable text member {@code field} of a merge patch of a {@code resource}: required,
     * not null, a string; read-only and unknown members are refused by name, all at once.
     */
    static String readText(JsonNode patch, String field, Set<String> readOnly, String resource) {
        if (patch == null || !patch.isObject()) {
            throw ValidationException.of(field, "invalid_type", "a merge patch of a " + resource + " must be a JSON object");
        }
        Validator validator = new Validator();
        String text = null;
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> member = fields.next();
            String name = member.getKey();
            JsonNode value = member.getValue();
            if (readOnly.contains(name)) {
                validator.reject(name, "read_only_field", "is set by the server and cannot be written");
            } else if (!name.equals(field)) {
                validator.reject(name, "unknown_field", "is not a field of this resource");
            } else if (value.isNull()) {
                validator.reject(name, "required", "cannot be removed");
            } else if (!value.isTextual()) {
                validator.reject(name, "invalid_type", "must be a string");
            } else {
                text = value.textValue();
            }
        }
        if (text == null && !validator.hasErrors()) {
            // The document requires the field: a patch that changes nothing is refused, not silently kept.
            validator.reject(field, "required", "is required: the patch must give the new " + field);
        }
        validator.throwIfInvalid();
        return text;
    }
}
