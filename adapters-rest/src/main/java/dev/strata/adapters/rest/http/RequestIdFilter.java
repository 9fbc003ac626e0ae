package dev.strata.adapters.rest.http;

import dev.strata.adapters.common.RequestIds;
import dev.strata.core.common.ValidationException;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import java.util.List;

/**
 * Gives every request an id and every response a {@code Request-Id} header, by the rules every API
 * style shares ({@link RequestIds}). A client-supplied id of 1 to
 * {@link RequestIds#MAX_LENGTH} safe characters ({@code [A-Za-z0-9._:-]}) is kept, so that a caller can follow its own id through the logs; any other value is refused with a 400 naming the header (the
 * refusal carries a fresh id), as the API document says. The id is written back into the request's
 * headers, where the error mapper and the access log read it.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 500)
public final class RequestIdFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The header, on requests and responses. */
    public static final String HEADER = "Request-Id";

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> offered = request.getHeaders().get(HEADER);
        boolean kept = offered != null && offered.size() == 1 && RequestIds.isValid(offered.getFirst());
        request.getHeaders().putSingle(HEADER, kept ? offered.getFirst() : RequestIds.newId());
        if (offered != null && !kept) {
            throw ValidationException.of(HEADER, "invalid_request_id",
                    "must be 1 to " + RequestIds.MAX_LENGTH + " of A-Z, a-z, 0-9, '.', '_', ':' and '-', given once");
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String id = request.getHeaderString(HEADER);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }
}
