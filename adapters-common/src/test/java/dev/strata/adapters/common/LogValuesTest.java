package dev.strata.adapters.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogValuesTest {

    @Test
    void aTokenKeepsPrintableAsciiAndEscapesEverythingElse() {
        assertThat(LogValues.token("/v1/accounts/{id}")).isEqualTo("/v1/accounts/{id}");
        assertThat(LogValues.token("a b\t\"\\\u007f\u00e9")).isEqualTo("a\\u0020b\\u0009\\u0022\\u005c\\u007f\\u00e9");
    }

    @Test
    void anEscapedValueKeepsSpacesForQuoting() {
        assertThat(LogValues.escaped("key 42 \"x\"")).isEqualTo("key 42 \\u0022x\\u0022");
    }

    @Test
    void escapesAtEitherEndKeepEverythingBetween() {
        assertThat(LogValues.token("\u0000abc")).isEqualTo("\\u0000abc");
        assertThat(LogValues.token("abc\n")).isEqualTo("abc\\u000a");
        assertThat(LogValues.escaped("a\"b\"c")).isEqualTo("a\\u0022b\\u0022c");
        assertThat(LogValues.token("")).isEmpty();
    }
}
