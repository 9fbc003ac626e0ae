package dev.strata.adapters.rest.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.math.BigDecimal;

/**
 * Makes {@code Accept: application/problem+json} acceptable to every operation. The API document
 * lists problem details among every operation's responses (for a {@code DELETE}, the only type it
 * lists), so a client may ask for just that type; Jersey would answer 406, as no resource method
 * produces it. An {@code Accept} that admits problem details gets them for every error, as always,
 * and for a success the operation's own representation: RFC 9110 §12.5.1 lets a server disregard
 * an {@code Accept} that admits none of its representations rather than answer 406. Runs after
 * {@link HeaderSyntaxFilter}, so the header is well-formed. Thread-safe.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 350)
public final class ProblemAcceptFilter implements ContainerRequestFilter {

    /** Appended to such an {@code Accept}: anything else, at the lowest weight above none. */
    private static final String ANYTHING_ELSE = "*/*;q=0.001";

    @Override
    public void filter(ContainerRequestContext request) {
        if (request.getHeaderString(HttpHeaders.ACCEPT) == null) {
            return;
        }
        boolean admitsProblems = request.getAcceptableMediaTypes().stream()
                .anyMatch(type -> !type.isWildcardType() && type.isCompatible(MediaTypes.PROBLEM_JSON_TYPE)
                        && new BigDecimal(type.getParameters().getOrDefault("q", "1")).signum() > 0);
        if (admitsProblems) {
            request.getHeaders().add(HttpHeaders.ACCEPT, ANYTHING_ELSE);
        }
    }
}
