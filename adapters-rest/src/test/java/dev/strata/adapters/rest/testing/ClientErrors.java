package dev.strata.adapters.rest.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.adapters.rest.http.ProblemMapper;
import jakarta.ws.rs.core.Response;

/** The property of every fuzz target: a failure must be the client's, a 4xx problem. */
public final class ClientErrors {

    private ClientErrors() {
    }

    /** Fails unless Strata's problem mapper answers {@code failure} with a 4xx. */
    public static void assertClientError(Throwable failure) {
        Response response = new ProblemMapper().toResponse(failure);
        if (response.getStatus() < 400 || response.getStatus() >= 500) {
            throw new AssertionError("answered " + response.getStatus() + ", not a 4xx", failure);
        }
        assertThat(response.getMediaType().toString()).isEqualTo("application/problem+json");
    }
}
