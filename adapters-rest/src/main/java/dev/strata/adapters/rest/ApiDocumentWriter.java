package dev.strata.adapters.rest;

import dev.strata.adapters.rest.docs.ApiDocument;
import dev.strata.adapters.rest.docs.ApiDocumentation;
import dev.strata.adapters.rest.docs.PublishedDocument;
import dev.strata.core.identity.IdentityService;
import dev.strata.core.identity.PasswordHasher;
import dev.strata.core.identity.TokenSigner;
import dev.strata.core.identity.store.IdentityStore;
import dev.strata.core.orders.OrderService;
import dev.strata.core.orders.store.OrderStore;
import dev.strata.core.posts.PostService;
import dev.strata.core.posts.store.PostStore;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes the API's OpenAPI documents at build time ({@code process-classes}, see this module's
 * pom): one per set of resources that {@link StrataApi} registers (identity alone, with posts, with
 * orders, with both), as JSON and YAML, and an index of them, into the class-path folder
 * {@link PublishedDocument#FOLDER}, so that they ship in the jar and the server reads the one it
 * serves instead of running swagger. The sets come from real {@code StrataApi} instances, so they
 * cannot drift from what a server registers; {@code BuiltDocumentsTest} checks every written
 * document against one generated afresh.
 */
public final class ApiDocumentWriter {

    private ApiDocumentWriter() {
    }

    /** Writes the documents under the class-path root {@code args[0]} (this module's {@code target/classes}). */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: ApiDocumentWriter <class-path root to write into>");
        }
        write(Path.of(args[0]));
    }

    /** Writes every document and the index under {@code root}. */
    public static void write(Path root) throws IOException {
        Path folder = root.resolve(PublishedDocument.FOLDER);
        Files.createDirectories(folder);
        StringBuilder index = new StringBuilder("# Written by ApiDocumentWriter: each document's name, then the"
                + " resource classes it describes.\n");
        for (Map.Entry<String, Set<Class<?>>> entry : documentedSets().entrySet()) {
            ApiDocument document = ApiDocument.generate(entry.getValue(), PublishedDocument.SERVER_URL_PLACEHOLDER);
            Files.write(folder.resolve(entry.getKey() + ".json"), checked(document.json(), PublishedDocument.JSON_SERVER_LINE));
            Files.write(folder.resolve(entry.getKey() + ".yaml"), checked(document.yaml(), PublishedDocument.YAML_SERVER_LINE));
            index.append(entry.getKey()).append('=').append(PublishedDocument.key(entry.getValue())).append('\n');
        }
        Files.writeString(root.resolve(PublishedDocument.INDEX), index, StandardCharsets.ISO_8859_1);
    }

    /**
     * Every set of resource classes a {@link StrataApi} can serve, by the document's name: what each
     * builder's parts register, read from the application itself.
     */
    public static Map<String, Set<Class<?>>> documentedSets() {
        IdentityService identity = new IdentityService(unused(IdentityStore.class), Clock.systemUTC(),
                new PasswordHasher(PasswordHasher.RECOMMENDED, 1, Duration.ZERO),
                new TokenSigner(List.of(TokenSigner.SigningKey.generate("openapi"))));
        PostService posts = new PostService(unused(PostStore.class), identity, Clock.systemUTC());
        OrderService orders = new OrderService(unused(OrderStore.class), Clock.systemUTC());
        Map<String, Set<Class<?>>> sets = new LinkedHashMap<>();
        sets.put("identity", documented(StrataApi.builder(identity).build()));
        sets.put("identity-posts", documented(StrataApi.builder(identity).posts(posts).build()));
        sets.put("identity-orders", documented(StrataApi.builder(identity).orders(orders).build()));
        sets.put("identity-posts-orders", documented(StrataApi.builder(identity).posts(posts).orders(orders).build()));
        return sets;
    }

    /** The resource classes that the application's documentation feature describes. */
    private static Set<Class<?>> documented(StrataApi api) {
        return api.getInstances().stream().filter(ApiDocumentation.class::isInstance).map(ApiDocumentation.class::cast)
                .findFirst().orElseThrow(() -> new IllegalStateException("StrataApi registers no ApiDocumentation"))
                .resourceClasses();
    }

    private static byte[] checked(byte[] document, String serverLine) {
        if (!PublishedDocument.namesItsServerOnce(document, serverLine)) {
            throw new IllegalStateException("swagger no longer writes the server's URL as " + serverLine.strip()
                    + " exactly once: PublishedDocument could not name the server");
        }
        return document;
    }

    /** A store the documents never reach: building the application calls none of its methods. */
    private static <T> T unused(Class<T> port) {
        return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (proxy, method, args) -> {
            throw new UnsupportedOperationException("the document writer serves nothing: " + method);
        }));
    }
}
