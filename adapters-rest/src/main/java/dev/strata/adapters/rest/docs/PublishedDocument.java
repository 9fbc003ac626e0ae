package dev.strata.adapters.rest.docs;

import dev.strata.adapters.rest.http.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The OpenAPI document as served: written by the build ({@code ApiDocumentWriter}, for each set of
 * resources that {@code StrataApi} can register), read from the class path here, and given the
 * server's URL. Reading it needs no swagger at run time and costs a few milliseconds instead of the
 * seconds that reading the resources through swagger took. Immutable: safe to share between threads.
 */
public final class PublishedDocument {

    /** The class-path folder of the built documents and their index. */
    public static final String FOLDER = "dev/strata/adapters/rest/docs/openapi/";

    /** The index: one line per document, its name, then the resource classes it describes. */
    public static final String INDEX = FOLDER + "documents.properties";

    /**
     * What the built documents hold in place of the server's URL, which only the running server
     * knows (its public URL, or {@code "/"}): a plain scalar in YAML, a string in JSON.
     */
    public static final String SERVER_URL_PLACEHOLDER = "strata-server-url";

    /** The one line of each format that names the server, as the build writes it. */
    public static final String JSON_SERVER_LINE = "\"url\" : \"" + SERVER_URL_PLACEHOLDER + "\"";

    /** The same in YAML. */
    public static final String YAML_SERVER_LINE = "url: " + SERVER_URL_PLACEHOLDER + "\n";

    private final byte[] json;
    private final byte[] yaml;

    private PublishedDocument(byte[] json, byte[] yaml) {
        this.json = json;
        this.yaml = yaml;
    }

    /**
     * The built document that describes exactly {@code resourceClasses}, naming {@code serverUrl}
     * (an absolute URL, or {@code "/"}) as its server.
     *
     * @throws IllegalStateException when the build wrote no document for these resources
     */
    public static PublishedDocument load(Collection<Class<?>> resourceClasses, String serverUrl) {
        return load(PublishedDocument.class.getClassLoader(), resourceClasses, serverUrl);
    }

    static PublishedDocument load(ClassLoader loader, Collection<Class<?>> resourceClasses, String serverUrl) {
        String key = key(resourceClasses);
        String name = documentNames(loader).get(key);
        if (name == null) {
            throw new IllegalStateException("the build wrote no OpenAPI document for the resources " + key
                    + " (see ApiDocumentWriter)");
        }
        String quoted = quoted(serverUrl);
        byte[] json = withServer(read(loader, FOLDER + name + ".json"), JSON_SERVER_LINE, "\"url\" : " + quoted);
        byte[] yaml = withServer(read(loader, FOLDER + name + ".yaml"), YAML_SERVER_LINE, "url: " + quoted + "\n");
        return new PublishedDocument(json, yaml);
    }

    /** The index's key for a set of resource classes: their names, sorted, joined by commas. */
    public static String key(Collection<Class<?>> resourceClasses) {
        return resourceClasses.stream().map(Class::getName).sorted().distinct().collect(Collectors.joining(","));
    }

    /** Every built document's key ({@link #key}) and name, from the index. */
    static Map<String, String> documentNames(ClassLoader loader) {
        Properties index = new Properties();
        try (InputStream in = loader.getResourceAsStream(INDEX)) {
            if (in == null) {
                throw new IllegalStateException(INDEX + " is not on the class path: the build did not write the"
                        + " OpenAPI documents (see ApiDocumentWriter)");
            }
            index.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> names = new TreeMap<>();
        index.stringPropertyNames().forEach(name -> names.put(index.getProperty(name), name));
        return names;
    }

    private static byte[] read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The URL as a JSON string literal, which is also a YAML double-quoted scalar: whatever it
     * holds cannot end the line or start another key.
     */
    private static String quoted(String serverUrl) {
        try {
            return JsonMapper.mapper().writeValueAsString(Objects.requireNonNull(serverUrl, "serverUrl"));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the server URL cannot be written as JSON", e);
        }
    }

    private static byte[] withServer(byte[] document, String placeholderLine, String serverLine) {
        String text = new String(document, StandardCharsets.UTF_8);
        int at = onlyOccurrence(text, placeholderLine);
        if (at < 0) {
            throw new IllegalStateException("a built OpenAPI document must name its server exactly once as "
                    + placeholderLine.strip());
        }
        return (text.substring(0, at) + serverLine + text.substring(at + placeholderLine.length()))
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Whether {@code document} holds {@code placeholderLine} ({@link #JSON_SERVER_LINE} or
     * {@link #YAML_SERVER_LINE}) exactly once, as the server's URL goes into it.
     */
    public static boolean namesItsServerOnce(byte[] document, String placeholderLine) {
        return onlyOccurrence(new String(document, StandardCharsets.UTF_8), placeholderLine) >= 0;
    }

    /** Where {@code line} stands in {@code text} if it stands there exactly once, else -1. */
    private static int onlyOccurrence(String text, String line) {
        int at = text.indexOf(line);
        return at >= 0 && text.indexOf(line, at + 1) < 0 ? at : -1;
    }

    /** The document as pretty-printed JSON (UTF-8). */
    public byte[] json() {
        return json.clone();
    }

    /** The document as YAML (UTF-8). */
    public byte[] yaml() {
        return yaml.clone();
    }

    @Override
    public String toString() {
        return "PublishedDocument[" + json.length + " bytes of JSON]";
    }
}
