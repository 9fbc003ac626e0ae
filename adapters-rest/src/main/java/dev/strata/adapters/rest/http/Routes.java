package dev.strata.adapters.rest.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import java.util.List;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * The route template a request matched, such as {@code /v1/accounts/{id}/sessions}: what metrics
 * and access logs group by, instead of raw paths that carry ids.
 */
public final class Routes {

    /** The route of a request that matched no resource. */
    public static final String UNMATCHED = "unmatched";

    /**
     * The request property that keeps a matched request's template once it is known: the rate
     * limits, the metrics and the access log each ask for it, and building it anew walks Jersey's
     * matched templates each time.
     */
    private static final String MATCHED = Routes.class.getName() + ".matched";

    private Routes() {
    }

    /** The matched template, or {@link #UNMATCHED}; meaningful once matching is done (response filters). */
    public static String template(ContainerRequestContext request) {
        if (request.getProperty(MATCHED) instanceof String known) {
            return known;
        }
        if (!(request.getUriInfo() instanceof ExtendedUriInfo uriInfo) || uriInfo.getMatchedResourceMethod() == null) {
            return UNMATCHED;
        }
        List<UriTemplate> templates = uriInfo.getMatchedTemplates();
        StringBuilder route = new StringBuilder();
        // Jersey lists the innermost template first.
        for (int index = templates.size() - 1; index >= 0; index--) {
            String template = templates.get(index).getTemplate();
            if (template.isEmpty() || "/".equals(template)) {
                continue;
            }
            if (!template.startsWith("/")) {
                route.append('/');
            }
            route.append(template.endsWith("/") ? template.substring(0, template.length() - 1) : template);
        }
        String matched = route.isEmpty() ? "/" : route.toString();
        request.setProperty(MATCHED, matched);
        return matched;
    }
}
