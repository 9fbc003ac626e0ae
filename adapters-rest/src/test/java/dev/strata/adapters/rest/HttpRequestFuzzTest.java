package dev.strata.adapters.rest;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.adapters.persistence.memory.identity.InMemoryIdentityStore;
import dev.strata.adapters.persistence.memory.orders.InMemoryOrderStore;
import dev.strata.adapters.persistence.memory.posts.InMemoryPostStore;
import dev.strata.contracts.MutableClock;
import dev.strata.contracts.identity.IdentityFixtures;
import dev.strata.core.identity.Credentials;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.identity.NewAccount;
import dev.strata.core.orders.OrderDraft;
import dev.strata.core.orders.OrderId;
import dev.strata.core.orders.OrderItemDraft;
import dev.strata.core.orders.OrderService;
import dev.strata.core.posts.PostService;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ContainerResponse;

/**
 * Fuzzes whole HTTP requests through the Jersey application in process (no socket: Jersey's
 * {@link ApplicationHandler} over in-memory stores): whatever the method, path, query, headers and
 * body, the answer is below 500, and every error is a problem with a code.
 *
 * <p>The input is text, one part per line: the method's and the route's indexes (two digits), the
 * id put into the route, the query string, then {@code Name: value} header lines up to an empty
 * line, then the body. {@code $TOKEN} in a header stands for a valid bearer token.
 */
class HttpRequestFuzzTest {

    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS");
    private static final List<String> ROUTES = List.of("/v1", "/v1/accounts", "/v1/accounts/{}", "/v1/sessions",
            "/v1/sessions/me", "/v1/posts", "/v1/posts/{}", "/v1/channels", "/v1/channels/{}/posts",
            "/v1/channels/{}/members/{}", "/v1/orders", "/v1/orders/{}", "/v1/orders/{}/cancellation",
            "/v1/accounts/{}/posts", "/v1/accounts/{}/sessions", "/v1/orders/{}/payment");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static final IdentityService IDENTITY = new IdentityService(new InMemoryIdentityStore(), CLOCK,
            IdentityFixtures.FAST_HASHER, IdentityFixtures.newSigner());
    private static final OrderService ORDERS = new OrderService(new InMemoryOrderStore(), CLOCK);
    private static final ApplicationHandler API = new ApplicationHandler(StrataApi.builder(IDENTITY)
            .posts(new PostService(new InMemoryPostStore(), IDENTITY, CLOCK))
            .orders(ORDERS)
            .virtualThreads(false).build());
    private static final String TOKEN;

    static {
        IDENTITY.createAccount(new NewAccount("fuzz@example.com", "correct horse battery staple", "Fuzz"));
        TOKEN = IDENTITY.signIn(new Credentials("fuzz@example.com", "correct horse battery staple")).token();
        // An order the stored inputs name, so that they reach past the 404 (If-Match: * matches it).
        ORDERS.createWithId(IDENTITY.verifySession(TOKEN), new OrderId("ord_01m8tmmd504arhkm8aq1e23prs"),
                new OrderDraft("EUR", List.of(new OrderItemDraft("BOOK-1", 2, new BigDecimal("12.50"))), "gift"));
    }

    @FuzzTest
    void noRequestGetsA5xx(byte[] data) throws Exception {
        String text = new String(data, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        if (lines.length < 3 || lines[0].length() < 2) {
            return;
        }
        String method = METHODS.get(Math.floorMod(lines[0].charAt(0) - '0', METHODS.size()));
        String route = ROUTES.get(Math.floorMod(lines[0].charAt(1) - '0', ROUTES.size()));
        String path = route.replace("{}", URLEncoder.encode(lines[1], StandardCharsets.UTF_8).replace("+", "%20"));
        String query = lines[2].isEmpty() ? "" : "?" + encodeQuery(lines[2]);
        ContainerRequest request = new ContainerRequest(URI.create("http://localhost/"),
                URI.create("http://localhost" + path + query), method, null, new MapPropertiesDelegate(),
                API.getConfiguration());
        int line = 3;
        for (; line < lines.length && !lines[line].isEmpty(); line++) {
            int colon = lines[line].indexOf(':');
            if (colon > 0) {
                request.header(lines[line].substring(0, colon).strip(),
                        lines[line].substring(colon + 1).strip().replace("$TOKEN", TOKEN));
            }
        }
        int bodyStart = Math.min(data.length, offsetOfLine(data, line + 1));
        byte[] body = Arrays.copyOfRange(data, bodyStart, data.length);
        if (body.length > 0) {
            request.setEntityStream(new ByteArrayInputStream(body));
            request.header("Content-Length", Integer.toString(body.length));
        }

        ByteArrayOutputStream written = new ByteArrayOutputStream();
        ContainerResponse response = API.apply(request, written).get();

        String answer = method + " " + path + query + " -> " + response.getStatus() + " " + written;
        assertThat(response.getStatus()).as(answer).isLessThan(500);
        if (response.getStatus() >= 400 && !method.equals("HEAD")) {
            assertThat(String.valueOf(response.getMediaType())).as(answer).isEqualTo("application/problem+json");
            JsonNode problem = JSON.readTree(written.toByteArray());
            assertThat(problem.path("code").asText()).as(answer).isNotBlank();
        }
    }

    /** Keeps what a query may hold as it is, so that the fuzzer's '&' and '=' still shape it. */
    private static String encodeQuery(String query) {
        StringBuilder encoded = new StringBuilder();
        for (String pair : query.split("&", -1)) {
            if (!encoded.isEmpty()) {
                encoded.append('&');
            }
            int equals = pair.indexOf('=');
            if (equals < 0) {
                encoded.append(URLEncoder.encode(pair, StandardCharsets.UTF_8));
            } else {
                encoded.append(URLEncoder.encode(pair.substring(0, equals), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return encoded.toString();
    }

    /** The byte offset where line {@code index} (counting from 0) starts. */
    private static int offsetOfLine(byte[] data, int index) {
        int seen = 0;
        for (int i = 0; i < data.length; i++) {
            if (seen == index) {
                return i;
            }
            if (data[i] == '\n') {
                seen++;
            }
        }
        return seen == index ? data.length : data.length;
    }
}
