package dev.strata.adapters.rest.http;

import java.util.Objects;

/**
 * A request header Strata acts on does not follow its grammar. {@link ProblemMapper} answers it
 * with a 400 problem, code {@code malformed_header}, naming the header.
 */
public final class MalformedHeaderException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String header;

    public MalformedHeaderException(String header, String reason) {
        super(reason, null, false, false);
        this.header = Objects.requireNonNull(header, "header");
    }

    /** The header's name, as Strata spells it ({@code If-None-Match}). */
    public String header() {
        return header;
    }
}
