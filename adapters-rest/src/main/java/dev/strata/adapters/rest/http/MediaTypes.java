package dev.strata.adapters.rest.http;

import jakarta.ws.rs.core.MediaType;

/** The media types Strata speaks beyond plain JSON. */
public final class MediaTypes {

    /** RFC 9457 problem details. */
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final MediaType PROBLEM_JSON_TYPE = MediaType.valueOf(PROBLEM_JSON);

    /** RFC 7396 JSON merge patch. */
    public static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    /** RFC 6902 JSON patch. */
    public static final String JSON_PATCH_JSON = "application/json-patch+json";

    private MediaTypes() {
    }
}
