package dev.strata.adapters.rest.docs;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * The API's documentation as one feature: {@code /v1/openapi.json}, {@code /v1/openapi.yaml} and
 * the {@code /docs} page. The document covers every resource class registered by the time Jersey
 * has finished initializing the application, wherever its registration stands in {@code StrataApi}.
 * It is generated when first asked for, not at start-up: reading the resources through swagger
 * loads and runs more code than the rest of the start-up put together (about a third of the time
 * to ready, see docs/BENCHMARKS.md), and most instances of a server are never asked for their
 * document. A document that cannot be generated answers 500 to whoever asks for it, every time;
 * the adapter's tests generate it for every resource. Thread-safe.
 */
public final class ApiDocumentation implements Feature {

    private final String serverUrl;
    private volatile Set<Class<?>> resourceClasses;
    private volatile ApiDocument document;

    /** The document names {@code "/"} as its server: wherever it was fetched from. */
    public ApiDocumentation() {
        this(Optional.empty());
    }

    /** The document names {@code publicUrl} as its server, or {@code "/"} without one. */
    public ApiDocumentation(Optional<URI> publicUrl) {
        this.serverUrl = publicUrl.map(url -> url.toString().replaceAll("/+$", "")).filter(url -> !url.isEmpty())
                .orElse("/");
    }

    @Override
    public boolean configure(FeatureContext context) {
        context.register(new OpenApiResource(this::document));
        context.register(new DocsResource());
        context.register(new Generator());
        return true;
    }

    /** The document, generated on the first call and the same one after. */
    public ApiDocument document() {
        ApiDocument current = document;
        if (current == null) {
            current = generateOnce();
        }
        return current;
    }

    private synchronized ApiDocument generateOnce() {
        if (document == null) {
            Set<Class<?>> classes = resourceClasses;
            if (classes == null) {
                throw new IllegalStateException("the application has not finished initializing");
            }
            document = ApiDocument.generate(classes, serverUrl);
        }
        return document;
    }

    /** Notes the resource classes once the application is complete. */
    private final class Generator implements ApplicationEventListener {

        @Override
        public void onEvent(ApplicationEvent event) {
            if (event.getType() == ApplicationEvent.Type.INITIALIZATION_APP_FINISHED) {
                resourceClasses = Set.copyOf(resourceClasses(event.getResourceConfig()));
            }
        }

        @Override
        public RequestEventListener onRequest(RequestEvent requestEvent) {
            return null;
        }
    }

    /**
     * The REST API's own resource classes: another API style served in the same application (the
     * GraphQL endpoint, registered as an extension) has its own contract and is not described here.
     */
    private static Set<Class<?>> resourceClasses(ResourceConfig config) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        config.getClasses().stream().filter(ApiDocumentation::isRestResource).forEach(classes::add);
        config.getInstances().stream().map(Object::getClass)
                .filter(ApiDocumentation::isRestResource).forEach(classes::add);
        return classes;
    }

    private static boolean isRestResource(Class<?> type) {
        return type.isAnnotationPresent(Path.class) && type.getPackageName().startsWith(REST_PACKAGE);
    }

    private static final String REST_PACKAGE = "dev.strata.adapters.rest";
}
