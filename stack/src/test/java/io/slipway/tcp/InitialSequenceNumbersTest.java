package io.slipway.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.testing.SteadyState;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** RFC 6528 §3: ISN = M + F(4-tuple, secret), M a 4-microsecond timer, F keyed SipHash-2-4. */
class InitialSequenceNumbersTest {
    private static final int LOCAL = 0x0a000001; // 10.0.0.1
    private static final int REMOTE = 0x0a000002; // 10.0.0.2
    private static final long SECOND = 1_000_000_000L;

    private final InitialSequenceNumbers isns = new InitialSequenceNumbers(0x0123456789abcdefL, 0xfedcba9876543210L);

    @Test
    void shouldBeDeterministicForAKey() {
        InitialSequenceNumbers same = new InitialSequenceNumbers(0x0123456789abcdefL, 0xfedcba9876543210L);
        for (long t = 0; t < 100 * SECOND; t += 7 * SECOND + 12_345) {
            assertEquals(isns.next(LOCAL, 49152, REMOTE, 80, t), same.next(LOCAL, 49152, REMOTE, 80, t));
        }
    }

    /** M "is a timer that is incremented every 4 microseconds" (RFC 6528 §3): 250 000 a second. */
    @Test
    void shouldAdvanceByOneEveryFourMicroseconds() {
        long t0 = 123 * SECOND; // a tick boundary: tick 30 750 000
        int base = isns.next(LOCAL, 49152, REMOTE, 80, t0);
        assertEquals(base, isns.next(LOCAL, 49152, REMOTE, 80, t0 + 3_999), "still the same 4 µs tick");
        assertEquals(base + 1, isns.next(LOCAL, 49152, REMOTE, 80, t0 + 4_000), "the next tick");
        assertEquals(base + 250_000, isns.next(LOCAL, 49152, REMOTE, 80, t0 + SECOND), "one second");
        assertEquals(base + 15_000_000, isns.next(LOCAL, 49152, REMOTE, 80, t0 + 60 * SECOND), "one minute");
    }

    /**
     * The point of M (RFC 6528 §3, RFC 9293 §3.4.1): a connection closed and reopened on the same
     * 4-tuple a little later starts above where the old one started, so the old incarnation's
     * delayed segments fall below the new window.
     */
    @Test
    void shouldStartAReincarnationAboveTheOldOne() {
        long opened = 40 * SECOND;
        int old = isns.next(LOCAL, 49152, REMOTE, 80, opened);
        int reopened = isns.next(LOCAL, 49152, REMOTE, 80, opened + 2 * SECOND);
        assertEquals(500_000, reopened - old);
        assertTrue(reopened - old > 0, "after the old ISN in sequence space");
    }

    /** Timer arithmetic is modulo 2^32: 2^32 ticks (about 4.77 hours) later the ISN is back. */
    @Test
    void shouldWrapAroundTheSequenceSpace() {
        long wrap = (1L << 32) * InitialSequenceNumbers.NANOS_PER_TICK;
        long t = 5 * SECOND;
        assertEquals(isns.next(LOCAL, 1, REMOTE, 2, t), isns.next(LOCAL, 1, REMOTE, 2, t + wrap));
        assertEquals(isns.next(LOCAL, 1, REMOTE, 2, t) - 1, isns.next(LOCAL, 1, REMOTE, 2, t + wrap - 4_000));
    }

    /** A clock whose origin makes its readings negative still ticks every 4 µs, across zero too. */
    @Test
    void shouldTickEvenlyAcrossAZeroClockReading() {
        int atZero = isns.next(LOCAL, 1, REMOTE, 2, 0);
        assertEquals(atZero - 1, isns.next(LOCAL, 1, REMOTE, 2, -1));
        assertEquals(atZero - 1, isns.next(LOCAL, 1, REMOTE, 2, -4_000));
        assertEquals(atZero - 2, isns.next(LOCAL, 1, REMOTE, 2, -4_001));
    }

