package io.slipway.ip;

/**
 * An address with a prefix length, {@code 10.77.0.2/24}: an interface address or a route's
 * destination. Configuration only; the packet path uses the two ints.
 */
public record Ipv4Prefix(int address, int prefixLength) {
    public Ipv4Prefix {
        Ipv4Address.mask(prefixLength); // validates 0..32
    }

    /** Parses {@code a.b.c.d/n}, or {@code a.b.c.d} with {@code defaultLength}. */
    public static Ipv4Prefix parse(String text, int defaultLength) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return new Ipv4Prefix(Ipv4Address.parse(text), defaultLength);
        }
        String length = text.substring(slash + 1);
        if (length.isEmpty() || length.length() > 2 || !length.chars().allMatch(Character::isDigit)
                || Integer.parseInt(length) > 32) {
            throw new IllegalArgumentException("not a prefix length 0..32 after '/': " + text);
        }
        return new Ipv4Prefix(Ipv4Address.parse(text.substring(0, slash)), Integer.parseInt(length));
    }

    public int mask() {
        return Ipv4Address.mask(prefixLength);
    }

    /** The network part: the address with the host bits cleared. */
    public int network() {
        return address & mask();
    }

    /** The subnet-directed broadcast address (RFC 922): the host bits all ones. */
    public int broadcast() {
        return address | ~mask();
    }

    public boolean contains(int other) {
        return (other & mask()) == network();
    }

    @Override
    public String toString() {
        return Ipv4Address.format(address) + "/" + prefixLength;
    }
}
