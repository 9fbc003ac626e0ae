package dev.strata.app;

import java.math.BigDecimal;
import java.util.List;

/**
 * One API style (REST, gRPC or GraphQL) seen through the few operations the style-neutral
 * {@link ApiStyleContract} needs. Ids are the bare ids ({@code ord_...}, {@code acct_...}), states
 * lower case ({@code open}); a refusal is a {@link StyleFailure} with Strata's code and a
 * style-neutral {@link StyleFailure.Kind}. Tokens are bearer tokens, valid in every style.
 */
interface StyleDriver extends AutoCloseable {

    /** The style's name, for messages. */
    String name();

    /** Signs up; the new account's id. */
    String signUp(String email, String password, String displayName);

    /** Signs in. */
    SignedIn signIn(String email, String password);

    /** Creates an order, idempotently when {@code idempotencyKey} is not null. */
    OrderView createOrder(String token, OrderSpec order, String idempotencyKey);

    /** Reads an order. */
    OrderView getOrder(String token, String orderId);

    /** Changes an order's comment against {@code tag}, the concurrency tag of the version read. */
    OrderView updateOrderComment(String token, String orderId, String tag, String comment);

    /** Cancels an order; the order as it is then. */
    OrderView cancelOrder(String token, String orderId, String reason);

    /** Publishes a post, public when {@code channelId} is null. */
    PostView createPost(String token, String body, String channelId);

    /** Reads a post. */
    PostView getPost(String token, String postId);

    /** Deletes a post. */
    void deletePost(String token, String postId);

    /** Creates a channel; its id. */
    String createChannel(String token, String name);

    /** Adds an account to a channel. */
    void addMember(String token, String channelId, String accountId);

    /** How this style names core's field {@code coreField} (such as {@code items[0].quantity}) in its errors. */
    String fieldName(String coreField);

    @Override
    void close();

    /** A signed-in session: its bearer token and its account's id. */
    record SignedIn(String token, String accountId) {
    }

    /** What an order is made of. */
    record OrderSpec(String currency, List<Item> items, String comment) {
    }

    /** One line of an order; the price is a decimal string. */
    record Item(String sku, int quantity, String unitPrice) {
    }

    /**
     * An order as a style shows it: {@code version} is the number every style reports (REST's
     * {@code version}, gRPC's {@code etag}, GraphQL's {@code version}); {@code tag} is what the
     * style wants back for a conditional change (REST's {@code ETag}, gRPC's {@code etag}, GraphQL's
     * {@code version}).
     */
    record OrderView(String id, String ownerId, String state, String currency, List<Item> items, String amount,
            String comment, long version, String tag) {

        /** The amount as a number. */
        BigDecimal total() {
            return new BigDecimal(amount);
        }
    }

    /** A post as a style shows it; {@code channelId} is null for a public post. */
    record PostView(String id, String authorId, String channelId, String body, long version) {
    }
}
