package dev.strata.adapters.rest.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.StrataApi;
import dev.strata.adapters.rest.testing.TestApi;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceMethod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The routes Jersey serves and the operations the document describes are the same set: no route
 * without documentation, no documented operation without a route. HEAD and OPTIONS, which Jersey
 * answers by itself for every route, and the {@code /docs} page, which is not part of the API, are
 * left out of the comparison.
 */
class DocumentedRoutesTest {

    @RegisterExtension
    static final TestApi api = new TestApi();

    @Test
    void everyServedRouteIsDocumentedAndEveryDocumentedRouteIsServed() {
        Set<String> served = servedRoutes();
        Set<String> documented = documentedRoutes();

        assertThat(served).as("routes Jersey serves").isNotEmpty().contains("POST /v1/accounts");
        assertThat(documented).as("operations in /v1/openapi.json").containsExactlyInAnyOrderElementsOf(served);
    }

    @Test
    void theDocsPageIsServedButIsNoPartOfTheDocument() {
        assertThat(allServedRoutes()).contains("GET /docs", "GET /docs/{file}");
        assertThat(documentedRoutes()).noneMatch(route -> route.contains("/docs"));
    }

    private static Set<String> servedRoutes() {
        Set<String> routes = new TreeSet<>(allServedRoutes());
        routes.removeIf(route -> route.startsWith("HEAD ") || route.startsWith("OPTIONS ") || route.contains(" /docs"));
        return routes;
    }

    private static Set<String> allServedRoutes() {
        ApplicationHandler handler = new ApplicationHandler(theSameApiAsTheTestServer());
        Set<String> routes = new TreeSet<>();
        for (Resource resource : handler.getInjectionManager().getInstance(ExtendedResourceContext.class)
                .getResourceModel().getRootResources()) {
            collect(resource, "", routes);
        }
        return routes;
    }

    /**
     * The API as {@link TestApi} builds it: every service of the test API that the builder takes
     * (posts, orders, ...) is given to it, so that this test follows whatever the API serves.
     */
    private static StrataApi theSameApiAsTheTestServer() {
        StrataApi.Builder builder = StrataApi.builder(api.identity);
        try {
            for (Field field : TestApi.class.getFields()) {
                for (Method method : StrataApi.Builder.class.getMethods()) {
                    if (method.getParameterCount() == 1 && method.getReturnType() == StrataApi.Builder.class
                            && method.getParameterTypes()[0] == field.getType()) {
                        method.invoke(builder, field.get(api));
                    }
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
        return builder.build();
    }

    private static void collect(Resource resource, String parent, Set<String> routes) {
        String path = normalize(parent + "/" + resource.getPath());
        for (ResourceMethod method : resource.getResourceMethods()) {
            routes.add(method.getHttpMethod() + " " + path);
        }
        for (Resource child : resource.getChildResources()) {
            collect(child, path, routes);
        }
    }

    /** {@code /v1//sessions/{alias: me|mine}/} → {@code /v1/sessions/{alias}}, as OpenAPI writes paths. */
    private static String normalize(String template) {
        String path = template.replaceAll("\\{\\s*([\\w.-]+)\\s*:[^}]*}", "{$1}").replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static Set<String> documentedRoutes() {
        JsonNode paths = api.http.get("/v1/openapi.json").send().json().get("paths");
        Set<String> routes = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace").contains(method)) {
                routes.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        return routes;
    }
}
