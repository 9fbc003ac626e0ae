package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.strata.adapters.common.AccessLog;
import dev.strata.adapters.common.RateLimits;
import dev.strata.adapters.persistence.postgres.StrataDatabase;
import dev.strata.contracts.identity.IdentityFixtures;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * GraphQL's place in the app: {@code /graphql} on the API port, in the same Jersey application as
 * REST, so that its request id, body limit, content-type checks, rate limits, metrics and access
 * log apply to it; and REST's request checks let GraphQL's media types through.
 */
class GraphqlInTheAppTest {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    /** Plenty for the test's requests, few enough to run out of on purpose. */
    private static final RateLimits LIMITS = new RateLimits(new RateLimits.Budget(1_000, Duration.ofHours(1)),
            new RateLimits.Budget(1_000, Duration.ofHours(1)));

    private static RunningApp app;
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        app = RunningApp.start(Fleet.withRateLimits(RunningApp.settings(StrataDatabase.h2MemoryUrl("graphql-app-test")),
                LIMITS));
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static HttpRequest.Builder post(String contentType, String body) {
        return HttpRequest.newBuilder(app.server.uri().resolve("/graphql")).header("Content-Type", contentType)
                .header("Accept", GRAPHQL_RESPONSE).POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String query(String document) {
        return "{\"query\": \"" + document.replace("\"", "\\\"") + "\"}";
    }

    @Test
    void graphqlAnswersBehindTheApisRequestIdAndRateLimits() {
        HttpResponse<String> answer = send(post("application/json", query("{ __typename }"))
                .header("Request-Id", "graphql-request-1"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith(GRAPHQL_RESPONSE));
        assertThat(answer.headers().firstValue("Request-Id")).contains("graphql-request-1");
        assertThat(answer.headers().firstValue("RateLimit-Limit")).contains("1000");
        assertThat(answer.body()).contains("\"__typename\":\"Query\"");
    }

    @Test
    void theApisRequestChecksLetGraphqlsMediaTypesThrough() {
        HttpResponse<String> modern = send(post("application/json; charset=utf-8", query("{ __typename }"))
                .header("Accept", GRAPHQL_RESPONSE + ", application/json;q=0.9"));
        HttpResponse<String> problemsToo = send(post("application/json", query("{ __typename }"))
                .header("Accept", GRAPHQL_RESPONSE + ", application/problem+json"));
        HttpResponse<String> get = send(HttpRequest.newBuilder(app.server.uri().resolve("/graphql?query="
                + URLEncoder.encode("{ __typename }", StandardCharsets.UTF_8))).header("Accept", GRAPHQL_RESPONSE));

        assertThat(modern.statusCode()).as(modern.body()).isEqualTo(200);
        assertThat(problemsToo.statusCode()).as(problemsToo.body()).isEqualTo(200);
        assertThat(get.statusCode()).as(get.body()).isEqualTo(200);
    }

    @Test
    void whatTheApiRefusesBeforeGraphqlRunsIsAProblem() {
        HttpResponse<String> tooLarge = send(post("application/json",
                "{\"query\": \"{ __typename }\", \"variables\": {\"pad\": \"" + "x".repeat(1024 * 1024) + "\"}}"));
        HttpResponse<String> wrongType = send(post("text/plain", "{ __typename }"));

        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(wrongType.body()).contains("\"code\":\"unsupported_media_type\"");
    }

    @Test
    void theAccessLineNamesGraphqlAndItsOperationBySchemaNames() {
        Logger access = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Level level = access.getLevel();
        access.setLevel(Level.INFO);
        access.addAppender(lines);
        try {
            send(post("application/json", query("query Mine { me: viewer { id } __typename }")));
        } finally {
            access.detachAppender(lines);
            access.setLevel(level);
        }

        assertThat(lines.list).anySatisfy(line -> assertThat(line.getKeyValuePairs().toString())
                .contains("api=\"graphql\"").contains("route=\"query:__typename,viewer\"")
                .contains("path=\"/graphql\""));
    }

    @Test
    void aSignedInGraphqlCallIsChargedToItsAccountAndMeasured() {
        String email = IdentityFixtures.uniqueEmail();
        send(post("application/json", query("mutation { signUp(input: {email: \"" + email
                + "\", password: \"correct horse battery staple\", displayName: \"Ada\"}) { id } }")));
        String signedIn = send(post("application/json", query("mutation { signIn(input: {email: \"" + email
                + "\", password: \"correct horse battery staple\"}) { token } }"))).body();
        String token = signedIn.replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
        PrometheusText before = PrometheusText.parse(app.admin.get("/metrics").send().body());

        HttpResponse<String> first = send(post("application/json", query("{ viewer { id } }"))
                .header("Authorization", "Bearer " + token));
        HttpResponse<String> second = send(post("application/json", query("{ viewer { id } }"))
                .header("Authorization", "Bearer " + token));

        assertThat(first.body()).contains("\"viewer\":{\"id\":\"ses_");
        long remainingFirst = Long.parseLong(first.headers().firstValue("RateLimit-Remaining").orElseThrow());
        long remainingSecond = Long.parseLong(second.headers().firstValue("RateLimit-Remaining").orElseThrow());
        assertThat(remainingSecond).as("one budget, the account's").isEqualTo(remainingFirst - 1);
        assertThat(remainingFirst).as("a fresh account's budget, not the address's").isEqualTo(999);
        PrometheusText after = PrometheusText.parse(app.admin.get("/metrics").send().body()).minus(before);
        assertThat(after.series().entrySet()).anySatisfy(series -> {
            assertThat(series.getKey()).startsWith("strata_api_calls_seconds_count{").contains("api=\"graphql\"")
                    .contains("operation=\"Query.viewer\"").contains("outcome=\"ok\"");
            assertThat(series.getValue()).isEqualTo(2.0);
        });
        assertThat(after.series().entrySet()).anySatisfy(series -> {
            assertThat(series.getKey()).startsWith("http_server_requests_seconds_count{").contains("route=\"/graphql\"")
                    .contains("status=\"200\"");
            assertThat(series.getValue()).isEqualTo(2.0);
        });
    }
}
