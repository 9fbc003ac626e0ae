package dev.strata.adapters.rest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.adapters.rest.StrataApi;
import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.RawHttp;
import dev.strata.adapters.rest.testing.TestApi;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * No header a client sends steers the URLs the API writes ({@code Location}, {@code Link}, list
 * {@code next}, the entry point's links): generated {@code Host}, {@code Forwarded} and
 * {@code X-Forwarded-*} variants, from an untrusted and from a trusted peer, with and without a
 * public base URL.
 */
class PublicUrlsTest {

    private static final Pattern ABSOLUTE = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://([^/\\s\"<>]*)");

    private static final List<String> HOSTS = List.of("evil.example", "evil.example:8443", "EVIL.EXAMPLE", "[::1]:1",
            "127.0.0.1:1", "localhost", "xn--80ak6aa92e.example", "a.b.c.d.e.f.evil.example");

    /** Every variant of hostile routing headers: each host in each way of forwarding it. */
    static List<String> variants() {
        List<String> variants = new ArrayList<>();
        for (String host : HOSTS) {
            variants.add("Host: " + host + "\r\n");
            variants.add("Host: localhost\r\nForwarded: host=" + host + ";proto=https\r\n");
            variants.add("Host: localhost\r\nForwarded: proto=http;host=\"" + host + "\"\r\n");
            variants.add("Host: " + host + "\r\nForwarded: for=192.0.2.1;host=localhost, host=" + host + "\r\n");
            variants.add("Host: localhost\r\nX-Forwarded-Host: " + host + "\r\nX-Forwarded-Proto: https\r\n");
            variants.add("Host: localhost\r\nX-Forwarded-Host: localhost, " + host + "\r\n");
            variants.add("Host: " + host + "\r\nForwarded: host=" + host + "\r\nX-Forwarded-Host: " + host
                    + "\r\nX-Forwarded-Proto: ftp\r\n");
        }
        return variants;
    }

    /** The requests whose responses carry URLs: an entry point read, a creation, a list page. */
    private static List<String> requests(String routing, String token) {
        String body = "{\"body\":\"hello\"}";
        String auth = "Authorization: Bearer " + token + "\r\n";
        return List.of(
                "GET /v1 HTTP/1.1\r\n" + routing + "\r\n",
                "POST /v1/posts HTTP/1.1\r\n" + routing + auth + "Content-Type: application/json\r\nContent-Length: "
                        + body.length() + "\r\n\r\n" + body,
                "GET /v1/posts?limit=1 HTTP/1.1\r\n" + routing + auth + "\r\n");
    }

    /** Every scheme://authority of a URL anywhere in the response, head and body. */
    private static Set<String> authorities(String rawResponse) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = ABSOLUTE.matcher(rawResponse);
        while (matcher.find()) {
            found.add(matcher.group().toLowerCase(Locale.ROOT));
        }
        return found;
    }

    private static List<RawHttp.Answer> exchangeAll(TestApi api, String routing, String token) throws Exception {
        List<RawHttp.Answer> answers = new ArrayList<>();
        for (String request : requests(routing, token)) {
            RawHttp.Answer answer = RawHttp.exchange("127.0.0.1", api.server.uri().getPort(),
                    request.getBytes(StandardCharsets.ISO_8859_1));
            assertThat(answer.response()).as(request).isPresent();
            assertThat(answer.response().get().status()).as(answer.raw()).isIn(200, 201);
            answers.add(answer);
        }
        return answers;
    }

    /** A server of its own, with a signed-in account that has three posts (so that lists have a next page). */
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Scenario {

        final TestApi api;
        String token;

        Scenario(UnaryOperator<StrataApi.Builder> settings) {
            this.api = new TestApi(settings);
        }

        @BeforeAll
        void signIn() {
            Accounts.SignedIn ada = Accounts.signUpAndIn(api.http);
            for (int post = 0; post < 3; post++) {
                api.http.post("/v1/posts").bearer(ada.token()).json("{\"body\":\"seed\"}").send();
            }
            token = ada.token();
        }

        @AfterAll
        void stop() {
            api.close();
        }
    }

    @Nested
    class WithoutAPublicUrlFromAnUntrustedPeer extends Scenario {

        WithoutAPublicUrlFromAnUntrustedPeer() {
            super(builder -> builder.trustedProxies(TrustedProxies.of(List.of("10.0.0.0/8"))));
        }

        @Test
        void urlsAreRelativeReferencesWhateverTheRoutingHeadersSay() throws Exception {
            for (String routing : variants()) {
                List<RawHttp.Answer> answers = exchangeAll(api, routing, token);
                for (RawHttp.Answer answer : answers) {
                    assertThat(authorities(answer.raw())).as(routing + " -> " + answer.raw()).isEmpty();
                }
                assertThat(answers.get(0).response().get().body()).contains("\"href\":\"/v1/accounts\"");
                assertThat(answers.get(1).response().get().header("Location")).hasValueSatisfying(
                        location -> assertThat(location).startsWith("/v1/posts/post_"));
                RawHttp.Response list = answers.get(2).response().get();
                assertThat(list.header("Link")).hasValueSatisfying(link -> assertThat(link).contains("</v1/posts?"));
                assertThat(list.body()).contains("\"next\":\"/v1/posts?");
            }
        }
    }

    @Nested
    class WithAPublicUrlEvenFromATrustedPeer extends Scenario {

        WithAPublicUrlEvenFromATrustedPeer() {
            super(builder -> builder.publicUrl(URI.create("https://api.example.com/strata"))
                    .trustedProxies(TrustedProxies.of(List.of("127.0.0.1", "::1"))));
        }

        @Test
        void everyUrlIsOnThePublicUrlWithItsPathPrefix() throws Exception {
            for (String routing : variants()) {
                List<RawHttp.Answer> answers = exchangeAll(api, routing, token);
                for (RawHttp.Answer answer : answers) {
                    assertThat(authorities(answer.raw())).as(routing + " -> " + answer.raw())
                            .containsOnly("https://api.example.com");
                }
                assertThat(answers.get(0).response().get().body())
                        .contains("\"href\":\"https://api.example.com/strata/v1/accounts\"");
                assertThat(answers.get(1).response().get().header("Location")).hasValueSatisfying(
                        location -> assertThat(location).startsWith("https://api.example.com/strata/v1/posts/post_"));
                RawHttp.Response list = answers.get(2).response().get();
                assertThat(list.header("Link")).hasValueSatisfying(
                        link -> assertThat(link).contains("<https://api.example.com/strata/v1/posts?"));
                assertThat(list.body()).contains("\"next\":\"https://api.example.com/strata/v1/posts?");
            }
        }

        @Test
        void theDocumentNamesThePublicUrlAsItsServer() {
            assertThat(api.http.get("/v1/openapi.json").send().body())
                    .contains("\"url\" : \"https://api.example.com/strata\"");
        }
    }

    @Nested
    class WithoutAPublicUrlFromATrustedProxy extends Scenario {

        WithoutAPublicUrlFromATrustedProxy() {
            super(builder -> builder.trustedProxies(TrustedProxies.of(List.of("127.0.0.0/8"))));
        }

        @Test
        void theLastHopsForwardedHostAndProtoMakeTheOriginAndTheHostHeaderNever() throws Exception {
            for (String host : HOSTS) {
                for (RawHttp.Answer answer : exchangeAll(api, "Host: evil.invalid\r\nForwarded: host=other.example, "
                        + "proto=https;host=" + host + "\r\n", token)) {
                    assertThat(authorities(answer.raw())).as(answer.raw())
                            .containsOnly("https://" + host.toLowerCase(Locale.ROOT));
                }
                for (RawHttp.Answer answer : exchangeAll(api, "Host: evil.invalid\r\nX-Forwarded-Host: other.example, "
                        + host + "\r\n", token)) {
                    assertThat(authorities(answer.raw())).as(answer.raw())
                            .containsOnly("http://" + host.toLowerCase(Locale.ROOT));
                }
            }
        }

        @Test
        void withoutAValidForwardedHostUrlsStayRelative() throws Exception {
            List<String> routings = List.of("Host: evil.example\r\n", "Host: evil.example\r\nForwarded: proto=https\r\n",
                    "Host: localhost\r\nForwarded: host=\"a b\"\r\n", "Host: localhost\r\nX-Forwarded-Host: u@evil.example\r\n",
                    "Host: localhost\r\nX-Forwarded-Host: evil.example\r\nX-Forwarded-Proto: javascript\r\n");
            for (String routing : routings) {
                for (RawHttp.Answer answer : exchangeAll(api, routing, token)) {
                    assertThat(authorities(answer.raw())).as(routing + " -> " + answer.raw()).isEmpty();
                }
            }
        }
    }

    @Test
    void trustedProxiesAreAddressesAndRangesOfBothFamilies() {
        TrustedProxies proxies = TrustedProxies.of(List.of("10.0.0.0/8", "192.168.1.7", "fd00::/8", "::1"));

        assertThat(proxies.trusts("10.200.3.4")).isTrue();
        assertThat(proxies.trusts("11.0.0.1")).isFalse();
        assertThat(proxies.trusts("192.168.1.7")).isTrue();
        assertThat(proxies.trusts("192.168.1.8")).isFalse();
        assertThat(proxies.trusts("fd12::1")).isTrue();
        assertThat(proxies.trusts("fe80::1")).isFalse();
        assertThat(proxies.trusts("::1")).isTrue();
        assertThat(proxies.trusts("localhost")).as("names are never looked up").isFalse();
        assertThat(TrustedProxies.NONE.trusts("127.0.0.1")).isFalse();
        assertThat(TrustedProxies.NONE.trustsNone()).isTrue();
        assertThat(TrustedProxies.of(List.of()).trustsNone()).isTrue();
        assertThat(proxies.trustsNone()).isFalse();
        for (String invalid : List.of("10.0.0.0/33", "example.com", "10.0.0.0/x", "", "::1/129")) {
            assertThatThrownBy(() -> TrustedProxies.of(List.of(invalid))).as(invalid)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aPublicUrlIsAnHttpUrlWithoutQueryOrUserInformation() {
        assertThat(PublicUrls.parseBase("https://api.example.com")).hasToString("https://api.example.com/");
        assertThat(PublicUrls.parseBase("HTTP://api.example.com:8443/strata")).hasToString("http://api.example.com:8443/strata/");
        for (String invalid : List.of("api.example.com", "ftp://api.example.com", "https://u:p@api.example.com",
                "https://api.example.com/?x=1", "https://api.example.com/#f", "/strata")) {
            assertThatThrownBy(() -> PublicUrls.parseBase(invalid)).as(invalid).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
