package io.slipway.socket.dns;

import java.util.Objects;

/**
 * A resource record (RFC 1035 §3.2.1, §4.1.3): an owner name, a type, a class, a time to live and
 * the data. The type is the data's ({@link RData#type()}), so the two can never disagree.
 *
 * @param ttl seconds, 0..2^31-1: RFC 2181 §8 says a value with the top bit set is read as 0,
 *     which the decoder does; here it must already be in range
 */
public record ResourceRecord(DnsName name, int dnsClass, long ttl, RData data) {
    public static final long MAX_TTL = 0x7FFF_FFFFL;

    public ResourceRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        Question.checkU16(dnsClass, "class");
        if (ttl < 0 || ttl > MAX_TTL) {
            throw new IllegalArgumentException("TTL must be 0.." + MAX_TTL + ": " + ttl);
        }
    }

    /** A record of class IN. */
    public static ResourceRecord in(DnsName name, long ttl, RData data) {
        return new ResourceRecord(name, DnsClass.IN, ttl, data);
    }

    public int type() {
        return data.type();
    }

    /** The same record with another TTL (a cache hands out what is left of it). */
    public ResourceRecord withTtl(long newTtl) {
        return new ResourceRecord(name, dnsClass, newTtl, data);
    }

    /** The master-file form: {@code www.example.test. 3600 IN A 10.0.0.2}. */
    @Override
    public String toString() {
        return name + " " + ttl + " " + DnsClass.name(dnsClass) + " " + DnsType.name(type()) + " " + data;
    }
}
