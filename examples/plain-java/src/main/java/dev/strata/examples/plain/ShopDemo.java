package dev.strata.examples.plain;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.strata.core.identity.AuthenticatedSession;
import dev.strata.core.identity.Credentials;
import dev.strata.core.identity.IssuedSession;
import dev.strata.core.identity.NewAccount;
import dev.strata.core.identity.TokenSigner;
import dev.strata.core.orders.Order;
import dev.strata.core.orders.OrderDraft;
import dev.strata.core.orders.OrderItemDraft;
import dev.strata.core.posts.Post;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The example service's entry point: {@code SHOP_TOKEN_KEY} (base64 of 32 random bytes) signs the
 * tokens; with {@code SHOP_DB_URL} (a {@code jdbc:postgresql:} URL of an existing database) it
 * runs on PostgreSQL, otherwise on the in-memory stores. It signs a new customer up and in, posts,
 * orders, and prints what it did.
 */
public final class ShopDemo {

    private ShopDemo() {
    }

    /** Runs the demo once, on PostgreSQL when {@code SHOP_DB_URL} is set. */
    public static void main(String[] args) throws Exception {
        TokenSigner signer = StrataServices.signer("k1", Optional.ofNullable(System.getenv("SHOP_TOKEN_KEY"))
                .orElseThrow(() -> new IllegalStateException("set SHOP_TOKEN_KEY to: openssl rand -base64 32")));
        String url = System.getenv("SHOP_DB_URL");
        if (url == null) {
            try (StrataServices strata = StrataServices.inMemory(signer)) {
                System.out.println(run(strata));
            }
            return;
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        try (HikariDataSource pool = new HikariDataSource(config);
                StrataServices strata = StrataServices.onPostgres(pool, signer)) {
            System.out.println(run(strata));
        }
    }

    /** A customer's first visit: sign up, sign in, a post and an order; returns what it did, in a line. */
    public static String run(StrataServices strata) {
        String email = "customer-" + UUID.randomUUID() + "@example.com";
        strata.identity.createAccount(new NewAccount(email, "correct horse battery staple", "Grace"));
        IssuedSession issued = strata.identity.signIn(new Credentials(email, "correct horse battery staple"));
        AuthenticatedSession caller = strata.identity.verifySession(issued.token());
        Post post = strata.posts.createPost(caller, "My first order is on its way").value();
        Order order = strata.orders.create(caller, new OrderDraft("EUR",
                List.of(new OrderItemDraft("BOOK-1", 2, new BigDecimal("12.50"))), "gift")).value();
        List<Order> mine = strata.orders.list(caller).items(); // the first page, newest first
        return "signed up " + email + "; posted " + post.id().value() + "; ordered " + order.id().value() + " for "
                + order.amount() + " " + order.currency() + "; " + mine.size() + " order(s) listed";
    }
}
