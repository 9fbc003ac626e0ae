package dev.strata.adapters.rest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.core.common.Created;
import dev.strata.core.common.IdempotencyKey;
import dev.strata.core.common.ValidationException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class IdempotencyKeysTest {

    @Test
    void noHeaderMeansNoKey() {
        assertThat(IdempotencyKeys.parse(null)).isEmpty();
        assertThat(IdempotencyKeys.parse(List.of())).isEmpty();
    }

    @Test
    void aWellFormedHeaderIsTheKey() {
        assertThat(IdempotencyKeys.parse(List.of("order-2026-0001"))).contains(new IdempotencyKey("order-2026-0001"));
    }

    @Test
    void aMalformedOrRepeatedHeaderIsRefusedNamingTheHeader() {
        for (List<String> bad : List.of(List.of(""), List.of("two words"), List.of("x".repeat(256)), List.of("a", "b"))) {
            assertThatThrownBy(() -> IdempotencyKeys.parse(bad)).as(bad.toString())
                    .isInstanceOfSatisfying(ValidationException.class,
                            error -> assertThat(error.errors().getFirst().field()).isEqualTo("Idempotency-Key"));
        }
    }

    @Test
    void aReplayIsMarkedAndAFreshCreationIsNot() {
        URI location = URI.create("/v1/things/1");
        EntityTag tag = new EntityTag("t");
        try (Response fresh = IdempotencyKeys.created(Created.fresh("x"), location, tag, "body");
                Response replay = IdempotencyKeys.created(Created.replayed("x"), location, tag, "body")) {
            assertThat(fresh.getStatus()).isEqualTo(201);
            assertThat(fresh.getHeaderString("Idempotent-Replayed")).isNull();
            assertThat(replay.getStatus()).isEqualTo(201);
            assertThat(replay.getHeaderString("Idempotent-Replayed")).isEqualTo("true");
            assertThat(replay.getEntity()).isEqualTo("body");
        }
    }
}
