package io.slipway.base;

import java.util.function.IntPredicate;
import java.util.random.RandomGenerator;

/**
 * Chooses ephemeral ports as RFC 6056 §3.3.1 ("Algorithm 1: Simple Port Randomization")
 * describes: start at a random port of the range, then walk up it (wrapping) to the first port
 * that is free. An off-path attacker cannot guess the next port from the last one, which a
 * sequential allocator gives away (RFC 6056 §1).
 *
 * <p>The default range is IANA's dynamic ports, 49152–65535 (RFC 6335 §6). Single-threaded, like
 * the stack that owns it. The random source should be a SecureRandom in real use (RFC 6056 §3.3.1
 * asks for a cryptographically strong one: a fast generator such as SplitMix gives its state away
 * in a single output) and a seeded generator in simulations, so that they replay.
 */
public final class EphemeralPorts {
    public static final int DYNAMIC_FIRST = 49152;
    public static final int DYNAMIC_LAST = 65535;

    private final int first;
    private final int last;
    private final RandomGenerator random;

    public EphemeralPorts(int first, int last, RandomGenerator random) {
        if (first < 1 || last > 65535 || first > last) {
            throw new IllegalArgumentException("ephemeral port range must lie in 1..65535: " + first + ".." + last);
        }
        this.first = first;
        this.last = last;
        this.random = random;
    }

    /** The dynamic range, 49152–65535. */
    public EphemeralPorts(RandomGenerator random) {
        this(DYNAMIC_FIRST, DYNAMIC_LAST, random);
    }

    public int first() {
        return first;
    }

    public int last() {
        return last;
    }

    /** A port for which {@code inUse} is false, or -1 when every port of the range is taken. */
    public int choose(IntPredicate inUse) {
        int count = last - first + 1;
        int port = first + random.nextInt(count);
        for (int tried = 0; tried < count; tried++) {
            if (!inUse.test(port)) {
                return port;
            }
            port = port == last ? first : port + 1;
        }
        return -1;
    }
}
