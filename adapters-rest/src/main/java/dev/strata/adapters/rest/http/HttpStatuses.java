package dev.strata.adapters.rest.http;

import jakarta.ws.rs.core.Response;

/** Statuses Strata uses that JAX-RS 3.1's {@link Response.Status} does not list. */
public final class HttpStatuses {

    /** 422: the request was understood but cannot be processed (an idempotency key reused). */
    public static final Response.StatusType UNPROCESSABLE_CONTENT = new Response.StatusType() {
        @Override
        public int getStatusCode() {
            return 422;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.CLIENT_ERROR;
        }

        @Override
        public String getReasonPhrase() {
            return "Unprocessable Content";
        }
    };

    private HttpStatuses() {
    }
}