    /**
     * F: knowing the ISN of one's own connection (the attacker's port next to ours) says nothing
     * about ours. Over 4096 consecutive local ports at one instant the ISNs are all different, not
     * a progression, and each of the 32 bits is set about half the time.
     */
    @Test
    void shouldGiveUnrelatedValuesForNeighbouringTuples() {
        int n = 4096;
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = isns.next(LOCAL, 49152 + i, REMOTE, 80, 77 * SECOND);
        }
        assertSpreadOut(values);
        int smallSteps = 0;
        for (int i = 1; i < n; i++) {
            if (Math.abs(values[i] - values[i - 1]) < 1_000_000) {
                smallSteps++;
            }
        }
        assertTrue(smallSteps < 5, "neighbouring ports must not give neighbouring ISNs: " + smallSteps);
    }

    @Test
    void shouldDependOnEveryPartOfTheTuple() {
        long t = 3 * SECOND;
        int reference = isns.next(LOCAL, 49152, REMOTE, 80, t);
        assertNotEquals(reference, isns.next(LOCAL + 1, 49152, REMOTE, 80, t), "local address");
        assertNotEquals(reference, isns.next(LOCAL, 49153, REMOTE, 80, t), "local port");
        assertNotEquals(reference, isns.next(LOCAL, 49152, REMOTE + 1, 80, t), "remote address");
        assertNotEquals(reference, isns.next(LOCAL, 49152, REMOTE, 81, t), "remote port");
        assertNotEquals(reference, isns.next(REMOTE, 80, LOCAL, 49152, t), "the two ends swapped");
        assertNotEquals(reference, isns.next(LOCAL, 80, REMOTE, 49152, t), "the two ports swapped");
    }

    /** Only the low 16 bits of a port count: a port is 16 bits on the wire. */
    @Test
    void shouldUseOnlySixteenBitsOfAPort() {
        long t = 3 * SECOND;
        assertEquals(isns.next(LOCAL, 80, REMOTE, 443, t), isns.next(LOCAL, 80 | 0x10000, REMOTE, 443 | 0xf0000, t));
    }

    /** The secret is what an attacker lacks: another key gives unrelated ISNs for the same tuple. */
    @Test
    void shouldGiveUnrelatedValuesForDifferentKeys() {
        SplittableRandom keys = new SplittableRandom(2024);
        int n = 4096;
        int[] values = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = InitialSequenceNumbers.random(keys).next(LOCAL, 49152, REMOTE, 80, 9 * SECOND);
        }
        assertSpreadOut(values);
        assertNotEquals(isns.next(LOCAL, 49152, REMOTE, 80, 0),
                new InitialSequenceNumbers(0x0123456789abcdefL ^ 1, 0xfedcba9876543210L).next(LOCAL, 49152, REMOTE, 80, 0));
    }

    /** A seeded generator gives the same key, so a simulation replays the same ISNs. */
    @Test
    void shouldTakeItsKeyFromTheGenerator() {
        int first = InitialSequenceNumbers.random(new SplittableRandom(5)).next(LOCAL, 1, REMOTE, 2, SECOND);
        int again = InitialSequenceNumbers.random(new SplittableRandom(5)).next(LOCAL, 1, REMOTE, 2, SECOND);
        int other = InitialSequenceNumbers.random(new SplittableRandom(6)).next(LOCAL, 1, REMOTE, 2, SECOND);
        assertEquals(first, again);
        assertNotEquals(first, other);
    }

    @Test
    void shouldNotAllocate() {
        int[] sink = new int[1];
        SteadyState.assertAllocatesNothing("initial sequence numbers", 10_000, () -> {
            for (int i = 0; i < 10_000; i++) {
                sink[0] += isns.next(LOCAL, 49152 + (i & 0x3fff), REMOTE, 80, i * 1_000L);
            }
        });
    }

    /** All different (a collision among 4096 of 2^32 is a 0.2 % event), every bit about half set. */
    private static void assertSpreadOut(int[] values) {
        Set<Integer> distinct = new HashSet<>();
        int[] ones = new int[32];
        for (int v : values) {
            distinct.add(v);
            for (int bit = 0; bit < 32; bit++) {
                ones[bit] += (v >>> bit) & 1;
            }
        }
        assertEquals(values.length, distinct.size(), "distinct values");
        int half = values.length / 2;
        for (int bit = 0; bit < 32; bit++) {
            // 4096 fair coins: the standard deviation is 32, so 6 of them is 192
            assertTrue(Math.abs(ones[bit] - half) < 192, "bit " + bit + " set " + ones[bit] + " times of " + values.length);
        }
    }
}
