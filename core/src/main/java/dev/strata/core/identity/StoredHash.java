package dev.strata.core.identity;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Argon2id hash as stored: its parameters, salt and digest, written as a PHC string
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<digest>}, both in unpadded standard base64), the
 * format Argon2's reference implementation and Spring Security's encoder write. Only the canonical
 * form is read back: what {@link #toString} writes, so that reading a string and writing it again
 * gives the same string.
 */
record StoredHash(PasswordHasher.Parameters parameters, byte[] salt, byte[] digest) {

    /** Argon2's shortest salt (RFC 9106, 3.1). */
    static final int MIN_SALT_BYTES = 8;
    /** Argon2's shortest tag (RFC 9106, 3.1). */
    static final int MIN_DIGEST_BYTES = 4;

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=([1-9][0-9]{0,9}),t=([1-9][0-9]{0,9}),p=([1-9][0-9]{0,9})"
                    + "\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final Base64.Encoder BASE64 = Base64.getEncoder().withoutPadding();

    StoredHash {
        Objects.requireNonNull(parameters, "parameters");
        if (!argon2Takes(salt, digest)) {
            throw new IllegalArgumentException("an Argon2 salt has at least 8 bytes and a digest at least 4");
        }
        salt = salt.clone();
        digest = digest.clone();
    }

    /** The hash {@code text} holds, or empty when it is not one in the canonical form. */
    static Optional<StoredHash> parse(String text) {
        Matcher phc = PHC.matcher(text);
        if (!phc.matches()) {
            return Optional.empty();
        }
        long memory = Long.parseLong(phc.group(1));
        long iterations = Long.parseLong(phc.group(2));
        long parallelism = Long.parseLong(phc.group(3));
        Optional<byte[]> salt = base64(phc.group(4));
        Optional<byte[]> digest = base64(phc.group(5));
        if (memory > Integer.MAX_VALUE || iterations > Integer.MAX_VALUE || parallelism > MAX_PARALLELISM
                || !PasswordHasher.Parameters.valid((int) memory, (int) iterations, (int) parallelism)
                || salt.isEmpty() || digest.isEmpty() || !argon2Takes(salt.get(), digest.get())) {
            return Optional.empty();
        }
        return Optional.of(new StoredHash(new PasswordHasher.Parameters((int) memory, (int) iterations,
                (int) parallelism), salt.get(), digest.get()));
    }

    /** Whether Argon2 takes a salt and a digest of these lengths (RFC 9106, 3.1). */
    private static boolean argon2Takes(byte[] salt, byte[] digest) {
        return salt.length >= MIN_SALT_BYTES && digest.length >= MIN_DIGEST_BYTES;
    }

    /** Argon2's largest number of lanes (RFC 9106, 3.1). */
    private static final long MAX_PARALLELISM = (1 << 24) - 1;

    /** Unpadded base64 whose bytes give back exactly {@code text}: no stray bits in its last character. */
    private static Optional<byte[]> base64(String text) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            return BASE64.encodeToString(bytes).equals(text) ? Optional.of(bytes) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public byte[] salt() {
        return salt.clone();
    }

    @Override
    public byte[] digest() {
        return digest.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredHash hash && parameters.equals(hash.parameters)
                && Arrays.equals(salt, hash.salt) && Arrays.equals(digest, hash.digest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(parameters, Arrays.hashCode(salt), Arrays.hashCode(digest));
    }

    /** The PHC string. */
    @Override
    public String toString() {
        return "$argon2id$v=19$m=" + parameters.memoryKiB() + ",t=" + parameters.iterations() + ",p="
                + parameters.parallelism() + "$" + BASE64.encodeToString(salt) + "$" + BASE64.encodeToString(digest);
    }
}
