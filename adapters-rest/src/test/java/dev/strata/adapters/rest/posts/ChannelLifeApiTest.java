package dev.strata.adapters.rest.posts;

import static dev.strata.adapters.rest.posts.PostsApiTest.assertInvalidField;
import static dev.strata.adapters.rest.posts.PostsApiTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.Accounts.SignedIn;
import dev.strata.adapters.rest.testing.HttpDriver;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.TestApi;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The caller's channels, renaming, deleting and leaving a channel, and its members page by page. */
class ChannelLifeApiTest {

    @RegisterExtension
    static final TestApi api = new TestApi();

    private final HttpDriver http = api.http;
    private SignedIn owner;
    private SignedIn member;
    private SignedIn stranger;
    private String channel;

    @BeforeEach
    void makeAChannel() {
        owner = Accounts.signUpAndIn(http);
        member = Accounts.signUpAndIn(http);
        stranger = Accounts.signUpAndIn(http);
        channel = http.post("/v1/channels").bearer(owner.token()).json("{\"name\":\"team\"}").send().field("id");
        assertThat(http.put("/v1/channels/" + channel + "/members/" + member.id()).bearer(owner.token()).send()
                .status()).isEqualTo(201);
    }

    private List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.get("data").forEach(item -> ids.add(item.has("id") ? item.get("id").asText() : item.get("account_id").asText()));
        return ids;
    }

    @Test
    void theCallersChannelsAreListedAndPagedByLinks() {
        String second = http.post("/v1/channels").bearer(member.token()).json("{\"name\":\"mine\"}").send().field("id");

        HttpResult first = http.get("/v1/channels?limit=1").bearer(member.token()).send();

        assertThat(first.status()).isEqualTo(200);
        assertThat(ids(first.json())).containsExactly(second);
        assertThat(first.json().get("has_more").asBoolean()).isTrue();
        HttpResult next = http.get(first.json().get("next").asText()).bearer(member.token()).send();
        assertThat(ids(next.json())).containsExactly(channel);
        assertThat(first.header("Link")).hasValueSatisfying(link -> assertThat(link).contains("rel=\"next\""));
        assertThat(ids(http.get("/v1/channels").bearer(stranger.token()).send().json())).isEmpty();
        assertThat(ids(http.get("/v1/channels?name=like:mi*").bearer(member.token()).send().json())).containsExactly(second);
        assertInvalidField(http.get("/v1/channels?sort=name").bearer(member.token()).send(), "sort",
                "unknown_sort_field");
    }

    @Test
    void onlyTheOwnerRenamesAgainstTheCurrentETag() {
        HttpResult read = http.get("/v1/channels/" + channel).bearer(owner.token()).send();
        String etag = read.header("ETag").orElseThrow();

        assertProblem(http.patch("/v1/channels/" + channel).bearer(owner.token())
                .body("application/merge-patch+json", "{\"name\":\"ops\"}").send(), 428, "precondition_required");
        assertProblem(http.patch("/v1/channels/" + channel).bearer(member.token()).header("If-Match", etag)
                .body("application/merge-patch+json", "{\"name\":\"ops\"}").send(), 403, "not_the_owner");
        assertProblem(http.patch("/v1/channels/" + channel).bearer(stranger.token()).header("If-Match", etag)
                .body("application/merge-patch+json", "{\"name\":\"ops\"}").send(), 404, "channel_not_found");
        assertInvalidField(http.patch("/v1/channels/" + channel).bearer(owner.token()).header("If-Match", etag)
                .body("application/merge-patch+json", "{\"owner_id\":\"x\",\"name\":\"ops\"}").send(), "owner_id",
                "read_only_field");
        HttpResult renamed = http.patch("/v1/channels/" + channel).bearer(owner.token()).header("If-Match", etag)
                .body("application/merge-patch+json", "{\"name\":\" ops \"}").send();

        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        assertThat(renamed.field("name")).isEqualTo("ops");
        assertThat(renamed.json().get("version").asLong()).isEqualTo(1);
        assertProblem(http.patch("/v1/channels/" + channel).bearer(owner.token()).header("If-Match", etag)
                .body("application/merge-patch+json", "{\"name\":\"late\"}").send(), 412, "version_mismatch");
    }

    @Test
    void theOwnerDeletesTheChannelWithItsPosts() {
        String post = http.post("/v1/channels/" + channel + "/posts").bearer(member.token())
                .json("{\"body\":\"by a member\"}").send().field("id");

        assertProblem(http.delete("/v1/channels/" + channel).bearer(member.token()).send(), 403, "not_the_owner");
        assertProblem(http.delete("/v1/channels/" + channel).bearer(stranger.token()).send(), 404, "channel_not_found");
        assertThat(http.delete("/v1/channels/" + channel).bearer(owner.token()).send().status()).isEqualTo(204);

        assertProblem(http.get("/v1/channels/" + channel).bearer(owner.token()).send(), 404, "channel_not_found");
        assertProblem(http.get("/v1/posts/" + post).bearer(member.token()).send(), 404, "post_not_found");
    }

    @Test
    void aMemberLeavesByRemovingItselfButTheOwnerCannotAndOthersAreTheOwners() {
        SignedIn third = Accounts.signUpAndIn(http);
        http.put("/v1/channels/" + channel + "/members/" + third.id()).bearer(owner.token()).send();

        assertProblem(http.delete("/v1/channels/" + channel + "/members/" + third.id()).bearer(member.token()).send(),
                403, "not_the_owner");
        assertProblem(http.delete("/v1/channels/" + channel + "/members/" + owner.id()).bearer(owner.token()).send(),
                409, "owner_cannot_leave");
        assertThat(http.delete("/v1/channels/" + channel + "/members/" + member.id()).bearer(member.token()).send()
                .status()).isEqualTo(204);

        assertProblem(http.get("/v1/channels/" + channel).bearer(member.token()).send(), 404, "channel_not_found");
        assertProblem(http.get("/v1/channels/" + channel + "/members/" + member.id()).bearer(owner.token()).send(),
                404, "member_not_found");
    }

    @Test
    void membersArePagedLikeEveryList() {
        HttpResult first = http.get("/v1/channels/" + channel + "/members?limit=1").bearer(member.token()).send();

        assertThat(first.status()).isEqualTo(200);
        assertThat(ids(first.json())).containsExactly(owner.id());
        HttpResult next = http.get(first.json().get("next").asText()).bearer(member.token()).send();
        assertThat(ids(next.json())).containsExactly(member.id());
        assertThat(next.json().get("has_more").asBoolean()).isFalse();
        assertThat(ids(http.get("/v1/channels/" + channel + "/members?sort=-joined_at").bearer(member.token()).send()
                .json())).containsExactly(member.id(), owner.id());
        assertProblem(http.get("/v1/channels/" + channel + "/members").bearer(stranger.token()).send(), 404,
                "channel_not_found");
    }
}
