package dev.strata.app;

import dev.strata.core.identity.TokenSigner.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the token signing keys come from: {@code STRATA_TOKEN_KEYS} ({@code id:base64secret,...},
 * the first one signs), or else a key generated once and kept in the data folder, readable by its
 * owner only. The second is fine for one instance; several instances must share their keys through
 * the setting.
 */
final class TokenKeys {

    private static final Logger LOG = LoggerFactory.getLogger(TokenKeys.class);
    static final String FILE_NAME = "token-keys";

    private TokenKeys() {
    }

    static List<SigningKey> load(Optional<String> configured, Path dataDirectory) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return parse(configured.get());
        }
        Path file = dataDirectory.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dataDirectory);
                SigningKey key = SigningKey.generate("k1");
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                Files.writeString(file, format(key) + "\n", StandardCharsets.US_ASCII);
                LOG.warn("STRATA_TOKEN_KEYS is not set: generated a token signing key in {}. Set STRATA_TOKEN_KEYS "
                        + "when running more than one instance.", file);
            } else {
                LOG.warn("STRATA_TOKEN_KEYS is not set: using the token signing key in {}", file);
            }
            return parse(Files.readString(file, StandardCharsets.US_ASCII).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the token signing key in " + file, e);
        }
    }

    static List<SigningKey> parse(String text) {
        List<SigningKey> keys = new ArrayList<>();
        for (String entry : text.split(",")) {
            String trimmed = entry.strip();
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("a token key is written id:base64secret");
            }
            byte[] secret;
            try {
                secret = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the secret of token key " + trimmed.substring(0, colon)
                        + " is not base64", e);
            }
            keys.add(new SigningKey(trimmed.substring(0, colon), secret));
        }
        return keys;
    }

    static String format(SigningKey key) {
        return key.id() + ":" + Base64.getEncoder().encodeToString(key.secret());
    }
}
