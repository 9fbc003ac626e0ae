package dev.strata.adapters.rest.posts;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.http.JsonMapper;
import dev.strata.adapters.rest.testing.ClientErrors;
import java.io.IOException;

/**
 * Fuzzes the merge patch of a post: any JSON document either yields the new body, exactly the
 * string the patch holds, or nothing to change, or a 4xx problem.
 */
class PostPatchFuzzTest {

    @FuzzTest
    void mergePatchGivesTheBodySentOrA4xx(byte[] data) {
        JsonNode patch;
        try {
            patch = JsonMapper.mapper().readTree(data);
        } catch (IOException notJson) {
            return;
        }
        String body;
        try {
            body = PostPatch.read(patch);
        } catch (RuntimeException refused) {
            ClientErrors.assertClientError(refused);
            return;
        }
        assertThat(body).as("a patch is accepted only with the body it gives, kept as sent")
                .isEqualTo(patch.get("body").textValue());
    }
}
