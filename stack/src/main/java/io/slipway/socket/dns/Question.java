package io.slipway.socket.dns;

import java.util.Objects;

/**
 * An entry of the question section (RFC 1035 §4.1.2): what is asked. Names compare without
 * regard to case, as the resolver's check that a response answers the question asked needs.
 */
public record Question(DnsName name, int type, int dnsClass) {
    public Question {
        Objects.requireNonNull(name, "name");
        checkU16(type, "type");
        checkU16(dnsClass, "class");
    }

    /** A question of class IN. */
    public static Question in(DnsName name, int type) {
        return new Question(name, type, DnsClass.IN);
    }

    static void checkU16(int v, String what) {
        if (v < 0 || v > 0xFFFF) {
            throw new IllegalArgumentException(what + " must be 0..65535: " + v);
        }
    }

    @Override
    public String toString() {
        return name + " " + DnsClass.name(dnsClass) + " " + DnsType.name(type);
    }
}
