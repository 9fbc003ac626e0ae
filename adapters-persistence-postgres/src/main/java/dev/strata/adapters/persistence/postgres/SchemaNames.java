package dev.strata.adapters.persistence.postgres;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The schema each service's tables live in: {@code identity}, {@code posts} and {@code orders} by
 * default ({@link #DEFAULT}), or names of the host's choosing when Strata shares a database with
 * other tables (say {@code shop_identity}). A name is a lower-case SQL identifier of at most 63
 * characters (letters, digits and {@code _}, not starting with a digit), so it never needs quoting
 * and means the same on PostgreSQL and on H2; the three names differ. Migrations take the names
 * through Flyway's {@code ${flyway:defaultSchema}} placeholder and the stores qualify every table
 * with them. Immutable.
 *
 * @param identity the identity service's schema (accounts, sessions, failed sign-ins)
 * @param posts the posts service's schema (posts, channels, members)
 * @param orders the orders service's schema (orders and their items)
 */
public record SchemaNames(String identity, String posts, String orders) {

    // Before DEFAULT, which the constructor checks with it.
    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    /** The names Strata uses unless told otherwise: {@code identity}, {@code posts}, {@code orders}. */
    public static final SchemaNames DEFAULT = new SchemaNames("identity", "posts", "orders");

    /** Checks that every name is a plain lower-case identifier and that the three differ. */
    public SchemaNames {
        requireIdentifier("the identity schema name", identity);
        requireIdentifier("the posts schema name", posts);
        requireIdentifier("the orders schema name", orders);
        if (identity.equals(posts) || identity.equals(orders) || posts.equals(orders)) {
            throw new IllegalArgumentException("each service needs a schema of its own: " + List.of(identity, posts, orders));
        }
    }

    /** The three names, in the order the schemas are migrated: identity, posts, orders. */
    public List<String> all() {
        return List.of(identity, posts, orders);
    }

    static void requireIdentifier(String what, String name) {
        Objects.requireNonNull(name, what);
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " must be a lower-case SQL identifier"
                    + " (a-z, 0-9, _; at most 63 characters; not starting with a digit): " + name);
        }
    }
}
