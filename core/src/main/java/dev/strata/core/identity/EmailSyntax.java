package dev.strata.core.identity;

import java.util.regex.Pattern;

/**
 * The email syntax Strata accepts: a dot-atom local part (RFC 5322, without quoted strings or
 * comments) of at most 64 characters, and a domain of at least two DNS labels.
 */
final class EmailSyntax {

    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern DOMAIN =
            Pattern.compile("([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    private EmailSyntax() {
    }

    static boolean isValid(String email) {
        int at = email.lastIndexOf('@');
        if (at <= 0 || at > 64 || at == email.length() - 1) {
            return false;
        }
        return LOCAL.matcher(email.substring(0, at)).matches() && DOMAIN.matcher(email.substring(at + 1)).matches();
    }
}
