package dev.strata.adapters.grpc.call;

import dev.strata.core.common.ValidationException;
import dev.strata.core.identity.AccountId;
import dev.strata.core.identity.SessionId;
import dev.strata.core.orders.OrderId;
import dev.strata.core.posts.ChannelId;
import dev.strata.core.posts.PostId;
import java.util.function.Function;

/**
 * Resource names (AIP-122) to typed ids and back: {@code accounts/{account_id}},
 * {@code accounts/{account_id}/sessions/{session_id}}, {@code posts/{post_id}},
 * {@code channels/{channel_id}}, {@code channels/{channel_id}/members/{account_id}} and
 * {@code orders/{order_id}}. A name that is empty, of another collection or holds a malformed id is
 * a {@link ValidationException} on the request field that carried it: INVALID_ARGUMENT, never a
 * silent NOT_FOUND.
 */
public final class ResourceNames {

    private static final String ACCOUNTS = "accounts/";
    private static final String POSTS = "posts/";
    private static final String CHANNELS = "channels/";
    private static final String ORDERS = "orders/";

    private ResourceNames() {
    }

    /** {@code accounts/{account_id}}. */
    public static String of(AccountId id) {
        return ACCOUNTS + id.value();
    }

    /** {@code accounts/{account_id}/sessions/{session_id}}. */
    public static String of(AccountId account, SessionId session) {
        return of(account) + "/sessions/" + session.value();
    }

    /** {@code posts/{post_id}}. */
    public static String of(PostId id) {
        return POSTS + id.value();
    }

    /** {@code channels/{channel_id}}. */
    public static String of(ChannelId id) {
        return CHANNELS + id.value();
    }

    /** {@code channels/{channel_id}/members/{account_id}}. */
    public static String of(ChannelId channel, AccountId member) {
        return of(channel) + "/members/" + member.value();
    }

    /** {@code orders/{order_id}}. */
    public static String of(OrderId id) {
        return ORDERS + id.value();
    }

    /** The account named {@code name}, sent in the request field {@code field}. */
    public static AccountId account(String field, String name) {
        return parse(field, name, ACCOUNTS, AccountId::new);
    }

    /** The post named {@code name}, sent in {@code field}. */
    public static PostId post(String field, String name) {
        return parse(field, name, POSTS, PostId::new);
    }

    /** The channel named {@code name}, sent in {@code field}. */
    public static ChannelId channel(String field, String name) {
        return parse(field, name, CHANNELS, ChannelId::new);
    }

    /** The order named {@code name}, sent in {@code field}. */
    public static OrderId order(String field, String name) {
        return parse(field, name, ORDERS, OrderId::new);
    }

    /** A session of an account: {@code accounts/{account_id}/sessions/{session_id}}, sent in {@code field}. */
    public record SessionName(AccountId account, SessionId session) {
    }

    /** A member of a channel: {@code channels/{channel_id}/members/{account_id}}, sent in {@code field}. */
    public record MemberName(ChannelId channel, AccountId account) {
    }

    /** The session named {@code name}, sent in {@code field}. */
    public static SessionName session(String field, String name) {
        String[] parts = nested(field, name, ACCOUNTS, "/sessions/");
        return new SessionName(parse(field, ACCOUNTS + parts[0], ACCOUNTS, AccountId::new),
                parse(field, "sessions/" + parts[1], "sessions/", SessionId::new));
    }

    /** The member named {@code name}, sent in {@code field}. */
    public static MemberName member(String field, String name) {
        String[] parts = nested(field, name, CHANNELS, "/members/");
        return new MemberName(parse(field, CHANNELS + parts[0], CHANNELS, ChannelId::new),
                parse(field, ACCOUNTS + parts[1], ACCOUNTS, AccountId::new));
    }

    /** The two ids of {@code parent/{a}/child/{b}}, or an error on {@code field}. */
    private static String[] nested(String field, String name, String collection, String child) {
        if (name == null || name.isEmpty()) {
            throw ValidationException.of(field, "required", "is required: " + collection + "{id}" + child + "{id}");
        }
        int middle = name.indexOf(child);
        if (!name.startsWith(collection) || middle < 0) {
            throw ValidationException.of(field, "malformed_name",
                    "must be a resource name " + collection + "{id}" + child + "{id}");
        }
        return new String[] {name.substring(collection.length(), middle), name.substring(middle + child.length())};
    }


    private static <T> T parse(String field, String name, String collection, Function<String, T> id) {
        if (name == null || name.isEmpty()) {
            throw ValidationException.of(field, "required", "is required: " + collection + "{id}");
        }
        if (!name.startsWith(collection) || name.indexOf('/', collection.length()) >= 0) {
            throw ValidationException.of(field, "malformed_name", "must be a resource name " + collection + "{id}");
        }
        try {
            return id.apply(name.substring(collection.length()));
        } catch (ValidationException malformed) {
            throw ValidationException.of(field, "malformed_id", "does not hold a well-formed id: "
                    + malformed.errors().getFirst().message());
        }
    }
}
