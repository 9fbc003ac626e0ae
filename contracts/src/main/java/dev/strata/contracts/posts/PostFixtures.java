package dev.strata.contracts.posts;

import java.util.UUID;

/** Shared test helpers for the posts slice. */
public final class PostFixtures {

    /**
     * Text in many scripts and kinds: Hebrew (right-to-left), a zero-width joiner and space, an
     * emoji family of several code points, combining accents, and a line break.
     */
    public static final String UNICODE_BODY =
            "\u05e9\u05dc\u05d5\u05dd \u0639\u0627\u0644\u0645 \u200b\u200d \ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67"
                    + " e\u0301t\u00e9\nna\u00efve \u4f60\u597d";

    private PostFixtures() {
    }

    /** A word no other test uses, to search for in a database that tests share. */
    public static String uniqueWord() {
        return "w" + UUID.randomUUID().toString().replace("-", "");
    }
}
