package dev.strata.adapters.rest.docs;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.util.LinkedHashSet;
import java.util.Set;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.monitoring.ApplicationEvent;
import org.glassfish.jersey.server.monitoring.ApplicationEventListener;
import org.glassfish.jersey.server.monitoring.RequestEvent;
import org.glassfish.jersey.server.monitoring.RequestEventListener;

/**
 * The API's documentation as one feature: {@code /v1/openapi.json}, {@code /v1/openapi.yaml} and
 * the {@code /docs} page. The document is generated when Jersey has finished initializing the
 * application, from every resource class registered by then, wherever its registration stands in
 * {@code StrataApi}; a document that cannot be generated stops the start-up. Thread-safe.
 */
public final class ApiDocumentation implements Feature {

    private volatile ApiDocument document;

    @Override
    public boolean configure(FeatureContext context) {
        context.register(new OpenApiResource(this::document));
        context.register(new DocsResource());
        context.register(new Generator());
        return true;
    }

    /** The generated document. */
    public ApiDocument document() {
        ApiDocument current = document;
        if (current == null) {
            throw new IllegalStateException("the application has not finished initializing");
        }
        return current;
    }

    /** Generates the document once the application is complete. */
    private final class Generator implements ApplicationEventListener {

        @Override
        public void onEvent(ApplicationEvent event) {
            if (event.getType() == ApplicationEvent.Type.INITIALIZATION_APP_FINISHED) {
                document = ApiDocument.generate(resourceClasses(event.getResourceConfig()));
            }
        }

        @Override
        public RequestEventListener onRequest(RequestEvent requestEvent) {
            return null;
        }
    }

    private static Set<Class<?>> resourceClasses(ResourceConfig config) {
        Set<Class<?>> classes = new LinkedHashSet<>();
        config.getClasses().stream().filter(type -> type.isAnnotationPresent(Path.class)).forEach(classes::add);
        config.getInstances().stream().map(Object::getClass)
                .filter(type -> type.isAnnotationPresent(Path.class)).forEach(classes::add);
        return classes;
    }
}
