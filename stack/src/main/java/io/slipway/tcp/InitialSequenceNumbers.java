package io.slipway.tcp;

import io.slipway.base.SipHash;
import java.util.random.RandomGenerator;

/**
 * Chooses initial sequence numbers as RFC 6528 §3 asks:
 *
 * <pre>
 *   ISN = M + F(localip, localport, remoteip, remoteport, secretkey)
 * </pre>
 *
 * where M is a timer that ticks every 4 microseconds and F is a pseudorandom function of the
 * connection's 4-tuple under a secret key, here SipHash-2-4 keyed with 128 random bits (RFC 6528
 * names MD5 only as an example; Linux uses SipHash too).
 *
 * <p>Why both parts: F makes the ISN of one connection say nothing about the ISN of another, so
 * an off-path attacker who opens a connection of his own cannot guess ours and inject or reset
 * (RFC 6528 §1, the attack of Morris 1985 and Bellovin 1989). M makes each 4-tuple's sequence
 * space keep moving forward at 250 000 per second (RFC 9293 §3.4.1), so a new incarnation of a
 * connection starts above the sequence numbers of the old one and its old duplicates are not
 * taken for new data.
 *
 * <p>{@code nowNanos} is the stack's monotonic clock, whose origin is arbitrary: only the
 * difference between two calls matters to M, and F hides the rest. Single-threaded and
 * allocation-free, like the stack that owns it.
 */
public final class InitialSequenceNumbers {
    /** RFC 6528 §3 (after RFC 793): M ticks every 4 microseconds. */
    public static final long NANOS_PER_TICK = 4_000;

    private final long key0;
    private final long key1;

    /** A generator with the secret key {@code key0, key1} (SipHash key bytes 0–7 and 8–15). */
    public InitialSequenceNumbers(long key0, long key1) {
        this.key0 = key0;
        this.key1 = key1;
    }

    /**
     * A generator whose key is drawn from {@code random}: a SecureRandom in real use, since the
     * key is the whole secret (RFC 6528 §3 asks for a key "not easily guessable"), and a seeded
     * generator in simulations, so that runs replay.
     */
    public static InitialSequenceNumbers random(RandomGenerator random) {
        return new InitialSequenceNumbers(random.nextLong(), random.nextLong());
    }

    /**
     * The ISN for a connection from {@code localAddress:localPort} to {@code
     * remoteAddress:remotePort} (IPv4 addresses as ints, ports 0–65535) opened at {@code nowNanos}.
     */
    public int next(int localAddress, int localPort, int remoteAddress, int remotePort, long nowNanos) {
        int timer = (int) Math.floorDiv(nowNanos, NANOS_PER_TICK);
        return timer + offset(localAddress, localPort, remoteAddress, remotePort);
    }

    /**
     * F alone: the 4-tuple packed into 16 bytes (local address, remote address, local port,
     * remote port, four zero bytes) and hashed; the low 32 bits of the hash are the offset.
     */
    private int offset(int localAddress, int localPort, int remoteAddress, int remotePort) {
        long addresses = (localAddress & 0xffff_ffffL) | ((long) remoteAddress << 32);
        long ports = (localPort & 0xffffL) | (remotePort & 0xffffL) << 16;
        return (int) SipHash.hash(key0, key1, addresses, ports);
    }
}
