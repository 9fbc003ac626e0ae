package dev.strata.adapters.rest.http;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads and writes JSON entities ({@code application/json} and every {@code +json} type, such as
 * {@code application/problem+json} and the patch types) with {@link JsonMapper#mapper()}, and so
 * with its strict and bounded reading.
 *
 * <p>Jersey's Jackson provider would do the same, but it looks up its reader or writer in a cache
 * keyed by the resource method's annotations, and hashing those (the JDK computes an annotation's
 * hash reflectively, member by member, every time) was 14% of the CPU of an authenticated GET:
 * Strata's resource methods carry their whole OpenAPI description as annotations. Strata binds
 * nothing to annotations ({@code @JsonView} and the like are not used), so this provider ignores
 * them and keeps one reader per type (Jackson caches the deserializers behind it) and one writer.
 *
 * <p>A body is read as UTF-8 text and checked by {@link JsonText}: malformed UTF-8 and strings
 * that are not valid Unicode are refused, naming the field. An empty request body reads as {@code null}, which the resources answer with
 * {@code body_required}; text, bytes, streams and {@link Response}s are left to Jersey's own
 * providers. Thread-safe.
 */
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.WILDCARD)
public final class JsonEntityProvider implements MessageBodyReader<Object>, MessageBodyWriter<Object> {

    /** Types (and their subtypes) that Jersey's own providers read and write as they are. */
    private static final Set<Class<?>> NOT_JSON = Set.of(String.class, byte[].class, char[].class,
            InputStream.class, Reader.class, OutputStream.class, Writer.class, StreamingOutput.class, Response.class);

    // Jersey owns the entity streams: Jackson must neither close them nor read past the document.
    private static final ObjectReader READER = JsonMapper.mapper().reader()
            .without(StreamReadFeature.AUTO_CLOSE_SOURCE);
    private static final ObjectWriter WRITER = JsonMapper.mapper().writer()
            .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    /** A reader per body type; as many as the resources' parameter types. */
    private final Map<Type, ObjectReader> readers = new ConcurrentHashMap<>();

    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isJson(mediaType) && isBound(type);
    }

    @Override
    public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, String> headers, InputStream entity) throws IOException {
        ObjectReader reader = readers.computeIfAbsent(genericType,
                bodyType -> READER.forType(READER.getTypeFactory().constructType(bodyType)));
        checkCharset(mediaType);
        // Bodies are bounded (BodyLimitFilter), so they are read whole: the text is checked to be
        // well-formed UTF-8 and valid Unicode first, and parsed as characters, never as bytes in
        // some other encoding Jackson might detect.
        char[] text = JsonText.read(entity.readAllBytes());
        try (JsonParser parser = reader.createParser(text)) {
            if (parser.nextToken() == null) {
                return null;
            }
            return reader.readValue(parser);
        }
    }

    /** RFC 8259 §8.1: JSON between systems is UTF-8; a body said to be in another charset is refused. */
    private static void checkCharset(MediaType mediaType) {
        String charset = mediaType == null ? null : mediaType.getParameters().get(MediaType.CHARSET_PARAMETER);
        if (charset != null && !charset.equalsIgnoreCase("utf-8") && !charset.equalsIgnoreCase("utf8")) {
            throw new HttpProblem(Response.Status.UNSUPPORTED_MEDIA_TYPE, "unsupported_charset",
                    "JSON is read as UTF-8 only (RFC 8259), not as " + charset);
        }
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isJson(mediaType) && isBound(type);
    }

    @Override
    public void writeTo(Object value, Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream entity) throws IOException {
        WRITER.writeValue(entity, value);
    }

    private static boolean isJson(MediaType mediaType) {
        if (mediaType == null) {
            return true;
        }
        String subtype = mediaType.getSubtype();
        return "json".equalsIgnoreCase(subtype) || subtype.toLowerCase(Locale.ROOT).endsWith("+json");
    }

    private static boolean isBound(Class<?> type) {
        for (Class<?> excluded : NOT_JSON) {
            if (excluded.isAssignableFrom(type)) {
                return false;
            }
        }
        return true;
    }
}
