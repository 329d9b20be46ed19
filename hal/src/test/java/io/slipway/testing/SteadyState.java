package io.slipway.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.Arrays;

/**
 * Asserts that work allocates exactly 0 bytes once warm, robustly against the JIT.
 *
 * <p>With HotSpot's tiered compilation, the first rounds after warm-up now and then show a few
 * hundred bytes allocated on the measuring thread, once, while compilations of rarely taken
 * paths land (seen under CPU load; never with {@code -Xint}, C1 only or C2 only, where the same
 * rounds measure 0). So each round must allocate less than one byte per iteration — any
 * per-packet allocation is at least 16 bytes per iteration and fails every round — and some
 * round of the full count must allocate exactly 0 bytes.
 */
public final class SteadyState {
    /** Rounds run before any is measured. */
    static final int WARM_UP_ROUNDS = 5;
    /** Rounds measured at most, looking for one of exactly 0 bytes. */
    static final int MAX_MEASURED_ROUNDS = 20;

    private SteadyState() {
    }

    /**
     * Runs {@code round} (which does {@code iterations} units of work) until warm, then asserts
     * that no round allocates a byte per iteration and that some round allocates exactly 0.
     */
    public static void assertAllocatesNothing(String what, int iterations, Runnable round) {
        assertAllocatesNothingChecked(what, iterations, round::run);
    }

    /**
     * {@link #assertAllocatesNothing} for a round that may throw a checked exception, such as
     * writing to a stream; what it throws is passed on, and then nothing is asserted.
     */
    public static <E extends Exception> void assertAllocatesNothingChecked(String what, int iterations,
            AllocationMeter.Body<E> round) throws E {
        assertTrue(AllocationMeter.isSupported(), "needs the per-thread allocated-bytes counter");
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            round.run();
        }
        long[] measured = new long[MAX_MEASURED_ROUNDS];
        for (int i = 0; i < MAX_MEASURED_ROUNDS; i++) {
            measured[i] = AllocationMeter.measureChecked(round);
            assertTrue(measured[i] < iterations, what + ": allocates per iteration, bytes per round of "
                    + iterations + ": " + Arrays.toString(Arrays.copyOf(measured, i + 1)));
            if (measured[i] == 0) {
                return;
            }
        }
        fail(what + ": no round of " + iterations + " allocated 0 bytes: " + Arrays.toString(measured));
    }
}
