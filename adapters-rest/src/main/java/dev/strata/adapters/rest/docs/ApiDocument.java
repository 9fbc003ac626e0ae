package dev.strata.adapters.rest.docs;

import dev.strata.adapters.rest.http.JsonMapper;
import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.integration.SwaggerConfiguration;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The API's OpenAPI 3 document, generated from the JAX-RS resource classes and their annotations
 * by swagger, with snake_case schemas read through Strata's own JSON mapper configuration. The same
 * resources give the same bytes in every JVM. Built once and immutable after: safe to share between
 * threads.
 */
public final class ApiDocument {

    private static final int TIMESTAMP_MAX_LENGTH = 32;

    private static boolean convertersReady;

    private final OpenAPI model;
    private final byte[] json;
    private final byte[] yaml;

    private ApiDocument(OpenAPI model) {
        this.model = model;
        try {
            this.json = Json.pretty().writeValueAsBytes(model);
            this.yaml = Yaml.pretty().writeValueAsString(model).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the OpenAPI document cannot be written", e);
        }
    }

    /** Reads the given resource classes (and only them: nothing is scanned) into a document. */
    public static ApiDocument generate(Collection<Class<?>> resourceClasses) {
        return generate(resourceClasses, "/");
    }

    /** The same, naming {@code serverUrl} (the public base URL, or {@code "/"}) as the API's server. */
    public static ApiDocument generate(Collection<Class<?>> resourceClasses, String serverUrl) {
        useStrataNaming();
        OpenAPI base = new OpenAPI()
                .info(new Info()
                        .title("Strata API")
                        .version("1")
                        .description("Strata's HTTP API: JSON in snake_case, RFC 3339 UTC timestamps, RFC 9457"
                                + " problem details for every error, strong ETags with If-None-Match and If-Match,"
                                + " and bearer tokens from POST /v1/sessions.")
                        .contact(new Contact().name("Strata maintainers")))
                .addServersItem(new Server().url(serverUrl)
                        .description("The instance serving this document: local, staging or production alike.")
                        .extensions(Map.of("x-internal", false)))
                .components(ApiComponents.create());
        SwaggerConfiguration configuration = new SwaggerConfiguration()
                .openAPI(base)
                .prettyPrint(true)
                .readAllResources(true);
        Set<Class<?>> classes = new LinkedHashSet<>();
        resourceClasses.stream().sorted(Comparator.comparing(Class::getName)).forEach(classes::add);
        OpenAPI model = new StrataReader(configuration).read(classes);
        closeSchemas(model);
        bareHeaderReferences(model);
        model.getPaths().values().forEach(path -> path.readOperations().forEach(OperationConventions::anchorPathPatterns));
        if (model.getTags() != null) {
            model.getTags().sort(Comparator.comparing(Tag::getName));
        }
        inNameOrder(model);
        return new ApiDocument(model);
    }

    /**
     * Paths and schemas in the order of their names: the order in which swagger meets them follows
     * the JVM's order of a class's methods, which the JVM does not promise to keep from one run to
     * the next, and the build must write the same document every time.
     */
    @SuppressWarnings("rawtypes")
    private static void inNameOrder(OpenAPI model) {
        Paths paths = new Paths();
        new TreeMap<>(model.getPaths()).forEach(paths::addPathItem);
        paths.setExtensions(model.getPaths().getExtensions());
        model.setPaths(paths);
        if (model.getComponents() != null && model.getComponents().getSchemas() != null) {
            model.getComponents().setSchemas(new TreeMap<String, Schema>(model.getComponents().getSchemas()));
        }
    }

    /**
     * Registers, once per JVM, a model resolver over a copy of {@link JsonMapper#mapper()}: schemas
     * then have the property names, the naming strategy and the inclusion rules of the wire. A copy,
     * because swagger adds its own annotation introspector to the mapper it is given.
     */
    private static synchronized void useStrataNaming() {
        if (!convertersReady) {
            ModelConverters.getInstance().addConverter(new ModelResolver(JsonMapper.mapper().copy()));
            convertersReady = true;
        }
    }

    /**
     * Strata refuses unknown fields and never sends undocumented ones: every object schema with
     * named properties says so, which also lets a validator catch a field the document lacks.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void closeSchemas(OpenAPI model) {
        if (model.getComponents() == null || model.getComponents().getSchemas() == null) {
            return;
        }
        for (Map.Entry<String, Schema> entry : model.getComponents().getSchemas().entrySet()) {
            Schema schema = entry.getValue();
            if (schema.getProperties() != null && schema.getAdditionalProperties() == null) {
                schema.setAdditionalProperties(Boolean.FALSE);
            }
            if (schema.getProperties() != null) {
                ((Map<String, Schema>) schema.getProperties()).values().forEach(ApiDocument::boundTimestamp);
                ((Map<String, Schema>) schema.getProperties()).values().forEach(ApiDocument::textExample);
                ((Map<String, Schema>) schema.getProperties()).replaceAll((name, property) -> anyValue(property));
            }
        }
    }

    /**
     * A property marked {@code x-any-value} takes any JSON value (a JSON Patch operation's
     * {@code value}): in OpenAPI 3.0, that is a schema without a type, which no annotation writes.
     */
    @SuppressWarnings("rawtypes")
    private static Schema anyValue(Schema property) {
        if (property.getExtensions() == null || !property.getExtensions().containsKey("x-any-value")) {
            return property;
        }
        return new Schema<>().description(property.getDescription()).example(property.getExample()).nullable(true);
    }

    /**
     * Swagger reads a numeric-looking example as a number, so the example "12.50" of a decimal
     * string would become 12.5: such an example is written as a JSON string literal ({@code
     * "\"12.50\""}), kept verbatim by swagger, and unquoted here.
     */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void textExample(Schema property) {
        if (property.getExample() instanceof String example && example.length() >= 2 && example.startsWith("\"")
                && example.endsWith("\"")) {
            property.setExample(example.substring(1, example.length() - 1));
        }
    }

    /** Strata writes instants as {@code 2026-01-02T03:04:05.123456Z}: 27 characters, never more than 32. */
    @SuppressWarnings("rawtypes")
    private static void boundTimestamp(Schema property) {
        if ("date-time".equals(property.getFormat()) && property.getMaxLength() == null) {
            property.setMaxLength(TIMESTAMP_MAX_LENGTH);
        }
    }

    /**
     * A header given by reference is only the reference: swagger adds a default {@code style} next
     * to it, which OpenAPI 3.0 ignores and linters rightly flag.
     */
    private static void bareHeaderReferences(OpenAPI model) {
        if (model.getPaths() == null) {
            return;
        }
        model.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getResponses() != null) {
                operation.getResponses().values().forEach(response -> {
                    if (response.getHeaders() != null) {
                        response.getHeaders().replaceAll((name, header) -> header.get$ref() == null ? header
                                : new io.swagger.v3.oas.models.headers.Header().$ref(header.get$ref()));
                    }
                });
            }
        }));
    }

    /** The document as swagger's model. */
    public OpenAPI model() {
        return model;
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
        return "ApiDocument[" + Objects.requireNonNullElse(model.getPaths(), Map.of()).size() + " paths]";
    }
}
