package dev.strata.adapters.rest.http;

import dev.strata.core.common.ValidationException;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.glassfish.jersey.model.Parameter;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.server.model.ResourceMethod;

/**
 * A request whose {@code Content-Type} is not one the operation takes gets 415 naming the media
 * types it does take (RFC 9110 §15.5.16), and on a PATCH an {@code Accept-Patch} header listing them
 * (RFC 5789 §3.1). That covers a body without {@code Content-Type} (Jersey would guess
 * {@code application/octet-stream}, which no reader takes, and answer 500) and a media range such
 * as {@code *}{@code /*} or {@code application/*}, which Jersey matches to every operation and then
 * finds no reader for (500 too): a body is in one media type, never in a range. Operations without
 * a body (no {@code @Consumes}) ignore a stray one. Thread-safe.
 */
public final class MissingContentTypeFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String contentType = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (contentType == null && !request.hasEntity()) {
            return;
        }
        ExtendedUriInfo uriInfo = (ExtendedUriInfo) request.getUriInfo();
        ResourceMethod matched = uriInfo.getMatchedResourceMethod();
        if (matched == null) {
            return;
        }
        Set<MediaType> accepted = new LinkedHashSet<>();
        for (ResourceMethod sibling : matched.getParent().getResourceMethods()) {
            if (sibling.getHttpMethod().equals(request.getMethod())) {
                sibling.getConsumedTypes().stream().filter(type -> !type.isWildcardType()).forEach(accepted::add);
            }
        }
        if (accepted.isEmpty()) {
            if (request.hasEntity() && !takesABody(matched)) {
                throw ValidationException.of("body", "unexpected_body",
                        "this operation takes no request body; send none");
            }
            return;
        }
        String problem;
        if (contentType == null) {
            problem = "the request has a body but no Content-Type";
        } else if (!takes(accepted, request.getMediaType())) {
            problem = "the Content-Type is not a media type this operation takes";
        } else {
            return;
        }
        // Sorted, so that the list does not depend on the order in which Jersey holds the methods.
        String list = accepted.stream().map(MediaType::toString).sorted().collect(Collectors.joining(", "));
        throw new HttpProblem(Status.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                problem + "; this operation takes " + list,
                request.getMethod().equals(HttpMethod.PATCH) ? Map.of("Accept-Patch", list) : Map.of());
    }

    private static boolean takesABody(ResourceMethod method) {
        return method.getInvocable().getParameters().stream()
                .anyMatch(parameter -> parameter.getSource() == Parameter.Source.ENTITY);
    }

    /** Whether the sent type is one of the accepted ones exactly (type and subtype; ranges are not). */
    private static boolean takes(Set<MediaType> accepted, MediaType sent) {
        if (sent == null || sent.isWildcardType() || sent.isWildcardSubtype()) {
            return false;
        }
        List<MediaType> exact = accepted.stream()
                .filter(type -> type.getType().equalsIgnoreCase(sent.getType())
                        && type.getSubtype().equalsIgnoreCase(sent.getSubtype()))
                .toList();
        return !exact.isEmpty();
    }
}
