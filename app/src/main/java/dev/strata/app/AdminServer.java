package dev.strata.app;

import dev.strata.adapters.common.RequestIds;
import dev.strata.adapters.rest.grizzly.GrizzlyServers;
import dev.strata.adapters.rest.http.RequestIdFilter;
import java.io.IOException;
import java.net.BindException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * The operator's port, apart from the API so that it can stay off the public network:
 * {@code GET /metrics} (Prometheus text format), {@code GET /health/live} (200 while the process
 * serves) and {@code GET /health/ready} (200 when the database answers and the server is not
 * shutting down, 503 otherwise, so that a load balancer sends traffic elsewhere).
 */
final class AdminServer implements AutoCloseable {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer http;

    private AdminServer(HttpServer http) {
        this.http = http;
    }

    static AdminServer start(String host, int port, Supplier<String> metrics, BooleanSupplier ready) {
        HttpServer http = GrizzlyServers.createBare(host, port, GrizzlyServers.Options.DEFAULT.withHttp2(false), Map.of(
                "/metrics", handler(() -> new Answer(200, PROMETHEUS_TEXT, metrics.get())),
                "/health/live", handler(() -> Answer.health(true)),
                "/health/ready", handler(() -> Answer.health(ready.getAsBoolean()))));
        try {
            http.start();
        } catch (BindException e) {
            throw StartupFailure.portInUse(port, "STRATA_ADMIN_PORT", "--admin-port", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + " (admin)", e);
        }
        return new AdminServer(http);
    }

    int port() {
        return GrizzlyServers.port(http);
    }

    @Override
    public void close() {
        http.shutdownNow();
    }

    private static HttpHandler handler(Supplier<Answer> answer) {
        return new HttpHandler() {
            @Override
            public void service(Request request, Response response) throws IOException {
                if (!Method.GET.equals(request.getMethod()) && !Method.HEAD.equals(request.getMethod())) {
                    GrizzlyServers.answerWithProblem(request, response, 405, "method_not_allowed",
                            request.getMethod().getMethodString() + " is not allowed here; GET and HEAD are",
                            Map.of("Allow", "GET, HEAD"));
                    return;
                }
                Answer result = answer.get();
                response.setStatus(result.status());
                response.setHeader(RequestIdFilter.HEADER,
                        RequestIds.idFor(request.getHeader(RequestIdFilter.HEADER)));
                response.setContentType(result.contentType());
                response.setHeader("Cache-Control", "no-store");
                if (result.status() == 503) {
                    response.setHeader("Retry-After", "2");
                }
                byte[] body = result.body().getBytes(StandardCharsets.UTF_8);
                response.setContentLength(body.length);
                if (Method.GET.equals(request.getMethod())) {
                    response.getOutputStream().write(body);
                }
            }
        };
    }

    private record Answer(int status, String contentType, String body) {

        static Answer health(boolean up) {
            return new Answer(up ? 200 : 503, "application/json", up ? "{\"status\":\"up\"}" : "{\"status\":\"down\"}");
        }
    }
}
