package dev.strata.adapters.graphql.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.strata.adapters.graphql.StrataGraphql;
import dev.strata.adapters.persistence.memory.identity.InMemoryIdentityStore;
import dev.strata.adapters.persistence.memory.orders.InMemoryOrderStore;
import dev.strata.adapters.persistence.memory.posts.InMemoryPostStore;
import dev.strata.contracts.MutableClock;
import dev.strata.contracts.identity.IdentityFixtures;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.orders.OrderService;
import dev.strata.core.posts.PostService;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ResourceConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The endpoint over real HTTP, on its own in a Jersey application: GraphQL-over-HTTP's media types,
 * methods and status codes, and the bearer token read from {@code Authorization}.
 */
class GraphqlOverHttpTest {

    private static final String GRAPHQL_RESPONSE = "application/graphql-response+json";
    private static final ObjectMapper JSON = new ObjectMapper();
    // HTTP/1.1: a bare Grizzly listener mishandles the JDK client's "Upgrade: h2c" offer on a request with a body
    // (the app's own listener does not; see adapters-rest's UpgradeOfferTest).
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static HttpServer server;
    private static URI endpoint;

    @BeforeAll
    static void start() {
        MutableClock clock = MutableClock.startingNow();
        IdentityService identity = new IdentityService(new InMemoryIdentityStore(), clock, IdentityFixtures.FAST_HASHER,
                IdentityFixtures.newSigner());
        PostService posts = new PostService(new InMemoryPostStore(), identity, clock);
        StrataGraphql graphql = StrataGraphql.builder(identity, posts, new OrderService(new InMemoryOrderStore(), clock))
                .build();
        ResourceConfig application = new ResourceConfig();
        GraphqlHttp.components(graphql, identity).forEach(application::register);
        server = GrizzlyHttpServerFactory.createHttpServer(URI.create("http://127.0.0.1:0/"), application);
        endpoint = URI.create("http://127.0.0.1:" + server.getListener("grizzly").getPort() + "/graphql");
    }

    @AfterAll
    static void stop() {
        server.shutdownNow();
    }

    private record Answer(int status, String contentType, JsonNode body, HttpResponse<String> response) {

        String code() {
            return body.path("errors").path(0).path("extensions").path("code").asText(null);
        }
    }

