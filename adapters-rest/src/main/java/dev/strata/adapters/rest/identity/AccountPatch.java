package dev.strata.adapters.rest.identity;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.core.common.ValidationException;
import dev.strata.core.common.Validator;
import dev.strata.core.identity.AccountChanges;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Reads an RFC 7396 merge patch of an account into {@link AccountChanges}. A member that is absent
 * is left alone; {@code null} would remove a field, and none of an account's fields can be removed;
 * read-only fields and unknown fields are refused by name, all of them at once.
 */
final class AccountPatch {

    private static final Set<String> WRITABLE = Set.of("display_name", "email", "password", "current_password");
    private static final Set<String> READ_ONLY = Set.of("id", "created_at", "updated_at", "version", "_links");

    private AccountPatch() {
    }

    static AccountChanges read(JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw ValidationException.of("body", "invalid_type", "a merge patch of an account must be a JSON object");
        }
        Validator validator = new Validator();
        AccountChanges changes = AccountChanges.none();
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (READ_ONLY.contains(name)) {
                validator.reject(name, "read_only_field", "is set by the server and cannot be written");
            } else if (!WRITABLE.contains(name)) {
                validator.reject(name, "unknown_field", "is not a field of this resource");
            } else if (value.isNull()) {
                validator.reject(name, "required", "cannot be removed");
            } else if (!value.isTextual()) {
                validator.reject(name, "invalid_type", "must be a string");
            } else {
                changes = switch (name) {
                    case "display_name" -> changes.withDisplayName(value.textValue());
                    case "email" -> changes.withEmail(value.textValue());
                    case "password" -> changes.withNewPassword(value.textValue());
                    default -> changes.withCurrentPassword(value.textValue());
                };
            }
        }
        validator.throwIfInvalid();
        return changes;
    }
}
