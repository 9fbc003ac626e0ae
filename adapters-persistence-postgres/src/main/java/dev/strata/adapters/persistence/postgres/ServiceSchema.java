package dev.strata.adapters.persistence.postgres;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One service's schema, as its store sees it: the store's statements are written against the
 * service's default schema name ({@code identity.accounts}) and {@link #sql(String)} qualifies
 * them with the name the store was given instead. Only a whole identifier followed by a dot is
 * replaced ({@code posts.posts} becomes {@code blog.posts}). Immutable and thread-safe; for use by
 * Strata's own stores.
 */
public final class ServiceSchema {

    private final String name;
    /** False when the schema has its default name: then every statement is already right as written. */
    private final boolean renamed;
    private final Pattern defaultQualifier;
    private final String replacement;

    private ServiceSchema(String defaultName, String name) {
        this.name = name;
        this.renamed = !defaultName.equals(name);
        this.defaultQualifier = Pattern.compile("\\b" + Pattern.quote(defaultName) + "\\.");
        this.replacement = Matcher.quoteReplacement(name + ".");
    }

    /**
     * The schema called {@code name} for statements written against {@code defaultName}.
     *
     * @param defaultName the name the statements are written with, such as {@code identity}
     * @param name the schema the tables are really in, one of a valid {@link SchemaNames}
     */
    public static ServiceSchema of(String defaultName, String name) {
        SchemaNames.requireIdentifier("the schema name", name);
        return new ServiceSchema(Objects.requireNonNull(defaultName, "defaultName"), name);
    }

    /** The schema's real name. */
    public String name() {
        return name;
    }

    /** {@code statement} with every table qualified by this schema's real name. */
    public String sql(String statement) {
        // Runs for every statement a store sends; with the default name there is nothing to replace.
        return renamed ? defaultQualifier.matcher(statement).replaceAll(replacement) : statement;
    }
}