    private static Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    JSON.readTree(response.body()), response);
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static Answer post(String accept, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (accept != null) {
            request.header("Accept", accept);
        }
        return send(request);
    }

    private static Answer get(String accept, String query) {
        return send(HttpRequest.newBuilder(URI.create(endpoint + "?" + query)).header("Accept", accept).GET());
    }

    private static String query(String document) {
        return "{\"query\":" + JSON.valueToTree(document) + "}";
    }

    @Nested
    class MediaTypes {

        @Test
        void aClientThatAcceptsGraphqlResponsesGetsThem() {
            Answer answer = post(GRAPHQL_RESPONSE + ", application/json;q=0.9", query("{ __typename }"));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.contentType()).startsWith(GRAPHQL_RESPONSE).containsIgnoringCase("charset=utf-8");
            assertThat(answer.body().path("data").path("__typename").asText()).isEqualTo("Query");
        }

        @Test
        void aLegacyClientGetsApplicationJsonAndSoDoesOneThatSendsNoAccept() {
            assertThat(post("application/json", query("{ __typename }")).contentType()).startsWith("application/json");
            assertThat(post(null, query("{ __typename }")).contentType()).startsWith("application/json");
            assertThat(post("*/*", query("{ __typename }")).contentType()).startsWith("application/json");
        }

        @Test
        void aDocumentThatDoesNotParseIs400ForGraphqlResponsesAnd200ForLegacyJson() {
            Answer modern = post(GRAPHQL_RESPONSE, query("{ viewer { "));
            Answer legacy = post("application/json", query("{ viewer { "));

            assertThat(modern.status()).isEqualTo(400);
            assertThat(modern.body().has("data")).isFalse();
            assertThat(modern.body().path("errors").size()).isEqualTo(1);
            assertThat(legacy.status()).isEqualTo(200);
            assertThat(legacy.body().path("errors").size()).isEqualTo(1);
        }

        @Test
        void aValidationFailureIs400ForGraphqlResponses() {
            assertThat(post(GRAPHQL_RESPONSE, query("{ noSuchField }")).status()).isEqualTo(400);
        }

        @Test
        void anOperationThatRanAndFailedIs200WithTheErrorsCode() {
            Answer answer = post(GRAPHQL_RESPONSE, query("{ viewer { id } }"));

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().has("data")).isTrue();
            assertThat(answer.code()).isEqualTo("authentication_required");
            assertThat(answer.body().toString()).doesNotContain("Exception").doesNotContain("at dev.strata");
        }
    }

    @Nested
    class MalformedRequests {

        @Test
        void aBodyThatIsNotJsonIs400WithAGraphqlError() {
            Answer answer = post(GRAPHQL_RESPONSE, "{\"query\": ");

            assertThat(answer.status()).isEqualTo(400);
            assertThat(answer.contentType()).startsWith(GRAPHQL_RESPONSE);
            assertThat(answer.code()).isEqualTo("invalid_json");
        }

        @Test
        void aMissingOrNonStringQueryIs400() {
            assertThat(post(GRAPHQL_RESPONSE, "{}").code()).isEqualTo("invalid_request");
            assertThat(post(GRAPHQL_RESPONSE, "{\"query\": 1}").code()).isEqualTo("invalid_request");
            assertThat(post(GRAPHQL_RESPONSE, "[]").status()).isEqualTo(400);
        }

        @Test
        void variablesMustBeAnObjectAndUnknownParametersAreNamed() {
            Answer variables = post(GRAPHQL_RESPONSE, "{\"query\": \"{ __typename }\", \"variables\": [1]}");
            Answer unknown = post(GRAPHQL_RESPONSE, "{\"query\": \"{ __typename }\", \"varaibles\": {}}");

            assertThat(variables.status()).isEqualTo(400);
            assertThat(variables.code()).isEqualTo("invalid_request");
            assertThat(unknown.code()).isEqualTo("unknown_parameter");
            assertThat(unknown.body().path("errors").path(0).path("message").asText()).contains("varaibles");
        }

        @Test
        void aStringWithHalfASurrogatePairOrNulIsRefusedBeforeAnythingRuns() {
            Answer surrogate = post(GRAPHQL_RESPONSE, "{\"query\": \"{ __typename }\", \"variables\": {\"a\": \"\\ud800\"}}");
            Answer nul = post(GRAPHQL_RESPONSE, "{\"query\": \"{ __typename }\", \"variables\": {\"a\": \"\\u0000\"}}");

            assertThat(surrogate.status()).isEqualTo(400);
            assertThat(surrogate.code()).isEqualTo("invalid_text");
            assertThat(nul.code()).isEqualTo("invalid_text");
        }

        @Test
        void duplicateMembersAreRefused() {
            assertThat(post(GRAPHQL_RESPONSE, "{\"query\": \"{ a }\", \"query\": \"{ __typename }\"}").code())
                    .isEqualTo("invalid_json");
        }

        @Test
        void aBodyInAnotherCharsetIs415() {
            Answer answer = send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json; charset=latin1")
                    .header("Accept", GRAPHQL_RESPONSE).POST(HttpRequest.BodyPublishers.ofString(query("{ __typename }"))));

            assertThat(answer.status()).isEqualTo(415);
            assertThat(answer.code()).isEqualTo("unsupported_charset");
        }
    }

    @Nested
    class Get {

        @Test
        void runsAQueryFromItsParameters() {
            Answer answer = get(GRAPHQL_RESPONSE, "query=" + URLEncoder.encode("query Q { __typename }",
                    StandardCharsets.UTF_8) + "&operationName=Q");

            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.body().path("data").path("__typename").asText()).isEqualTo("Query");
        }

        @Test
        void refusesAMutationWith405AndAllow() {
            Answer answer = get(GRAPHQL_RESPONSE, "query=" + URLEncoder.encode("mutation { signOut }",
                    StandardCharsets.UTF_8));

            assertThat(answer.status()).isEqualTo(405);
            assertThat(answer.response().headers().firstValue("Allow")).hasValueSatisfying(
                    allow -> assertThat(allow).contains("POST"));
            assertThat(answer.code()).isEqualTo("mutation_needs_post");
        }

        @Test
        void picksTheNamedOperationToTellAQueryFromAMutation() {
            String document = URLEncoder.encode("query Q { __typename } mutation M { signOut }", StandardCharsets.UTF_8);

            assertThat(get(GRAPHQL_RESPONSE, "query=" + document + "&operationName=Q").status()).isEqualTo(200);
            assertThat(get(GRAPHQL_RESPONSE, "query=" + document + "&operationName=M").status()).isEqualTo(405);
        }

        @Test
        void refusesUnknownOrRepeatedParameters() {
            assertThat(get(GRAPHQL_RESPONSE, "query=x&query=y").code()).isEqualTo("invalid_request");
            assertThat(get(GRAPHQL_RESPONSE, "query=x&extra=1").code()).isEqualTo("unknown_parameter");
            assertThat(get(GRAPHQL_RESPONSE, "variables=%7B%7D").code()).isEqualTo("invalid_request");
        }
    }

    @Nested
    class BearerTokens {

        @Test
        void theTokenFromSigningInAuthenticatesLaterRequestsAndABadOneIsRefusedWithItsCode() {
            String email = IdentityFixtures.uniqueEmail();
            post(GRAPHQL_RESPONSE, query("mutation { signUp(input: {email: \"" + email
                    + "\", password: \"correct horse battery staple\", displayName: \"Ada\"}) { id } }"));
            String token = post(GRAPHQL_RESPONSE, query("mutation { signIn(input: {email: \"" + email
                    + "\", password: \"correct horse battery staple\"}) { token } }"))
                    .body().path("data").path("signIn").path("token").asText();

            Answer me = send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString(query("{ viewer { account { email } } }"))));
            Answer forged = send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + token + "x")
                    .POST(HttpRequest.BodyPublishers.ofString(query("{ viewer { id } }"))));
            Answer notBearer = send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                    .header("Authorization", "Basic YTpi")
                    .POST(HttpRequest.BodyPublishers.ofString(query("{ viewer { id } }"))));

            assertThat(me.body().path("data").path("viewer").path("account").path("email").asText()).isEqualTo(email);
            assertThat(forged.code()).isEqualTo("invalid_token");
            assertThat(notBearer.code()).isEqualTo("invalid_token");
        }
    }
}
