package io.slipway.tcp;

import io.slipway.base.SipHash;
import java.util.random.RandomGenerator;

/**
 * SYN cookies (RFC 4987 §3.6): when a listener's half-open queue is full, the SYN-ACK's initial
 * sequence number carries all the connection needs — so nothing is kept for it, and a flood of
 * SYNs from forged addresses cannot crowd out the clients that really connect. The ACK that
 * completes the handshake returns the cookie as its acknowledgment number minus one.
 *
 * <p>A cookie's 32 bits: 5 bits of a counter that ticks every 64 s (a cookie is good for that
 * interval and the next), 3 bits naming the MSS from a table of common values (the largest not
 * above the peer's), and 24 bits of SipHash-2-4, under a secret key, of the 4-tuple, the
 * counter, the MSS index and the peer's ISN: a forged ACK passes with odds of 1 in 2^24.
 * Nothing else of the SYN survives — slipway sends no window scale, SACK or timestamp options
 * yet, so nothing else is lost.
 */
final class SynCookies {
    static final long INTERVAL_NANOS = 64_000_000_000L;
    /** MSS values a cookie can carry: Linux's table plus a serial line's 966 (MTU 1006). */
    private static final int[] MSS = {536, 966, 1220, 1300, 1400, 1440, 1460, 8960};
    private static final int HASH_BITS = 0xFF_FFFF;

    private final long key0;
    private final long key1;

    SynCookies(RandomGenerator random) {
        key0 = random.nextLong();
        key1 = random.nextLong();
    }

    /** The cookie for a SYN with sequence number {@code peerIsn} and MSS option {@code peerMss}. */
    int make(int local, int localPort, int remote, int remotePort, int peerIsn, int peerMss, long nowNanos) {
        int counter = (int) (Math.floorDiv(nowNanos, INTERVAL_NANOS) & 0x1F);
        int index = 0;
        for (int i = MSS.length - 1; i > 0; i--) {
            if (MSS[i] <= peerMss) {
                index = i;
                break;
            }
        }
        return counter << 27 | index << 24 | hash(local, localPort, remote, remotePort, peerIsn, counter, index);
    }

    /**
     * The MSS a returned {@code cookie} carries, or 0 when it is not one of ours for this 4-tuple
     * and peer ISN, or older than two intervals.
     */
    int check(int cookie, int local, int localPort, int remote, int remotePort, int peerIsn, long nowNanos) {
        int counter = cookie >>> 27;
        int index = cookie >>> 24 & 0x7;
        int now = (int) (Math.floorDiv(nowNanos, INTERVAL_NANOS) & 0x1F);
        if (((now - counter) & 0x1F) > 1) {
            return 0;
        }
        if ((cookie & HASH_BITS) != hash(local, localPort, remote, remotePort, peerIsn, counter, index)) {
            return 0;
        }
        return MSS[index];
    }

    private int hash(int local, int localPort, int remote, int remotePort, int peerIsn, int counter, int index) {
        long addresses = (local & 0xffff_ffffL) | ((long) remote << 32);
        long rest = (localPort & 0xffffL) | (remotePort & 0xffffL) << 16 | (long) peerIsn << 32;
        return (int) SipHash.hash(key0 ^ (counter << 3 | index), key1, addresses, rest) & HASH_BITS;
    }
}
