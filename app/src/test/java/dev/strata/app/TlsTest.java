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
                Optional.empty(), List.of());

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

    @Test
    void grpcIsServedOverTlsWithTheSameKeystore() throws Exception {
        Path keystore = selfSignedKeystore(directory.resolve("strata.p12"));
        Settings plain = RunningApp.settings(StrataDatabase.h2MemoryUrl("grpc-tls-test"));
        int grpcPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            grpcPort = socket.getLocalPort();
        }
        Settings settings = new Settings(plain.host(), plain.port(), plain.dataDirectory(), plain.databaseUrl(),
                plain.databaseUser(), plain.databasePassword(), plain.poolSize(), plain.statementTimeout(),
                plain.sessionLifetime(), plain.tokenKeys(), plain.shutdownGrace(), plain.maxBodyBytes(),
                plain.adminPort(), plain.readTimeout(), Optional.of(new TlsKeystore(keystore, PASSWORD)),
                Optional.empty(), List.of()).withGrpcPort(grpcPort);

        try (RunningApp app = RunningApp.start(settings)) {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keystore)) {
                store.load(in, PASSWORD.toCharArray());
            }
            trust.init(store);
            io.grpc.ManagedChannel trusting = io.grpc.Grpc.newChannelBuilderForAddress("localhost", grpcPort,
                    io.grpc.TlsChannelCredentials.newBuilder().trustManager(trust.getTrustManagers()).build()).build();
            io.grpc.ManagedChannel plaintext = io.grpc.Grpc.newChannelBuilderForAddress("localhost", grpcPort,
                    io.grpc.InsecureChannelCredentials.create()).build();
            try {
                assertThat(io.grpc.health.v1.HealthGrpc.newBlockingStub(trusting)
                        .check(io.grpc.health.v1.HealthCheckRequest.getDefaultInstance()).getStatus())
                        .isEqualTo(io.grpc.health.v1.HealthCheckResponse.ServingStatus.SERVING);
                assertThatThrownBy(() -> io.grpc.health.v1.HealthGrpc.newBlockingStub(plaintext)
                        .check(io.grpc.health.v1.HealthCheckRequest.getDefaultInstance()))
                        .as("a plaintext client gets no answer").isInstanceOf(io.grpc.StatusRuntimeException.class);
            } finally {
                trusting.shutdownNow();
                plaintext.shutdownNow();
            }
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
