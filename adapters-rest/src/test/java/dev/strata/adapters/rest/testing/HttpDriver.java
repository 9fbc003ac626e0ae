package dev.strata.adapters.rest.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Sends real HTTP requests to a server under test, with a fluent request builder:
 * {@code http.post("/v1/accounts").json("{...}").send()}.
 */
public final class HttpDriver {

    // The client's defaults (HTTP/2 preferred, so an "Upgrade: h2c" offer on the first request), as
    // real Java clients send them.
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI base;
    private final boolean servesTheApi;
    private volatile Optional<ContractValidator> contract;

    /** A driver for a server of the API: every exchange is checked against its OpenAPI document. */
    public HttpDriver(URI base) {
        this(base, true);
    }

    private HttpDriver(URI base, boolean servesTheApi) {
        this.base = base;
        this.servesTheApi = servesTheApi;
    }

    /**
     * A driver for a server that is no part of the API and serves no API document, such as the
     * admin server (health and metrics): its exchanges are not checked against any document.
     */
    public static HttpDriver outsideTheApi(URI base) {
        return new HttpDriver(base, false);
    }

    /**
     * The validator of the document this server serves, fetched on first use. A server of the API
     * that does not serve its document fails the test: the check must never turn itself off.
     */
    private Optional<ContractValidator> contract() {
        Optional<ContractValidator> current = contract;
        if (current == null) {
            if (!servesTheApi) {
                current = Optional.empty();
            } else {
                HttpResponse<String> document =
                        exchange(HttpRequest.newBuilder(base.resolve("/v1/openapi.json")).build());
                if (document.statusCode() != 200) {
                    throw new AssertionError("the server under test answered " + document.statusCode()
                            + " for its OpenAPI document /v1/openapi.json, so no exchange could be checked against"
                            + " it; a server that is no part of the API needs HttpDriver.outsideTheApi");
                }
                current = Optional.of(new ContractValidator(document.body()));
            }
            contract = current;
        }
        return current;
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Call get(String path) {
        return new Call("GET", path);
    }

    public Call post(String path) {
        return new Call("POST", path);
    }

    public Call put(String path) {
        return new Call("PUT", path);
    }

    public Call patch(String path) {
        return new Call("PATCH", path);
    }

    public Call delete(String path) {
        return new Call("DELETE", path);
    }

    public Call method(String method, String path) {
        return new Call(method, path);
    }

    /** One request being built. */
    public final class Call {

        private final String method;
        private final String path;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private byte[] body;

        private Call(String method, String path) {
            this.method = method;
            this.path = path;
        }

        public Call header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Call bearer(String token) {
            return header("Authorization", "Bearer " + token);
        }

        /** A JSON body with {@code Content-Type: application/json}. */
        public Call json(String json) {
            return body("application/json", json);
        }

        public Call body(String contentType, String text) {
            headers.putIfAbsent("Content-Type", contentType);
            this.body = text.getBytes(StandardCharsets.UTF_8);
            return this;
        }

        public Call bytes(String contentType, byte[] bytes) {
            headers.putIfAbsent("Content-Type", contentType);
            this.body = bytes;
            return this;
        }

        public HttpResult send() {
            HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            headers.forEach(request::header);
            HttpResponse<String> response = exchange(request.build());
            // Every exchange of every HTTP test is checked against the served OpenAPI document.
            contract().ifPresent(validator -> validator.check(method, response.request().uri(), headers, body,
                    response.statusCode(), response.headers(), response.body()));
            return new HttpResult(response.statusCode(), response.headers(), response.body());
        }
    }
}
