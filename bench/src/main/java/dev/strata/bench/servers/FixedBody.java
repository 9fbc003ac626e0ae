package dev.strata.bench.servers;

import java.nio.charset.StandardCharsets;

/**
 * The fixed JSON body (195 bytes) that both baseline servers return, shaped like Strata's answer
 * to {@code GET /v1/sessions/me} (which is about 325 bytes with its timestamps and ids).
 */
final class FixedBody {

    static final String JSON = "{\"id\":\"ses_01jd3m7k2x9q4w8e5r6t7y8u9i\",\"account\":{\"id\":\"acct_01jd3m7k2x9q4w8e5r6t7y8u9\","
            + "\"email\":\"bench@example.com\",\"display_name\":\"Bench\",\"version\":0},"
            + "\"created_at\":\"2026-11-22T00:00:00.000000Z\"}";

    static final byte[] BYTES = JSON.getBytes(StandardCharsets.UTF_8);

    private FixedBody() {
    }
}
