package dev.strata.adapters.rest.http;

import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * A request with a body and no {@code Content-Type} gets 415 naming the media types the operation
 * takes (RFC 9110 §15.5.16), and on a PATCH an {@code Accept-Patch} header listing them (RFC 5789
 * §3.1), instead of Jersey's guess ({@code application/octet-stream}), which no reader takes and
 * which would answer 500. Operations without a body (no {@code @Consumes}) ignore a stray one.
 * Thread-safe.
 */
public final class MissingContentTypeFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.CONTENT_TYPE) != null || !request.hasEntity()) {
            return;
        }
        ExtendedUriInfo uriInfo = (ExtendedUriInfo) request.getUriInfo();
        ResourceMethod matched = uriInfo.getMatchedResourceMethod();
        if (matched == null) {
            return;
        }
        Set<String> accepted = new LinkedHashSet<>();
        for (ResourceMethod sibling : matched.getParent().getResourceMethods()) {
            if (sibling.getHttpMethod().equals(request.getMethod())) {
                sibling.getConsumedTypes().stream().filter(type -> !type.isWildcardType())
                        .map(MediaType::toString).forEach(accepted::add);
            }
        }
        if (accepted.isEmpty()) {
            return;
        }
        String list = accepted.stream().collect(Collectors.joining(", "));
        throw new HttpProblem(Status.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                "the request has a body but no Content-Type; this operation takes " + list,
                request.getMethod().equals(HttpMethod.PATCH) ? Map.of("Accept-Patch", list) : Map.of());
    }
}
