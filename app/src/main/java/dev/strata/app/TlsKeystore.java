package dev.strata.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.Objects;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The key and certificate the API serves HTTPS with: a keystore file (PKCS #12 or JKS, as
 * {@code keytool} makes them) and its password, from {@code STRATA_TLS_KEYSTORE} and
 * {@code STRATA_TLS_KEYSTORE_PASSWORD}. Its {@code toString()} never shows the password.
 */
record TlsKeystore(Path file, String password) {

    TlsKeystore {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(password, "password");
    }

    /** A TLS context serving the keystore's key; fails at start, not at the first request. */
    SSLContext context() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the TLS keystore " + file + " is unusable: " + e.getMessage(), e);
        }
    }

    /** The key managers of the keystore's key, for servers that take them rather than a context (gRPC). */
    KeyManager[] keyManagers() {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance(file.toString().endsWith(".jks") ? "JKS" : "PKCS12");
            store.load(in, password.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password.toCharArray());
            return keys.getKeyManagers();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the TLS keystore " + file + " (wrong password?)", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("the TLS keystore " + file + " is unusable: " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "TlsKeystore[file=" + file + ", password=***]";
    }
}
