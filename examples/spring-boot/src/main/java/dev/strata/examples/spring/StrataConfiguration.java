package dev.strata.examples.spring;

import dev.strata.adapters.persistence.postgres.SchemaNames;
import dev.strata.adapters.persistence.postgres.StrataDatabase;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.identity.PasswordHasher;
import dev.strata.core.identity.TokenSigner;
import dev.strata.core.orders.OrderService;
import dev.strata.core.posts.PostService;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Strata's services as beans, over Spring's {@link DataSource}: the database is opened over it
 * (Spring keeps and closes the pool), migrated at start into the schemas named by
 * {@code strata.schemas.*}, and expired sessions are purged every ten minutes.
 */
@Configuration(proxyBeanMethods = false)
public class StrataConfiguration {

    /** Strata's stores over Spring's pool; closing it at shutdown leaves the pool to Spring. */
    @Bean
    StrataDatabase strataDatabase(DataSource dataSource, @Value("${strata.schemas.identity}") String identity,
            @Value("${strata.schemas.posts}") String posts, @Value("${strata.schemas.orders}") String orders) {
        StrataDatabase database = StrataDatabase.over(dataSource, new SchemaNames(identity, posts, orders));
        database.migrate();
        return database;
    }

    /** Tokens signed with a key from the configuration: a generated one would end every session at restart. */
    @Bean
    TokenSigner tokenSigner(@Value("${strata.token-key}") String base64Key) {
        return new TokenSigner(List.of(new TokenSigner.SigningKey("k1", Base64.getDecoder().decode(base64Key))));
    }

    @Bean
    IdentityService identityService(StrataDatabase database, TokenSigner signer) {
        return new IdentityService(database.identityStore(), Clock.systemUTC(), new PasswordHasher(), signer);
    }

    @Bean
    PostService postService(StrataDatabase database, IdentityService identity) {
        return new PostService(database.postStore(), identity, Clock.systemUTC());
    }

    @Bean
    OrderService orderService(StrataDatabase database) {
        return new OrderService(database.orderStore(), Clock.systemUTC());
    }

    /** Housekeeping: Strata deletes expired sessions and old failed sign-ins only when asked. */
    @Bean
    Housekeeping housekeeping(IdentityService identity) {
        return new Housekeeping(identity);
    }

    /** Calls {@link IdentityService#purgeExpired()} every ten minutes. */
    static final class Housekeeping {

        private final IdentityService identity;

        Housekeeping(IdentityService identity) {
            this.identity = identity;
        }

        @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT10M")
        void purgeExpired() {
            identity.purgeExpired();
        }
    }
}
