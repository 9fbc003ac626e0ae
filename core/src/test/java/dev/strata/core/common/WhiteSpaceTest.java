package dev.strata.core.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** White space, checked over every Unicode space, separator and format code point. */
class WhiteSpaceTest {

    private static final List<Integer> INVISIBLE_FORMATS = List.of(0x180E, 0x200B, 0x2060, 0xFEFF);

    private static List<Integer> codePointsOfType(int... types) {
        return IntStream.rangeClosed(0, Character.MAX_CODE_POINT)
                .filter(c -> IntStream.of(types).anyMatch(type -> Character.getType(c) == type))
                .boxed().toList();
    }

    @Test
    void everySpaceAndSeparatorIsTrimmedAndBlankForValidatedText() {
        List<Integer> spaces = codePointsOfType(Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR,
                Character.PARAGRAPH_SEPARATOR);
        assertThat(spaces).contains(0x00A0, 0x2007, 0x202F, 0x3000, 0x2029);
        for (int space : spaces) {
            String around = Character.toString(space) + "a" + Character.toString(space);
            Validator validator = new Validator();
            assertThat(validator.text("name", around, 1, 10)).as("U+%04X", space).isEqualTo("a");
            assertThat(WhiteSpace.isBlank(Character.toString(space).repeat(2))).as("U+%04X", space).isTrue();
            Validator blank = new Validator();
            assertThat(blank.text("name", Character.toString(space), 1, 10)).as("U+%04X", space).isNull();
            assertThat(blank.hasErrors()).isTrue();
        }
    }

    @Test
    void invisibleFormatCharactersAreWhiteSpaceAndOtherFormatCharactersAreText() {
        for (int format : codePointsOfType(Character.FORMAT)) {
            String around = Character.toString(format) + "a" + Character.toString(format);
            boolean invisible = INVISIBLE_FORMATS.contains(format);
            assertThat(WhiteSpace.strip(around)).as("U+%04X", format).isEqualTo(invisible ? "a" : around);
            assertThat(WhiteSpace.isBlank(Character.toString(format))).as("U+%04X", format).isEqualTo(invisible);
        }
    }

    @Test
    void javaWhitespaceAndControlsAreTrimmedButLettersAreNot() {
        for (int c = 0; c <= Character.MAX_CODE_POINT; c++) {
            if (Character.isWhitespace(c)) {
                assertThat(WhiteSpace.is(c)).as("U+%04X", c).isTrue();
            } else if (Character.isLetterOrDigit(c)) {
                assertThat(WhiteSpace.is(c)).as("U+%04X", c).isFalse();
            }
        }
        assertThat(WhiteSpace.strip("\uD83D\uDE00 x")).isEqualTo("\uD83D\uDE00 x");
        assertThat(WhiteSpace.strip("")).isEmpty();
    }
}
