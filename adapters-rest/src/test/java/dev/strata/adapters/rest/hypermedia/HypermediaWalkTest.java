package dev.strata.adapters.rest.hypermedia;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.strata.adapters.rest.testing.Accounts;
import dev.strata.adapters.rest.testing.HttpDriver;
import dev.strata.adapters.rest.testing.HttpResult;
import dev.strata.adapters.rest.testing.TestApi;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A client that knows one URL, {@code /v1}, and the relation names: it signs up, signs in, orders,
 * pays and ships by following {@code _links} alone, never building a URL; and each response offers
 * exactly the transitions its state allows.
 */
class HypermediaWalkTest {

    @RegisterExtension
    static final TestApi api = new TestApi();

    private final HttpDriver http = api.http;

    /** The href of relation {@code rel} in a representation's {@code _links}; fails when it is absent. */
    private static String follow(JsonNode representation, String rel) {
        JsonNode href = representation.path("_links").path(rel).path("href");
        assertThat(href.isTextual()).as("a %s link in %s", rel, representation).isTrue();
        return href.asText();
    }

    private static JsonNode ok(HttpResult result, int status) {
        assertThat(result.status()).as(result.toString()).isEqualTo(status);
        return result.json();
    }

    @Test
    void aClientWalksFromTheEntryPointToAShippedOrderByLinksAlone() {
        JsonNode root = ok(http.get("/v1").send(), 200);
        String email = "walker-" + UUID.randomUUID() + "@example.com";

        ok(http.post(follow(root, "accounts")).json("{\"email\":\"" + email + "\",\"password\":\""
                + Accounts.PASSWORD + "\",\"display_name\":\"Walker\"}").send(), 201);
        JsonNode session = ok(http.post(follow(root, "sessions")).json("{\"email\":\"" + email + "\",\"password\":\""
                + Accounts.PASSWORD + "\"}").send(), 201);
        String token = session.get("token").asText();
        JsonNode me = ok(http.get(follow(root, "me")).bearer(token).send(), 200);
        assertThat(follow(me.get("account"), "self")).isEqualTo(follow(session.get("account"), "self"));

        JsonNode order = ok(http.post(follow(root, "orders")).bearer(token)
                .json("{\"currency\":\"EUR\",\"items\":[{\"sku\":\"BOOK-42\",\"quantity\":1,\"unit_price\":\"9.99\"}]}")
                .send(), 201);
        assertThat(order.get("_links").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("self", "owner", "payment", "cancellation");
        assertThat(follow(order, "owner")).isEqualTo(follow(session.get("account"), "self"));

        JsonNode payment = ok(http.post(follow(order, "payment")).bearer(token).send(), 201);
        JsonNode paid = ok(http.get(follow(payment, "order")).bearer(token).send(), 200);
        assertThat(paid.get("state").asText()).isEqualTo("paid");
        assertThat(paid.get("_links").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("self", "owner", "shipment", "cancellation");

        JsonNode shipment = ok(http.post(follow(paid, "shipment")).bearer(token).send(), 201);
        JsonNode shipped = ok(http.get(follow(shipment, "order")).bearer(token).send(), 200);
        assertThat(shipped.get("state").asText()).isEqualTo("shipped");
        assertThat(shipped.get("_links").fieldNames()).toIterable().containsExactlyInAnyOrder("self", "owner");
        assertThat(ok(http.get(follow(shipped, "owner")).bearer(token).send(), 200).get("email").asText())
                .isEqualTo(email);
    }

    @Test
    void aCancelledOrderOffersNoTransition() {
        Accounts.SignedIn buyer = Accounts.signUpAndIn(http);
        JsonNode root = ok(http.get("/v1").send(), 200);
        JsonNode order = ok(http.post(follow(root, "orders")).bearer(buyer.token())
                .json("{\"currency\":\"EUR\",\"items\":[{\"sku\":\"A\",\"quantity\":1,\"unit_price\":\"1.00\"}]}")
                .send(), 201);

        JsonNode cancellation = ok(http.post(follow(order, "cancellation")).bearer(buyer.token())
                .json("{\"reason\":\"changed my mind\"}").send(), 201);
        JsonNode cancelled = ok(http.get(follow(cancellation, "order")).bearer(buyer.token()).send(), 200);

        assertThat(cancelled.get("_links").fieldNames()).toIterable().containsExactlyInAnyOrder("self", "owner");
    }

    @Test
    void postsChannelsAndMembersLinkToWhatTheyRelateTo() {
        Accounts.SignedIn owner = Accounts.signUpAndIn(http);
        JsonNode root = ok(http.get("/v1").send(), 200);
        JsonNode channel = ok(http.post(follow(root, "channels")).bearer(owner.token()).json("{\"name\":\"team\"}")
                .send(), 201);
        JsonNode post = ok(http.post(follow(channel, "posts")).bearer(owner.token()).json("{\"body\":\"hello\"}")
                .send(), 201);

        assertThat(ok(http.get(follow(post, "channel")).bearer(owner.token()).send(), 200).get("id"))
                .isEqualTo(channel.get("id"));
        JsonNode authorsPosts = ok(http.get(follow(post, "author")).bearer(owner.token()).send(), 200);
        assertThat(authorsPosts.get("data").get(0).get("id")).isEqualTo(post.get("id"));
        JsonNode members = ok(http.get(follow(channel, "members")).bearer(owner.token()).send(), 200);
        JsonNode member = members.get("data").get(0);
        assertThat(member.get("account_id").asText()).isEqualTo(owner.id());
        assertThat(ok(http.get(follow(member, "self")).bearer(owner.token()).send(), 200).get("role").asText())
                .isEqualTo("owner");
        assertThat(ok(http.get(follow(member, "channel")).bearer(owner.token()).send(), 200).get("id"))
                .isEqualTo(channel.get("id"));
        JsonNode channelPosts = ok(http.get(follow(channel, "posts")).bearer(owner.token()).send(), 200);
        assertThat(channelPosts.get("data").get(0).get("id")).isEqualTo(post.get("id"));
    }
}
