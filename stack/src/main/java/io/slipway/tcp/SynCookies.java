package io.slipway.tcp;

import io.slipway.base.SipHash;
import java.util.random.RandomGenerator;

/**
 * SYN cookies (RFC 4987 §3.6): when a listener's half-open queue is full, the SYN-ACK's initial
 * sequence number carries all the connection needs — so nothing is kept for it, and a flood of
 * SYNs from forged addresses cannot crowd out the clients that really connect. The ACK that
 * completes the handshake returns the cookie as its acknowledgment number minus one.
 *
 * <p>A cookie's 32 bits: the low 5 bits of a counter that ticks every 64 s (a cookie is good for
 * that interval and the next), 3 bits naming the MSS from a table of common values (the largest
 * not above the peer's), and 24 bits of SipHash-2-4, under a secret key, of the 4-tuple, the whole
 * counter, the MSS index and the peer's ISN: a forged ACK passes with odds of 1 in 2^24, and a
 * cookie does not come back to life when the 5 bits wrap (every 34 minutes), as Linux's does not.
 * Nothing else of the SYN survives: a connection opened by cookie has no SACK (slipway sends no
 * window scale or timestamps yet, so nothing else is lost).
 */
final class SynCookies {
    static final long INTERVAL_NANOS = 64_000_000_000L;
    /**
     * MSS values a cookie can carry: Linux's table with 216 first (RFC 9293 §3.7.1: never send a
     * segment above the MSS the peer gave, and small-MTU links give less than 536) and a serial
     * line's 966 (MTU 1006).
     */
    private static final int[] MSS = {216, 536, 966, 1220, 1400, 1440, 1460, 8960};
    private static final int HASH_BITS = 0xFF_FFFF;

    private final long key0;
    private final long key1;

    SynCookies(RandomGenerator random) {
        key0 = random.nextLong();
        key1 = random.nextLong();
    }

    /** The smallest MSS a cookie can carry: a SYN with less gets none (it would be sent larger segments). */
    static int smallestMss() {
        return MSS[0];
    }

    /** The cookie for a SYN with sequence number {@code peerIsn} and MSS option {@code peerMss} ({@code >= smallestMss()}). */
    int make(int local, int localPort, int remote, int remotePort, int peerIsn, int peerMss, long nowNanos) {
        long counter = Math.floorDiv(nowNanos, INTERVAL_NANOS);
        int index = 0;
        for (int i = MSS.length - 1; i > 0; i--) {
            if (MSS[i] <= peerMss) {
                index = i;
                break;
            }
        }
        return (int) (counter & 0x1F) << 27 | index << 24
                | hash(local, localPort, remote, remotePort, peerIsn, counter, index);
    }

    /**
     * The MSS a returned {@code cookie} carries, or 0 when it is not one of ours for this 4-tuple
     * and peer ISN, or older than two intervals.
     */
    int check(int cookie, int local, int localPort, int remote, int remotePort, int peerIsn, long nowNanos) {
        long now = Math.floorDiv(nowNanos, INTERVAL_NANOS);
        int age = (int) ((now - (cookie >>> 27)) & 0x1F);
        if (age > 1) {
            return 0;
        }
        int index = cookie >>> 24 & 0x7;
        if ((cookie & HASH_BITS) != hash(local, localPort, remote, remotePort, peerIsn, now - age, index)) {
            return 0;
        }
        return MSS[index];
    }

    private int hash(int local, int localPort, int remote, int remotePort, int peerIsn, long counter, int index) {
        long addresses = (local & 0xffff_ffffL) | ((long) remote << 32);
        long rest = (localPort & 0xffffL) | (remotePort & 0xffffL) << 16 | (long) peerIsn << 32;
        return (int) SipHash.hash(key0 ^ (counter << 3 | index), key1, addresses, rest) & HASH_BITS;
    }
}
