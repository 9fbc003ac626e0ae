package dev.strata.adapters.rest.posts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.testing.Accounts.SignedIn;
import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.HttpDriver;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.TestApi;
import dev.strata.contracts.Race;
import dev.strata.contracts.posts.PostFixtures;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PostsApiTest {

    private static TestApi api;
    private static HttpDriver http;

    private SignedIn author;
    private SignedIn reader;

    @BeforeAll
    static void start() {
        api = new TestApi();
        http = api.http;
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @BeforeEach
    void signIn() {
        author = Accounts.signUpAndIn(http);
        reader = Accounts.signUpAndIn(http);
    }

    static String json(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                default -> quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    static HttpResult post(SignedIn caller, String body) {
        return http.post("/v1/posts").bearer(caller.token()).json("{\"body\":" + json(body) + "}").send();
    }

    static void assertProblem(HttpResult result, int status, String code) {
        assertThat(result.status()).as(result.toString()).isEqualTo(status);
        assertThat(result.contentType()).startsWith("application/problem+json");
        assertThat(result.field("code")).as(result.toString()).isEqualTo(code);
    }

    static void assertInvalidField(HttpResult result, String field, String code) {
        assertProblem(result, 400, "validation_failed");
        assertThat(result.json().get("errors")).as(result.toString())
                .anySatisfy(error -> {
                    assertThat(error.get("field").asText()).isEqualTo(field);
                    assertThat(error.get("code").asText()).isEqualTo(code);
                });
    }

    @Nested
    class Creating {

        @Test
        void aPostIsCreatedWith201LocationAndETag() {
            HttpResult created = post(author, "hello world");

            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String id = created.field("id");
            assertThat(id).startsWith("post_");
            assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("/v1/posts/" + id));
            assertThat(created.header("ETag")).isPresent();
            assertThat(created.header("Idempotent-Replayed")).isEmpty();
            assertThat(created.json().fieldNames()).toIterable()
                    .containsExactly("id", "author_id", "channel_id", "body", "created_at", "updated_at", "version",
                            "_links");
            assertThat(created.json().get("channel_id").isNull()).isTrue();
            assertThat(created.field("author_id")).isEqualTo(author.id());
            assertThat(created.field("version")).isEqualTo("0");
        }

        @Test
        void anyUnicodeComesBackExactly() {
            HttpResult created = post(author, PostFixtures.UNICODE_BODY);

            HttpResult read = http.get("/v1/posts/" + created.field("id")).bearer(reader.token()).send();

            assertThat(read.field("body")).isEqualTo(PostFixtures.UNICODE_BODY);
            // On the wire as UTF-8 too, emoji included, not as escaped surrogate pairs.
            assertThat(read.body()).contains("\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67")
                    .contains("\u05e9\u05dc\u05d5\u05dd");
        }

        @Test
        void aBadBodyIsA400NamingIt() {
            assertInvalidField(post(author, "   "), "body", "required");
            assertInvalidField(post(author, "x".repeat(5001)), "body", "too_long");
            assertInvalidField(http.post("/v1/posts").bearer(author.token()).json("{\"body\":1}").send(), "body",
                    "invalid_type");
            assertInvalidField(http.post("/v1/posts").bearer(author.token()).json("{\"body\":\"x\",\"author_id\":\"y\"}")
                    .send(), "author_id", "read_only_field");
            assertInvalidField(http.post("/v1/posts").bearer(author.token()).json("{\"text\":\"x\"}").send(), "text",
                    "unknown_field");
            assertProblem(http.post("/v1/posts").bearer(author.token()).json("{").send(), 400, "malformed_json");
            assertThat(http.get("/v1/accounts/" + author.id() + "/posts").bearer(author.token()).send()
                    .json().get("data")).isEmpty();
        }

        @Test
        void preferReturnMinimalAnswers204WithLocationAndETag() {
            HttpResult created = http.post("/v1/posts").bearer(author.token()).header("Prefer", "return=minimal")
                    .json("{\"body\":\"quiet\"}").send();

            assertThat(created.status()).isEqualTo(204);
            assertThat(created.body()).isEmpty();
            assertThat(created.header("Preference-Applied")).contains("return=minimal");
            assertThat(created.header("ETag")).isPresent();
            String location = created.header("Location").orElseThrow();
            HttpResult edited = http.patch(location).bearer(author.token()).header("Prefer", "return=minimal")
                    .header("If-Match", created.header("ETag").orElseThrow())
                    .body("application/merge-patch+json", "{\"body\":\"louder\"}").send();
            assertThat(edited.status()).isEqualTo(204);
            assertThat(http.get(location).bearer(author.token()).send().field("body")).isEqualTo("louder");
        }

        @Test
        void signedOutIsA401() {
            HttpResult refused = http.post("/v1/posts").json("{\"body\":\"x\"}").send();

            assertProblem(refused, 401, "authentication_required");
            assertThat(refused.header("WWW-Authenticate")).contains("Bearer");
        }
    }

    @Nested
    class Idempotency {

        private HttpResult postWithKey(String key, String body) {
            return http.post("/v1/posts").bearer(author.token()).header("Idempotency-Key", key)
                    .json("{\"body\":" + json(body) + "}").send();
        }

        @Test
        void aRetryReturnsTheOriginalStatusAndBodyMarkedReplayed() {
            String key = UUID.randomUUID().toString();

            HttpResult first = postWithKey(key, "once");
            HttpResult retry = postWithKey(key, "once");

            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.json()).isEqualTo(first.json());
            assertThat(retry.header("Location")).isPresent().isEqualTo(first.header("Location"));
            assertThat(retry.header("ETag")).isPresent().isEqualTo(first.header("ETag"));
            assertThat(retry.header("Idempotent-Replayed")).contains("true");
            assertThat(first.header("Idempotent-Replayed")).isEmpty();
        }

        @Test
        void theSameKeyWithAnotherBodyIsA422() {
            String key = UUID.randomUUID().toString();
            postWithKey(key, "once");

            assertProblem(postWithKey(key, "twice"), 422, "idempotency_key_reused");
        }

        @Test
        void aMalformedKeyIsA400AndCreatesNothing() {
            assertInvalidField(postWithKey("x".repeat(256), "hello"), "Idempotency-Key", "malformed_idempotency_key");
            assertInvalidField(postWithKey("with space", "hello"), "Idempotency-Key", "malformed_idempotency_key");
            assertThat(http.get("/v1/accounts/" + author.id() + "/posts").bearer(author.token()).send()
                    .json().get("data")).isEmpty();
        }

        @Test
        void concurrentDuplicatesCreateExactlyOnePost() throws InterruptedException {
            String key = UUID.randomUUID().toString();

            List<Race.Outcome> outcomes = Race.of(8, () -> postWithKey(key, "racing"));

            assertThat(outcomes).allSatisfy(outcome -> assertThat(((HttpResult) outcome.result()).status()).isEqualTo(201));
            assertThat(outcomes).filteredOn(outcome -> ((HttpResult) outcome.result()).header("Idempotent-Replayed")
                    .isEmpty()).hasSize(1);
            assertThat(http.get("/v1/accounts/" + author.id() + "/posts").bearer(author.token()).send()
                    .json().get("data")).hasSize(1);
        }

        @Test
        void channelsAndChannelPostsAreIdempotentToo() {
            String key = UUID.randomUUID().toString();
            HttpResult channel = http.post("/v1/channels").bearer(author.token()).header("Idempotency-Key", key)
                    .json("{\"name\":\"ops\"}").send();
            HttpResult channelAgain = http.post("/v1/channels").bearer(author.token()).header("Idempotency-Key", key)
                    .json("{\"name\":\"ops\"}").send();
            String path = "/v1/channels/" + channel.field("id") + "/posts";
            HttpResult post = http.post(path).bearer(author.token()).header("Idempotency-Key", key)
                    .json("{\"body\":\"hi\"}").send();
            HttpResult postAgain = http.post(path).bearer(author.token()).header("Idempotency-Key", key)
                    .json("{\"body\":\"hi\"}").send();

            assertThat(channelAgain.status()).isEqualTo(201);
            assertThat(channelAgain.field("id")).isEqualTo(channel.field("id"));
            assertThat(channelAgain.header("Idempotent-Replayed")).contains("true");
            assertThat(postAgain.status()).isEqualTo(201);
            assertThat(postAgain.field("id")).isEqualTo(post.field("id"));
            assertThat(postAgain.header("Idempotent-Replayed")).contains("true");
        }
    }

    @Nested
    class ReadingEditingDeleting {

        @Test
        void aPostIsReadWithAnETagAndIfNoneMatchIsA304() {
            String id = post(author, "read me").field("id");

            HttpResult read = http.get("/v1/posts/" + id).bearer(reader.token()).send();
            HttpResult again = http.get("/v1/posts/" + id).bearer(reader.token())
                    .header("If-None-Match", read.header("ETag").orElseThrow()).send();

            assertThat(read.status()).isEqualTo(200);
            assertThat(read.header("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("private"));
            assertThat(again.status()).isEqualTo(304);
            assertThat(again.body()).isEmpty();
        }

        @Test
        void aMalformedIdIsA400AndAnUnknownOneA404() {
            assertInvalidField(http.get("/v1/posts/post_nope").bearer(reader.token()).send(), "id", "malformed_id");
            assertProblem(http.get("/v1/posts/post_01jc0000000000000000000000").bearer(reader.token()).send(), 404,
                    "post_not_found");
        }

        @Test
        void anEditNeedsIfMatchAndTheCurrentTag() {
            HttpResult created = post(author, "first");
            String path = "/v1/posts/" + created.field("id");
            String tag = created.header("ETag").orElseThrow();

            assertProblem(http.patch(path).bearer(author.token()).body("application/merge-patch+json", "{\"body\":\"x\"}")
                    .send(), 428, "precondition_required");
            assertProblem(http.patch(path).bearer(author.token()).header("If-Match", "\"stale\"")
                    .body("application/merge-patch+json", "{\"body\":\"x\"}").send(), 412, "version_mismatch");
            HttpResult edited = http.patch(path).bearer(author.token()).header("If-Match", tag)
                    .body("application/merge-patch+json", "{\"body\":\" second \"}").send();

            assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
            assertThat(edited.field("body")).as("kept exactly as sent").isEqualTo(" second ");
            assertThat(edited.field("version")).isEqualTo("1");
            assertThat(edited.header("ETag")).isPresent().get().isNotEqualTo(tag);
            assertProblem(http.patch(path).bearer(author.token()).header("If-Match", tag)
                    .body("application/merge-patch+json", "{\"body\":\"third\"}").send(), 412, "version_mismatch");
        }

        @Test
        void aPatchIsCheckedFieldByFieldAndByMediaType() {
            HttpResult created = post(author, "first");
            String path = "/v1/posts/" + created.field("id");
            String tag = created.header("ETag").orElseThrow();

            assertInvalidField(http.patch(path).bearer(author.token()).header("If-Match", tag)
                    .body("application/merge-patch+json", "{\"body\":null,\"version\":3}").send(), "version",
                    "read_only_field");
            assertInvalidField(http.patch(path).bearer(author.token()).header("If-Match", tag)
                    .body("application/merge-patch+json", "{\"body\":\"\"}").send(), "body", "required");
            HttpResult wrongType = http.patch(path).bearer(author.token()).header("If-Match", tag)
                    .json("{\"body\":\"x\"}").send();
            assertProblem(wrongType, 415, "unsupported_media_type");
            assertThat(wrongType.header("Accept-Patch")).contains("application/merge-patch+json");
        }

        @Test
        void onlyTheAuthorEditsOrDeletesAPublicPost() {
            HttpResult created = post(author, "mine");
            String path = "/v1/posts/" + created.field("id");

            assertProblem(http.patch(path).bearer(reader.token()).header("If-Match", created.header("ETag").orElseThrow())
                    .body("application/merge-patch+json", "{\"body\":\"yours\"}").send(), 403, "not_the_author");
            assertProblem(http.delete(path).bearer(reader.token()).send(), 403, "not_the_author");
            assertProblem(http.patch(path).bearer(reader.token()).header("If-Match", "\"stale\"")
                    .body("application/merge-patch+json", "{\"body\":\"yours\"}").send(), 403, "not_the_author");
            assertProblem(http.patch(path).bearer(reader.token())
                    .body("application/merge-patch+json", "{\"body\":\"yours\"}").send(), 403, "not_the_author");
            assertThat(http.get(path).bearer(reader.token()).send().field("body")).isEqualTo("mine");
        }

        @Test
        void aDeletedPostIsGone() {
            String path = "/v1/posts/" + post(author, "bye").field("id");

            assertThat(http.delete(path).bearer(author.token()).send().status()).isEqualTo(204);
            assertProblem(http.get(path).bearer(author.token()).send(), 404, "post_not_found");
            assertProblem(http.delete(path).bearer(author.token()).send(), 404, "post_not_found");
        }
    }

    @Nested
    class Channels {

        private String channel;

        @BeforeEach
        void createChannel() {
            HttpResult created = http.post("/v1/channels").bearer(author.token()).json("{\"name\":\" team \"}").send();
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            channel = created.field("id");
            assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location)
                    .endsWith("/v1/channels/" + channel));
            assertThat(created.field("name")).isEqualTo("team");
            assertThat(created.field("owner_id")).isEqualTo(author.id());
        }

        @Test
        void theOwnerAddsAMemberWith201ThenIt200AndRemovesIt() {
            String path = "/v1/channels/" + channel + "/members/" + reader.id();

            HttpResult added = http.put(path).bearer(author.token()).send();
            HttpResult again = http.put(path).bearer(author.token()).send();
            HttpResult members = http.get("/v1/channels/" + channel + "/members").bearer(reader.token()).send();

            assertThat(added.status()).as(added.toString()).isEqualTo(201);
            assertThat(added.field("role")).isEqualTo("member");
            assertThat(again.status()).isEqualTo(200);
            assertThat(members.json().get("data")).extracting(member -> member.get("account_id").asText())
                    .containsExactly(author.id(), reader.id());
            assertThat(members.json().get("data").get(0).get("role").asText()).isEqualTo("owner");
            assertThat(http.delete(path).bearer(author.token()).send().status()).isEqualTo(204);
            assertProblem(http.delete(path).bearer(author.token()).send(), 404, "member_not_found");
            assertProblem(http.get("/v1/channels/" + channel).bearer(reader.token()).send(), 404, "channel_not_found");
        }

        @Test
        void memberErrorsAreNamed() {
            String members = "/v1/channels/" + channel + "/members/";

            assertInvalidField(http.put(members + "acct_nope").bearer(author.token()).send(), "account_id", "malformed_id");
            assertProblem(http.put(members + "acct_01jc0000000000000000000000").bearer(author.token()).send(), 404,
                    "account_not_found");
            assertProblem(http.delete(members + author.id()).bearer(author.token()).send(), 409, "owner_cannot_leave");
            assertInvalidField(http.post("/v1/channels").bearer(author.token()).json("{\"name\":\"\"}").send(), "name",
                    "required");
        }

        @Test
        void channelPostsAreForMembersOnly() {
            HttpResult created = http.post("/v1/channels/" + channel + "/posts").bearer(author.token())
                    .json("{\"body\":\"team news\"}").send();

            assertThat(created.status()).isEqualTo(201);
            assertThat(created.field("channel_id")).isEqualTo(channel);
            assertProblem(http.get("/v1/posts/" + created.field("id")).bearer(reader.token()).send(), 404, "post_not_found");
            assertProblem(http.get("/v1/channels/" + channel + "/posts").bearer(reader.token()).send(), 404,
                    "channel_not_found");
            HttpResult list = http.get("/v1/channels/" + channel + "/posts").bearer(author.token()).send();
            assertThat(list.json().get("data")).extracting(post -> post.get("id").asText())
                    .containsExactly(created.field("id"));
        }
    }

    @Nested
    class Lists {

        private List<String> newestFirst;

        @BeforeEach
        void publishFive() {
            newestFirst = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                newestFirst.addFirst(post(author, "Post number " + i).field("id"));
                api.clock.advance(Duration.ofSeconds(1));
            }
        }

        private String accountPosts() {
            return "/v1/accounts/" + author.id() + "/posts";
        }

        private List<String> ids(HttpResult list) {
            List<String> ids = new ArrayList<>();
            list.json().get("data").forEach(post -> ids.add(post.get("id").asText()));
            return ids;
        }

        @Test
        void nextLinksWalkThePagesNewestFirstWithoutGapsOrRepeats() {
            List<String> seen = new ArrayList<>();
            String url = accountPosts() + "?limit=2";
            int pages = 0;
            while (url != null) {
                HttpResult page = http.get(url).bearer(reader.token()).send();
                assertThat(page.status()).as(page.toString()).isEqualTo(200);
                String links = String.join(", ", page.headers().allValues("Link"));
                assertThat(links).contains("rel=\"first\"");
                seen.addAll(ids(page));
                // Others keep posting while this client pages: nothing shifts.
                post(author, "meanwhile");
                url = page.field("next");
                if (url != null) {
                    assertThat(page.json().get("has_more").asBoolean()).isTrue();
                    assertThat(links).contains("<" + url + ">; rel=\"next\"");
                }
                pages++;
            }

            assertThat(seen).containsExactlyElementsOf(newestFirst);
            assertThat(pages).isEqualTo(3);
        }

        @Test
        void prevLinksLeadBackToTheNewerPosts() {
            HttpResult first = http.get(accountPosts() + "?limit=2").bearer(reader.token()).send();
            HttpResult second = http.get(first.field("next")).bearer(reader.token()).send();
            String prev = second.headers().allValues("Link").stream()
                    .flatMap(value -> Arrays.stream(value.split(",\\s*(?=<)")))
                    .filter(link -> link.endsWith("rel=\"prev\""))
                    .map(link -> link.substring(1, link.indexOf('>')))
                    .findFirst().orElseThrow();

            HttpResult back = http.get(prev).bearer(reader.token()).send();

            assertThat(ids(second)).containsExactlyElementsOf(newestFirst.subList(2, 4));
            assertThat(ids(back)).containsExactlyElementsOf(newestFirst.subList(0, 2));
        }

        @Test
        void lastIdContinuesAfterThatPost() {
            HttpResult page = http.get(accountPosts() + "?limit=2&last_id=" + newestFirst.get(1)).bearer(reader.token()).send();

            assertThat(ids(page)).containsExactlyElementsOf(newestFirst.subList(2, 4));
        }

        @Test
        void aPageTokenIsBoundToItsQuery() {
            HttpResult first = http.get(accountPosts() + "?limit=2&q=post").bearer(reader.token()).send();
            String token = first.field("next").replaceAll(".*page_token=([^&]+).*", "$1");

            assertThat(ids(http.get(accountPosts() + "?limit=2&q=post&page_token=" + token).bearer(reader.token()).send()))
                    .containsExactlyElementsOf(newestFirst.subList(2, 4));
            assertInvalidField(http.get(accountPosts() + "?limit=2&q=other&page_token=" + token).bearer(reader.token())
                    .send(), "page_token", "page_token_mismatch");
            assertInvalidField(http.get(accountPosts() + "?limit=2&page_token=" + token).bearer(reader.token())
                    .send(), "page_token", "page_token_mismatch");
            assertInvalidField(http.get(accountPosts() + "?page_token=garbage").bearer(reader.token()).send(),
                    "page_token", "invalid_page_token");
            assertInvalidField(http.get(accountPosts() + "?page_token=" + token + "&last_id=" + newestFirst.get(1))
                    .bearer(reader.token()).send(), "last_id", "conflicting_parameters");
        }

        @Test
        void theLimitIsOneToTheDocumentedMaximumAndAnythingElseIsRefusedByName() {
            HttpResult largest = http.get(accountPosts() + "?limit=100").bearer(reader.token()).send();

            assertThat(largest.status()).isEqualTo(200);
            assertThat(ids(largest)).hasSize(5);
            assertInvalidField(http.get(accountPosts() + "?limit=101").bearer(reader.token()).send(), "limit",
                    "out_of_range");
            assertInvalidField(http.get(accountPosts() + "?limit=500").bearer(reader.token()).send(), "limit",
                    "out_of_range");
            assertInvalidField(http.get(accountPosts() + "?limit=0").bearer(reader.token()).send(), "limit", "out_of_range");
            assertInvalidField(http.get(accountPosts() + "?limit=ten").bearer(reader.token()).send(), "limit",
                    "invalid_value");
        }

        @Test
        void unknownParametersFieldsAndOperatorsAreNamed() {
            HttpResult unknown = http.get(accountPosts() + "?colour=red&sort=-id&offset=5").bearer(reader.token()).send();

            assertInvalidField(unknown, "colour", "unknown_parameter");
            assertInvalidField(unknown, "sort", "unknown_parameter");
            assertInvalidField(unknown, "offset", "unknown_parameter");
            assertInvalidField(http.get(accountPosts() + "?fields=id,colour").bearer(reader.token()).send(), "fields",
                    "unknown_field");
            assertInvalidField(http.get(accountPosts() + "?created_at=ne:2026-01-01").bearer(reader.token()).send(),
                    "created_at", "unsupported_operator");
            assertInvalidField(http.get(accountPosts() + "?between=2026-01-01").bearer(reader.token()).send(), "between",
                    "invalid_range");
            assertInvalidField(http.get(accountPosts() + "?between=2026-02-01_yesterday").bearer(reader.token()).send(),
                    "between", "invalid_time");
        }

        @Test
        void fieldsSelectsWhatEachPostShows() {
            HttpResult projected = http.get(accountPosts() + "?fields=id,body&limit=1").bearer(reader.token()).send();

            JsonNode post = projected.json().get("data").get(0);
            assertThat(post.fieldNames()).toIterable().containsExactly("id", "body");
            assertThat(post.get("id").asText()).isEqualTo(newestFirst.getFirst());
        }

        @Test
        void timeWindowsAreHalfOpen() {
            JsonNode all = http.get(accountPosts()).bearer(reader.token()).send().json().get("data");
            String second = all.get(3).get("created_at").asText();
            String fourth = all.get(1).get("created_at").asText();

            assertThat(ids(http.get(accountPosts() + "?between=" + second + "_" + fourth).bearer(reader.token()).send()))
                    .containsExactly(newestFirst.get(2), newestFirst.get(3));
            assertThat(ids(http.get(accountPosts() + "?created_at=gt:" + second + "&created_at=lte:" + fourth)
                    .bearer(reader.token()).send()))
                    .containsExactly(newestFirst.get(1), newestFirst.get(2));
            assertThat(ids(http.get(accountPosts() + "?created_at=eq:" + second).bearer(reader.token()).send()))
                    .containsExactly(newestFirst.get(3));
            assertThat(ids(http.get(accountPosts() + "?between=2000-01-01_2000-01-02").bearer(reader.token()).send()))
                    .isEmpty();
        }

        @Test
        void searchIgnoresCaseAndCoversReadableChannels() {
            String word = PostFixtures.uniqueWord();
            String open = post(author, "Loud " + word.toUpperCase()).field("id");
            String channel = http.post("/v1/channels").bearer(author.token()).json("{\"name\":\"c\"}").send().field("id");
            String hidden = http.post("/v1/channels/" + channel + "/posts").bearer(author.token())
                    .json("{\"body\":\"quiet " + word + "\"}").send().field("id");

            assertThat(ids(http.get("/v1/posts?q=" + word).bearer(author.token()).send())).containsExactly(hidden, open);
            assertThat(ids(http.get("/v1/posts?q=" + word).bearer(reader.token()).send())).containsExactly(open);
            assertInvalidField(http.get("/v1/posts?q=").bearer(reader.token()).send(), "q", "required");
        }

        @Test
        void listsCarryAnETagAndAnswerIfNoneMatchWith304() {
            HttpResult list = http.get(accountPosts()).bearer(reader.token()).send();
            HttpResult again = http.get(accountPosts()).bearer(reader.token())
                    .header("If-None-Match", list.header("ETag").orElseThrow()).send();

            assertThat(again.status()).isEqualTo(304);
            post(author, "changes the list");
            assertThat(http.get(accountPosts()).bearer(reader.token())
                    .header("If-None-Match", list.header("ETag").orElseThrow()).send().status()).isEqualTo(200);
        }

        @Test
        void anUnknownAccountIsA404() {
            assertProblem(http.get("/v1/accounts/acct_01jc0000000000000000000000/posts").bearer(reader.token()).send(),
                    404, "account_not_found");
        }
    }

    @Test
    void theEntryPointLinksPostsAndChannels() {
        JsonNode root = http.get("/v1").send().json();

        assertThat(root.at("/_links/posts/href").asText()).isEqualTo("/v1/posts");
        assertThat(root.at("/_links/channels/href").asText()).isEqualTo("/v1/channels");
    }
}
