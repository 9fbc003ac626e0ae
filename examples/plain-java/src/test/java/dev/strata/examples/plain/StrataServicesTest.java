package dev.strata.examples.plain;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.strata.core.identity.Credentials;
import dev.strata.core.identity.NewAccount;
import dev.strata.core.identity.SessionId;
import dev.strata.core.identity.TokenSigner;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Runs the example as its service would: on the in-memory stores, and on PostgreSQL (the server at
 * {@code STRATA_TEST_PG_URL} when set, an embedded one otherwise) over a pool the test owns.
 */
class StrataServicesTest {

    private static final String KEY = Base64.getEncoder().encodeToString("an example key of 32 bytes, no more".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    private static EmbeddedPostgres embedded;
    private static HikariDataSource pool;

    @BeforeAll
    static void openThePool() throws Exception {
        String url = System.getenv("STRATA_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            embedded = EmbeddedPostgres.builder().start();
            url = embedded.getJdbcUrl("postgres", "postgres");
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setMaximumPoolSize(4);
        pool = new HikariDataSource(config);
    }

    @AfterAll
    static void closeThePool() throws Exception {
        pool.close();
        if (embedded != null) {
            embedded.close();
        }
    }

    @Test
    void theDemoRunsOnTheInMemoryStores() throws Exception {
        try (StrataServices strata = StrataServices.inMemory(StrataServices.signer("k1", KEY))) {
            assertThat(ShopDemo.run(strata)).contains("ordered ord_", "for 25.00 EUR", "1 order(s) listed");
        }
    }

    @Test
    void theDemoRunsOnPostgresAndLeavesTheServicesPoolOpen() throws Exception {
        try (StrataServices strata = StrataServices.onPostgres(pool, StrataServices.signer("k1", KEY))) {
            assertThat(ShopDemo.run(strata)).contains("posted post_", "ordered ord_", "for 25.00 EUR", "1 order(s) listed");
        }

        assertThat(pool.isClosed()).isFalse();
        try (var connection = pool.getConnection()) {
            assertThat(connection.isValid(1)).isTrue();
        }
    }

    @Test
    void aTokenOutlivesTheProcessThatIssuedItWhenTheKeyIsKeptOutside() throws Exception {
        String email = "returning-" + UUID.randomUUID() + "@example.com";
        String token;
        try (StrataServices first = StrataServices.onPostgres(pool, StrataServices.signer("k1", KEY))) {
            first.identity.createAccount(new NewAccount(email, "correct horse battery staple", "Ada"));
            token = first.identity.signIn(new Credentials(email, "correct horse battery staple")).token();
        }

        try (StrataServices restarted = StrataServices.onPostgres(pool, StrataServices.signer("k1", KEY))) {
            assertThat(restarted.identity.verifySession(token).account().email()).isEqualTo(email);
        }
    }

    @Test
    void aKeyFileWithATrailingNewlineReadsAsTheSameKey(@TempDir Path folder) throws Exception {
        Path file = Files.writeString(folder.resolve("token-key"), KEY + "\n");
        TokenSigner fromFile = StrataServices.signer("k1", Files.readString(file));

        assertThat(fromFile.verify(StrataServices.signer("k1", KEY).sign(
                SessionId.generate()))).isPresent();
    }

    @Test
    void theReadmeShowsThisVeryWiring() throws Exception {
        Path readme = Path.of("../../README.md");
        String text = Files.readString(readme);
        int start = text.indexOf("<!-- embedding:start -->\n```java\n");
        int end = text.indexOf("```\n<!-- embedding:end -->");
        assertThat(start).as("README marks the embedding").isNotNegative();

        assertThat(text.substring(start + "<!-- embedding:start -->\n```java\n".length(), end))
                .isEqualTo(Files.readString(Path.of("src/main/java/dev/strata/examples/plain/StrataServices.java")));
    }

    @Test
    void logsGoToLogbackNotToSlf4jsNoProviderFallback() {
        assertThat(LoggerFactory.getILoggerFactory()).isInstanceOf(LoggerContext.class);
    }
}
