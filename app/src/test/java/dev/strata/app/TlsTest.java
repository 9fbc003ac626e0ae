package dev.strata.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.adapters.persistence.postgres.StrataDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With a keystore configured, the API speaks HTTPS. */
class TlsTest {

    private static final String PASSWORD = "keystore secret";

    @TempDir
    Path directory;

    @Test
    void theApiIsServedOverHttpsWithTheKeystoresCertificate() throws Exception {
        Path keystore = selfSignedKeystore(directory.resolve("strata.p12"));
        Settings plain = RunningApp.settings(StrataDatabase.h2MemoryUrl("tls-test"));
        Settings settings = new Settings(plain.host(), plain.port(), plain.dataDirectory(), plain.databaseUrl(),
                plain.databaseUser(), plain.databasePassword(), plain.poolSize(), plain.statementTimeout(),
                plain.sessionLifetime(), plain.tokenKeys(), plain.shutdownGrace(), plain.maxBodyBytes(),
                plain.adminPort(), plain.readTimeout(), Optional.of(new TlsKeystore(keystore, PASSWORD)),
                Optional.empty(), List.of(), plain.shutdownDelay());

        try (RunningApp app = RunningApp.start(settings)) {
            URI root = app.server.uri().resolve("/v1");
            HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(keystore)).build();

            HttpResponse<String> response = trusting.send(HttpRequest.newBuilder(root).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(root.getScheme()).isEqualTo("https");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("/v1/accounts");
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(root).build(),
                    HttpResponse.BodyHandlers.ofString()))
                    .as("a client that does not trust the certificate refuses it").isInstanceOf(IOException.class);
        }
    }

    private static Path selfSignedKeystore(Path file) throws Exception {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process process = new ProcessBuilder(keytool, "-genkeypair", "-alias", "strata", "-keyalg", "EC",
                "-groupname", "secp256r1", "-validity", "2", "-dname", "CN=localhost",
                "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", file.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor()).as(output).isZero();
        return file;
    }

    private static SSLContext trusting(Path keystore) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, PASSWORD.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
