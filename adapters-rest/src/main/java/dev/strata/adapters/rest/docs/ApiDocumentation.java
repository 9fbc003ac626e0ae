package dev.strata.adapters.rest.docs;

import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Feature;
import jakarta.ws.rs.core.FeatureContext;
import java.net.URI;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * The API's documentation as one feature: {@code /v1/openapi.json}, {@code /v1/openapi.yaml} and
 * the {@code /docs} page. The document covers the resource classes it is given ({@code StrataApi}'s
 * own, see {@link #documentedClasses}; not the extensions an application adds, which have their own
 * contract). The build wrote it ({@code ApiDocumentWriter}, from the resources through swagger, for
 * every set of resources {@code StrataApi} registers); the server reads the one for its resources
 * from the class path when it is first asked for, and names its own URL in it. No swagger runs in the
 * server. A document the build did not write answers 500 to whoever asks for it, every time; the
 * adapter's tests check that the built documents are the ones the resources describe. Thread-safe.
 */
public final class ApiDocumentation implements Feature {

    private final String serverUrl;
    private final Set<Class<?>> resourceClasses;
    private volatile PublishedDocument document;

    /**
     * The document of {@code resourceClasses}, naming {@code publicUrl} as its server, or {@code "/"}
     * without one: wherever it was fetched from.
     */
    public ApiDocumentation(Optional<URI> publicUrl, Collection<Class<?>> resourceClasses) {
        this.serverUrl = publicUrl.map(url -> url.toASCIIString().replaceAll("/+$", "")).filter(url -> !url.isEmpty())
                .orElse("/");
        this.resourceClasses = Collections.unmodifiableSet(new LinkedHashSet<>(resourceClasses));
    }

    @Override
    public boolean configure(FeatureContext context) {
        context.register(new OpenApiResource(this::document));
        context.register(new DocsResource());
        return true;
    }

    /** The resource classes the document describes. */
    public Set<Class<?>> resourceClasses() {
        return resourceClasses;
    }

    /** The document, read on the first call and the same one after. */
    public PublishedDocument document() {
        PublishedDocument current = document;
        if (current == null) {
            current = loadOnce();
        }
        return current;
    }

    private synchronized PublishedDocument loadOnce() {
        if (document == null) {
            document = PublishedDocument.load(resourceClasses, serverUrl);
        }
        return document;
    }

    /**
     * What the document of an application with the resources registered in {@code config} so far
     * describes: the REST API's resource classes among them, and this feature's own
     * ({@link OpenApiResource}, {@link DocsResource}), in the order of their names.
     */
    public static Set<Class<?>> documentedClasses(ResourceConfig config) {
        SortedSet<Class<?>> classes = new TreeSet<>(Comparator.comparing(Class::getName));
        config.getClasses().stream().filter(ApiDocumentation::isRestResource).forEach(classes::add);
        config.getInstances().stream().map(Object::getClass)
                .filter(ApiDocumentation::isRestResource).forEach(classes::add);
        classes.add(OpenApiResource.class);
        classes.add(DocsResource.class);
        return Collections.unmodifiableSortedSet(classes);
    }

    private static boolean isRestResource(Class<?> type) {
        return type.isAnnotationPresent(Path.class) && type.getPackageName().startsWith(REST_PACKAGE);
    }

    private static final String REST_PACKAGE = "dev.strata.adapters.rest";
}
