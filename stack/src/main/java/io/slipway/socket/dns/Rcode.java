package io.slipway.socket.dns;

/** Response codes (RFC 1035 §4.1.1; NXDOMAIN is RFC 2308's name for code 3). */
public final class Rcode {
    public static final int NOERROR = 0;
    /** The server could not interpret the query. */
    public static final int FORMERR = 1;
    /** The server could not answer because of a problem of its own. */
    public static final int SERVFAIL = 2;
    /** The name does not exist (authoritative answers only). */
    public static final int NXDOMAIN = 3;
    /** The kind of query is not implemented (an opcode other than QUERY, a zone transfer). */
    public static final int NOTIMP = 4;
    /** The server will not answer this query (not its zone, recursion not offered). */
    public static final int REFUSED = 5;

    private Rcode() {
    }

    public static String name(int rcode) {
        return switch (rcode) {
            case NOERROR -> "NOERROR";
            case FORMERR -> "FORMERR";
            case SERVFAIL -> "SERVFAIL";
            case NXDOMAIN -> "NXDOMAIN";
            case NOTIMP -> "NOTIMP";
            case REFUSED -> "REFUSED";
            default -> "RCODE" + rcode;
        };
    }
}
