package dev.strata.adapters.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "client-abc.123", "trace:1_2", "Z"})
    void aSafeOfferIsValidAndKept(String offered) {
        assertThat(RequestIds.isValid(offered)).isTrue();
        assertThat(RequestIds.idFor(offered)).isEqualTo(offered);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"has space", "new\nline", "quote\"", "caf\u00e9", "slash/", "semi;colon", "x=1"})
    void anyOtherOfferIsInvalidAndReplacedByAFreshId(String offered) {
        assertThat(RequestIds.isValid(offered)).isFalse();
        assertThat(RequestIds.idFor(offered)).isNotEqualTo(offered).matches("req_[0-9a-f]{24}");
    }

    @Test
    void theLongestOfferIsMaxLength() {
        assertThat(RequestIds.MAX_LENGTH).isEqualTo(128);
        assertThat(RequestIds.isValid("a".repeat(RequestIds.MAX_LENGTH))).isTrue();
        assertThat(RequestIds.isValid("a".repeat(RequestIds.MAX_LENGTH + 1))).isFalse();
    }

    @Test
    void freshIdsAreValidAndDistinct() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            String id = RequestIds.newId();
            assertThat(RequestIds.isValid(id)).as(id).isTrue();
            ids.add(id);
        }
        assertThat(ids).hasSize(1_000);
    }
}
