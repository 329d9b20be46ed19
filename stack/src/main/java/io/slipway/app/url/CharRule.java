package io.slipway.app.url;

/**
 * Which characters each part of a URL may hold as they are (RFC 3986 §2.2, §2.3, §3). Anything
 * else must be percent-encoded; {@code '%'} itself is always allowed here as the start of a
 * {@code pct-encoded} triplet, which {@link CharacterCheck} checks separately (§2.1).
 */
enum CharRule {
    /** §3.2.1: {@code userinfo = *( unreserved / pct-encoded / sub-delims / ":" )}. */
    USERINFO("userinfo", "in the user name or password") {
        @Override
        boolean allows(char c) {
            return isUnreserved(c) || isSubDelim(c) || c == ':';
        }
    },
    /** §3.3: segments of {@code pchar} separated by {@code "/"}. */
    PATH("path", "in a path") {
        @Override
        boolean allows(char c) {
            return isPchar(c) || c == '/';
        }
    },
    /** §3.4: {@code query = *( pchar / "/" / "?" )}. */
    QUERY("query", "in a query") {
        @Override
        boolean allows(char c) {
            return isPchar(c) || c == '/' || c == '?';
        }
    },
    /** §3.5: {@code fragment = *( pchar / "/" / "?" )}; a second {@code '#'} is not among them. */
    FRAGMENT("fragment", "in a fragment") {
        @Override
        boolean allows(char c) {
            return isPchar(c) || c == '/' || c == '?';
        }
    },
    /**
     * RFC 6068 §2: the addresses of a mailto URL are {@code qchar = unreserved / pct-encoded /
     * some-delims}, where {@code some-delims} are {@code ! $ ' ( ) * + , ; : @}: not {@code &}
     * and {@code =}, which delimit header fields, nor {@code /}.
     */
    MAILBOX("mailbox", "in a mailto address") {
        @Override
        boolean allows(char c) {
            return isUnreserved(c) || "!$'()*+,;:@".indexOf(c) >= 0;
        }
    },
    /** RFC 5538 §2.2: a newsgroup or message-id is one path segment, {@code *pchar}. */
    NEWS("newsgroup", "in a news URL") {
        @Override
        boolean allows(char c) {
            return isPchar(c);
        }
    };

    /** The part an error names, as {@link UrlException#part()}. */
    final String part;
    /** Ends "... is not allowed " in an error message. */
    final String where;

    CharRule(String part, String where) {
        this.part = part;
        this.where = where;
    }

    /** Whether {@code c} may appear as it is (not percent-encoded); {@code '%'} is checked apart. */
    abstract boolean allows(char c);

    static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isHexDigit(char c) {
        return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** §2.3: {@code unreserved = ALPHA / DIGIT / "-" / "." / "_" / "~"}. */
    static boolean isUnreserved(char c) {
        return isAlpha(c) || isDigit(c) || c == '-' || c == '.' || c == '_' || c == '~';
    }

    /** §2.2: {@code sub-delims = "!" / "$" / "&" / "'" / "(" / ")" / "*" / "+" / "," / ";" / "="}. */
    static boolean isSubDelim(char c) {
        return "!$&'()*+,;=".indexOf(c) >= 0;
    }

    /** §3.3: {@code pchar = unreserved / pct-encoded / sub-delims / ":" / "@"}, less the {@code '%'}. */
    static boolean isPchar(char c) {
        return isUnreserved(c) || isSubDelim(c) || c == ':' || c == '@';
    }
}
