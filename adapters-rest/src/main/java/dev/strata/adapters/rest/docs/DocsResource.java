package dev.strata.adapters.rest.docs;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

/**
 * {@code GET /docs}: Swagger UI, served from its webjar by this server (no CDN: the page works
 * offline), pointed at {@code /v1/openapi.json}. Only the files the page needs are served, by
 * name, so that no path can reach anything else on the class path. Not part of the API, so not in
 * its document.
 */
@Hidden
@Path("/docs")
public final class DocsResource {

    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final String OWN = "dev/strata/adapters/rest/docs/";
    private static final String JAVASCRIPT = "text/javascript";

    /** File name → media type, for the webjar files the page loads. */
    private static final Map<String, String> WEBJAR_FILES = Map.of(
            "swagger-ui.css", "text/css",
            "index.css", "text/css",
            "swagger-ui-bundle.js", JAVASCRIPT,
            "swagger-ui-standalone-preset.js", JAVASCRIPT,
            "favicon-32x32.png", "image/png",
            "favicon-16x16.png", "image/png");

    private final String webjarRoot = WEBJAR + webjarVersion() + "/";

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response page() {
        return file(OWN + "index.html", MediaType.TEXT_HTML + ";charset=UTF-8");
    }

    @GET
    @Path("{file}")
    public Response asset(@PathParam("file") String name) {
        if (name.equals("strata-initializer.js")) {
            return file(OWN + name, JAVASCRIPT + ";charset=UTF-8");
        }
        String type = WEBJAR_FILES.get(name);
        if (type == null) {
            throw new NotFoundException();
        }
        return file(webjarRoot + name, type);
    }

    private static Response file(String resource, String type) {
        byte[] content = read(resource);
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(content, type).cacheControl(cache).build();
    }

    private static byte[] read(String resource) {
        try (InputStream in = DocsResource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String webjarVersion() {
        Properties properties = new Properties();
        try (InputStream in = DocsResource.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is missing from the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }
}
