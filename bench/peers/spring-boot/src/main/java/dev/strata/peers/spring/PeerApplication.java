package dev.strata.peers.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring Boot peer of Strata's benchmarks: {@code GET /v1/sessions/me} and
 * {@code POST /v1/orders} over Strata's PostgreSQL schema, written as Spring Boot's guides show
 * (Spring MVC controllers, {@code JdbcClient} over HikariCP, virtual threads on). Configured by
 * {@code PEER_PORT}, {@code PEER_DB_URL}, {@code PEER_DB_USER}, {@code PEER_DB_PASSWORD},
 * {@code PEER_POOL_SIZE} and {@code STRATA_TOKEN_KEYS} (see application.properties).
 */
@SpringBootApplication
public class PeerApplication {

    public static void main(String[] args) {
        SpringApplication.run(PeerApplication.class, args);
    }
}
