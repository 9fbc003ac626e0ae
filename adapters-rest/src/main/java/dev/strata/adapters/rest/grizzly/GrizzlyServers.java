package dev.strata.adapters.rest.grizzly;

import dev.strata.adapters.common.RequestIds;
import dev.strata.adapters.rest.http.MediaTypes;
import dev.strata.adapters.rest.http.RequestIdFilter;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.net.ssl.SSLContext;
import org.glassfish.grizzly.http.CompressionConfig;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;
import org.glassfish.grizzly.http.server.ServerConfiguration;
import org.glassfish.grizzly.ssl.SSLEngineConfigurator;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * Builds the Grizzly server that serves a Jersey application the way Strata serves it, for the app
 * and for the tests alike, so that both run the same transport: a strict HTTP/1.1 codec whose own
 * refusals are RFC 9457 problems (see {@link StrictCodecFilter}), protocol upgrade offers ignored,
 * request heads bounded, the server's own error pages written as problems too (see
 * {@link ProblemErrorPages}), bodies that stall cut off after a read timeout, JSON responses of
 * {@value #COMPRESSION_MIN_BYTES} bytes or more gzipped for clients that accept it, optionally TLS, and
 * HTTP/2 beside HTTP/1.1 on the same port unless turned off (see {@link Options#http2()}).
 *
 * <p>Statuses of the refusals: 400 for anything malformed (request line, target, percent-encoding,
 * header fields, {@code Host}, body framing, an HTTP version other than 1.1 and 1.0: Strata answers
 * nothing a client sends with a 5xx, so 400 rather than 505), 405 with {@code Allow} for
 * {@code CONNECT} (other unknown methods reach the API, which answers 405 with {@code Allow} too),
 * 414 for a request line longer than {@link #MAX_HEAD_BYTES}, 431 (RFC 6585) for a longer head or
 * more than {@link #MAX_REQUEST_HEADERS} headers, and 417 for an expectation other than
 * {@code 100-continue}.
 *
 * <p>HTTP/2 is Grizzly's ({@code grizzly-http2}): on a plain port as h2c, both with prior knowledge
 * (the connection preface) and by {@code Upgrade: h2c}; on a TLS port as h2, chosen by ALPN (a client
 * that offers only {@code http/1.1} gets HTTP/1.1). Each connection allows
 * {@value #MAX_CONCURRENT_STREAMS} concurrent streams ({@code SETTINGS_MAX_CONCURRENT_STREAMS}; a client
 * that opens more gets {@code GOAWAY REFUSED_STREAM}), reads header blocks of up to
 * {@link #MAX_HTTP2_HEADER_BLOCK_BYTES} (its {@code SETTINGS_MAX_HEADER_LIST_SIZE}) and refuses header
 * lists over {@link #MAX_HEAD_BYTES} with 431, as HTTP/1.1 does; server push is off. Requests in HTTP/2 frames get the same checks and
 * problems as HTTP/1.1 ones where HTTP/2 leaves them to the server (see {@link Http2RequestGuard});
 * a header block that HTTP/2 itself forbids (RFC 9113 section 8.2) ends the connection with
 * {@code GOAWAY PROTOCOL_ERROR} (see {@link Http2ServerAddOn}). A connection's streams are served
 * concurrently, each on its own (virtual) worker thread, with the same API, limits and request ids.
 */
public final class GrizzlyServers {

    /** Longest request line plus headers accepted; longer ones are refused with 414 or 431. */
    public static final int MAX_HEAD_BYTES = 16 * 1024;
    /** Most request headers accepted. */
    public static final int MAX_REQUEST_HEADERS = 100;
    /**
     * Largest HTTP/2 header block read (as sent, compressed), advertised as
     * {@code SETTINGS_MAX_HEADER_LIST_SIZE}: larger enough than {@link #MAX_HEAD_BYTES} that a header
     * list over that limit is read and refused with a 431 problem, as over HTTP/1.1; a block larger
     * than this one closes the connection.
     */
    public static final int MAX_HTTP2_HEADER_BLOCK_BYTES = 4 * MAX_HEAD_BYTES;
    /** Most HTTP/2 streams a connection may have open at once. */
    public static final int MAX_CONCURRENT_STREAMS = 128;
    /** Smallest response body that is compressed. */
    public static final int COMPRESSION_MIN_BYTES = 1024;

    private static final String[] COMPRESSIBLE = {"application/json", "application/problem+json", "text/plain",
            "text/html", "application/openmetrics-text"};

    private GrizzlyServers() {
    }

    /**
     * How a server listens.
     *
     * @param readTimeout how long a read of a request body may wait for the client's next bytes
     * @param tls         when present, the server speaks HTTPS with this context
     * @param http2       whether HTTP/2 is served beside HTTP/1.1: h2c on a plain port, h2 by ALPN with TLS
     */
    public record Options(Duration readTimeout, Optional<SSLContext> tls, boolean http2) {

        /** Plain HTTP (HTTP/1.1 and h2c), 30-second read timeout. */
        public static final Options DEFAULT = new Options(Duration.ofSeconds(30), Optional.empty(), true);

        /** Checks the settings. */
        public Options {
            Objects.requireNonNull(readTimeout, "readTimeout");
            Objects.requireNonNull(tls, "tls");
            if (readTimeout.toMillis() < 1) {
                throw new IllegalArgumentException("the read timeout must be at least a millisecond");
            }
        }

        /** These options with another read timeout. */
        public Options withReadTimeout(Duration newReadTimeout) {
            return new Options(newReadTimeout, tls, http2);
        }

        /** These options with TLS from {@code context}. */
        public Options withTls(SSLContext context) {
            return new Options(readTimeout, Optional.of(context), http2);
        }

        /** These options with HTTP/2 on or off. */
        public Options withHttp2(boolean enabled) {
            return new Options(readTimeout, tls, enabled);
        }
    }

    /**
     * A server for {@code application} on {@code host:port} (port 0 picks a free one), configured
     * but not started: call {@link HttpServer#start()}.
     */
    public static HttpServer create(String host, int port, ResourceConfig application, Options options) {
        boolean secure = options.tls().isPresent();
        URI base = URI.create((secure ? "https://" : "http://") + host + ":" + port + "/");
        HttpServer server = options.tls()
                .map(context -> GrizzlyHttpServerFactory.createHttpServer(base, application, true,
                        new SSLEngineConfigurator(context, false, false, false), false))
                .orElseGet(() -> GrizzlyHttpServerFactory.createHttpServer(base, application, false));
        for (NetworkListener listener : server.getListeners()) {
            configure(listener, options);
        }
        server.getServerConfiguration().setDefaultErrorPageGenerator(new ProblemErrorPages());
        rewrapHandlers(server.getServerConfiguration(), handler -> new PeerAddressHandler(handler));
        if (options.http2()) {
            guardHttp2Requests(server.getServerConfiguration());
        }
        return server;
    }

    private static void rewrapHandlers(ServerConfiguration configuration, UnaryOperator<HttpHandler> wrap) {
        Map<HttpHandler, HttpHandlerRegistration[]> handlers = Map.copyOf(configuration.getHttpHandlersWithMapping());
        handlers.forEach((handler, registrations) -> {
            configuration.removeHttpHandler(handler);
            configuration.addHttpHandler(wrap.apply(handler), registrations);
        });
    }

    private static void guardHttp2Requests(ServerConfiguration configuration) {
        rewrapHandlers(configuration, Http2RequestGuard::new);
    }

    /**
     * A plain HTTP server on the same transport settings that serves {@code routes} (exact paths to
     * handlers, such as an admin port's {@code /metrics}). Not started. The routes are matched on the
     * path as sent, by one handler at the root: Grizzly's own mapping decodes the path first and
     * answers an undecodable one ({@code %FF}) with an empty 500. Any other path is a 404 problem.
     */
    public static HttpServer createBare(String host, int port, Options options, Map<String, HttpHandler> routes) {
        HttpServer server = new HttpServer();
        NetworkListener listener = new NetworkListener("grizzly", host, port);
        server.addListener(listener);
        configure(listener, options);
        server.getServerConfiguration().setDefaultErrorPageGenerator(new ProblemErrorPages());
        // Grizzly would answer TRACE itself with an empty 405; the handlers (or the 404 page) answer instead.
        server.getServerConfiguration().setPassTraceRequest(true);
        Map<String, HttpHandler> served = Map.copyOf(routes);
        HttpHandler root = new HttpHandler() {
            @Override
            public void service(Request request, Response response) throws Exception {
                HttpHandler route = served.get(request.getRequestURI());
                if (route == null) {
                    answerWithProblem(request, response, 404, "not_found", "this server serves "
                            + String.join(", ", served.keySet().stream().sorted().toList()), Map.of());
                } else {
                    route.service(request, response);
                }
            }
        };
        server.getServerConfiguration().addHttpHandler(options.http2() ? new Http2RequestGuard(root) : root, "/");
        return server;
    }

    /**
     * Answers {@code request} with an RFC 9457 problem and a {@code Request-Id}, the same document the
     * API and the transport's own refusals give, for {@link org.glassfish.grizzly.http.server.HttpHandler}s
     * of a bare server (such as the admin port).
     *
     * @param headers extra response headers, such as {@code Allow}
     */
    public static void answerWithProblem(Request request, Response response, int status, String code, String detail,
            Map<String, String> headers) throws IOException {
        String requestId = RequestIds.idFor(request.getHeader(RequestIdFilter.HEADER));
        byte[] body = new RequestRefusal(status, code, detail, headers).body(requestId);
        response.setStatus(status);
        headers.forEach(response::setHeader);
        response.setHeader(RequestIdFilter.HEADER, requestId);
        response.setContentType(MediaTypes.PROBLEM_JSON);
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod().getMethodString())) {
            response.getOutputStream().write(body);
        }
    }

    /** The port a started server listens on. */
    public static int port(HttpServer server) {
        return server.getListeners().iterator().next().getPort();
    }

    private static void configure(NetworkListener listener, Options options) {
        ClientFramingLog.install();
        listener.registerAddOn(new StrictCodecAddOn(options.http2()));
        listener.setMaxHttpHeaderSize(MAX_HEAD_BYTES);
        listener.setMaxRequestHeaders(MAX_REQUEST_HEADERS);
        listener.registerAddOn(new ReadTimeoutAddOn(options.readTimeout()));
        if (options.http2()) {
            listener.registerAddOn(new Http2ServerAddOn());
        }
        CompressionConfig compression = listener.getCompressionConfig();
        compression.setCompressionMode(CompressionConfig.CompressionMode.ON);
        compression.setCompressionMinSize(COMPRESSION_MIN_BYTES);
        compression.setCompressibleMimeTypes(COMPRESSIBLE);
    }
}
