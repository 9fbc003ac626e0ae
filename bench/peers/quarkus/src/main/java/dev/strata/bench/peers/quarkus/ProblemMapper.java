package dev.strata.bench.peers.quarkus;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure a client can cause into a problem response, as Strata does: a {@link Problem},
 * a request body Jackson cannot read, and Quarkus REST's own refusals (404, 405, 415, ...).
 */
public class ProblemMapper {

    private static final String PROBLEM_JSON = "application/problem+json";

    @ServerExceptionMapper
    public Response problem(Problem problem, UriInfo uri) {
        Response.ResponseBuilder response = Response.status(problem.status())
                .type(PROBLEM_JSON)
                .entity(problem.body(uri.getPath()));
        if (problem.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }

    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException json, UriInfo uri) {
        Problem problem = json instanceof UnrecognizedPropertyException unknown
                ? Problem.invalid(List.of(new Problem.FieldProblem(unknown.getPropertyName(), "unknown_field",
                        "is not a field of this resource")))
                : new Problem(400, "Bad Request", "malformed_json",
                        "the request body is not valid JSON of the expected shape", null);
        return problem(problem, uri);
    }

    /** As specific as the mapper Quarkus REST Jackson registers for this type, which would answer a bare 400. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException json, UriInfo uri) {
        return unreadable(json, uri);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException http, UriInfo uri) {
        if (http.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        Response.StatusType status = http.getResponse().getStatusInfo();
        String reason = status.getReasonPhrase();
        Response.ResponseBuilder problem = Response.status(status.getStatusCode())
                .type(PROBLEM_JSON)
                .entity(new Problem.Body("about:blank", reason, status.getStatusCode(), reason, uri.getPath(),
                        reason.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_"), null));
        String allow = http.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow != null) {
            problem.header(HttpHeaders.ALLOW, allow);
        }
        return problem.build();
    }
}
