package dev.strata.adapters.rest.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MutableCoercionConfig;
import com.fasterxml.jackson.databind.json.JsonMapper.Builder;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Strata's one JSON mapper: snake_case names, RFC 3339 UTC timestamps with microseconds, strict
 * reading (unknown fields, trailing tokens and type coercions are errors, so that a typo does not
 * pass silently) and bounded reading (nesting depth, string and number lengths), so that a hostile
 * document cannot exhaust the stack or the heap. Request and response bodies go through it by way of
 * {@link JsonEntityProvider}.
 */
public final class JsonMapper {

    /** Deepest nesting of objects and arrays accepted in a request. */
    public static final int MAX_NESTING_DEPTH = 32;
    /** Longest string value accepted, in characters. */
    public static final int MAX_STRING_LENGTH = 64 * 1024;
    /** Longest number accepted, in digits. */
    public static final int MAX_NUMBER_LENGTH = 64;

    private static final DateTimeFormatter RFC_3339_MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static final ObjectMapper MAPPER = build();

    private JsonMapper() {
    }

    /** The shared, thread-safe mapper. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** An instant as Strata writes it: {@code 2026-01-02T03:04:05.123456Z}. */
    public static String format(Instant instant) {
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (utc.getYear() < 0 || utc.getYear() > 9999) {
            return RFC_3339_MICROS.format(instant);
        }
        // Every response carries a few timestamps: written by hand, as DateTimeFormatter's general
        // machinery was 2% of the CPU of an authenticated GET.
        char[] text = "0000-00-00T00:00:00.000000Z".toCharArray();
        digits(text, 0, 4, utc.getYear());
        digits(text, 5, 2, utc.getMonthValue());
        digits(text, 8, 2, utc.getDayOfMonth());
        digits(text, 11, 2, utc.getHour());
        digits(text, 14, 2, utc.getMinute());
        digits(text, 17, 2, utc.getSecond());
        digits(text, 20, 6, utc.getNano() / 1_000);
        return new String(text);
    }

    /** Writes {@code value} as {@code width} decimal digits, zero-padded, at {@code start}. */
    private static void digits(char[] text, int start, int width, int value) {
        int rest = value;
        for (int at = start + width - 1; at >= start; at--) {
            text[at] = (char) ('0' + rest % 10);
            rest /= 10;
        }
    }

    private static ObjectMapper build() {
        SimpleModule time = new SimpleModule("strata-time");
        time.addSerializer(Instant.class, new StdSerializer<>(Instant.class) {
            @Override
            public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider)
                    throws IOException {
                generator.writeString(format(value));
            }
        });
        // Jackson keeps its buffers in a thread-local pool by default, and requests run on virtual
        // threads, one per request: every response allocated new buffers (an eighth of all
        // allocation under load). A pool shared by every thread reuses them.
        JsonFactory factory = JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build();
        Builder builder = com.fasterxml.jackson.databind.json.JsonMapper.builder(factory)
                .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
                .disable(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS)
                .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
                // Characters beyond the BMP (emoji) as UTF-8, not as escaped surrogate pairs.
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .addModule(time);
        ObjectMapper mapper = builder.build();
        refuseCoercions(mapper);
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .maxNumberLength(MAX_NUMBER_LENGTH)
                .build());
        return mapper;
    }

    /**
     * Strict typing, one rule for every field of every body: a value of the wrong JSON type is
     * refused, never converted. No fraction (nor {@code 1.0}, nor {@code 1e2}) into an integer, no
     * string into a number or a boolean, no number or boolean into a string, no number into a
     * boolean, no scalar into an array or an object, no empty string as "no value". The refusal is a
     * {@link com.fasterxml.jackson.databind.exc.MismatchedInputException} with the field's path,
     * which {@link ProblemMapper} answers with a 400 naming the field.
     */
    private static void refuseCoercions(ObjectMapper mapper) {
        CoercionInputShape[] scalars = {CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean, CoercionInputShape.String, CoercionInputShape.EmptyString};
        for (LogicalType type : LogicalType.values()) {
            MutableCoercionConfig config = mapper.coercionConfigFor(type).setAcceptBlankAsEmpty(false);
            for (CoercionInputShape shape : scalars) {
                if (!isNative(type, shape)) {
                    config.setCoercion(shape, CoercionAction.Fail);
                }
            }
        }
    }

    /** The JSON shapes a logical type is read from as they are, without any coercion. */
    private static boolean isNative(LogicalType type, CoercionInputShape shape) {
        return switch (type) {
            case Integer -> shape == CoercionInputShape.Integer;
            // An integer is a number without a fraction, so it may stand where a decimal is expected.
            case Float -> shape == CoercionInputShape.Integer || shape == CoercionInputShape.Float;
            case Boolean -> shape == CoercionInputShape.Boolean;
            case Textual -> shape == CoercionInputShape.String || shape == CoercionInputShape.EmptyString;
            // Dates, enums, ids and the like are read from their text by their own deserializers.
            case DateTime, Enum, OtherScalar, Untyped -> shape == CoercionInputShape.String
                    || shape == CoercionInputShape.EmptyString || shape == CoercionInputShape.Integer
                    || shape == CoercionInputShape.Float || shape == CoercionInputShape.Boolean;
            default -> false;
        };
    }
}
