package dev.strata.adapters.grpc.call;

import com.google.protobuf.FieldMask;
import dev.strata.core.common.Validator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads an update's field mask (AIP-134) against the fields a resource lets clients change: a
 * path it does not know is INVALID_ARGUMENT naming it, never ignored.
 */
public final class FieldMasks {

    private static final String FIELD = "update_mask";

    private FieldMasks() {
    }

    /**
     * The paths of {@code mask}, each one of {@code updatable}; {@code "*"} stands for all of them,
     * and so does an empty mask when {@code emptyMeansAll}, else an empty mask means
     * {@code whenEmpty}.
     *
     * @throws dev.strata.core.common.ValidationException on {@code update_mask} naming every unknown path
     */
    public static Set<String> paths(FieldMask mask, List<String> updatable, Set<String> whenEmpty) {
        if (mask.getPathsCount() == 0) {
            return whenEmpty;
        }
        Validator validator = new Validator();
        Set<String> paths = new LinkedHashSet<>();
        for (String path : mask.getPathsList()) {
            if (path.equals("*")) {
                paths.addAll(updatable);
            } else if (updatable.contains(path)) {
                paths.add(path);
            } else {
                validator.reject(FIELD, "unknown_field", "names '" + path + "', which cannot be updated; updatable are "
                        + String.join(", ", updatable) + " (or *)");
            }
        }
        validator.throwIfInvalid();
        return paths;
    }
}
