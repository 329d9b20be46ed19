package io.slipway.socket.dns;

/**
 * A DNS message that does not parse (RFC 1035 §4.1): truncated, a count larger than the message,
 * a compression pointer that loops or points outside, an oversize label or name, RDATA whose
 * length does not match its type. A server answers FORMERR; a resolver drops the response.
 */
public final class DnsFormatException extends Exception {
    private final int offset;

    public DnsFormatException(String message, int offset) {
        super(message + " (at byte " + offset + ")");
        this.offset = offset;
    }

    /** Where in the message the problem was found, from its first byte. */
    public int offset() {
        return offset;
    }
}
