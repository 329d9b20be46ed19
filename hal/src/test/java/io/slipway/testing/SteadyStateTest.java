package io.slipway.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * SteadyState must fail work that allocates per iteration or in every round (or a zero-allocation
 * test could never fail), and pass work that allocates nothing, or only once, in one round, the
 * way a late JIT compilation does (or the tests would be flaky).
 */
class SteadyStateTest {
    private static final int ITERATIONS = 1_000;

    /** Where allocations escape to, so the JIT cannot remove them. */
    private static volatile Object sink;

    /** Rounds run so far, warm-up included. */
    private int rounds;
    private long sum;

    /** One unit of work that allocates nothing. */
    private void arithmetic(int i) {
        sum += i * 31L;
    }

    @Test
    void shouldFailARoundThatAllocatesPerIteration() {
        AllocationMeter.Body<IOException> round = () -> {
            rounds++;
            for (int i = 0; i < ITERATIONS; i++) {
                arithmetic(i);
                sink = new byte[16];
            }
        };

        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> SteadyState.assertAllocatesNothingChecked("allocating", ITERATIONS, round));

        assertTrue(e.getMessage().startsWith("allocating: allocates per iteration"), e.getMessage());
        assertEquals(SteadyState.WARM_UP_ROUNDS + 1, rounds, "fails on the first measured round");
    }

    @Test
    void shouldFailARunnableThatAllocatesPerIteration() {
        Runnable round = () -> {
            for (int i = 0; i < ITERATIONS; i++) {
                arithmetic(i);
                sink = Long.valueOf(sum);
            }
        };

        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> SteadyState.assertAllocatesNothing("boxing", ITERATIONS, round));

        assertTrue(e.getMessage().startsWith("boxing: allocates per iteration"), e.getMessage());
    }

    @Test
    void shouldFailARoundThatAllocatesLessThanAByteAnIterationButEveryTime() {
        AllocationMeter.Body<IOException> round = () -> {
            rounds++;
            for (int i = 0; i < ITERATIONS; i++) {
                arithmetic(i);
            }
            sink = new byte[16];
        };

        AssertionFailedError e = assertThrows(AssertionFailedError.class,
                () -> SteadyState.assertAllocatesNothingChecked("once a round", ITERATIONS, round));

        assertTrue(e.getMessage().startsWith("once a round: no round of 1000 allocated 0 bytes"), e.getMessage());
        assertEquals(SteadyState.WARM_UP_ROUNDS + SteadyState.MAX_MEASURED_ROUNDS, rounds);
    }

    @Test
    void shouldPassARoundThatAllocatesOnceInTheFirstMeasuredRoundThenNothing() throws IOException {
        AllocationMeter.Body<IOException> round = () -> {
            if (rounds++ == SteadyState.WARM_UP_ROUNDS) {
                sink = new byte[16]; // as a late compilation might, once
            }
            for (int i = 0; i < ITERATIONS; i++) {
                arithmetic(i);
            }
        };

        SteadyState.assertAllocatesNothingChecked("allocating once", ITERATIONS, round);

        assertTrue(rounds >= SteadyState.WARM_UP_ROUNDS + 2, "measured past the allocating round: " + rounds);
    }

    @Test
    void shouldPassARoundThatNeverAllocates() throws IOException {
        AllocationMeter.Body<IOException> round = () -> {
            rounds++;
            for (int i = 0; i < ITERATIONS; i++) {
                arithmetic(i);
            }
        };

        SteadyState.assertAllocatesNothingChecked("arithmetic", ITERATIONS, round);
        SteadyState.assertAllocatesNothing("arithmetic", ITERATIONS, () -> arithmetic(rounds++));

        assertTrue(rounds > 2 * SteadyState.WARM_UP_ROUNDS, "rounds run: " + rounds);
    }

    @Test
    void shouldPassOnWhatTheRoundThrows() {
        IOException thrown = new IOException("disk full");
        AllocationMeter.Body<IOException> round = () -> {
            if (++rounds == SteadyState.WARM_UP_ROUNDS + 1) {
                throw thrown;
            }
        };

        IOException caught = assertThrows(IOException.class,
                () -> SteadyState.assertAllocatesNothingChecked("writing", ITERATIONS, round));

        assertSame(thrown, caught);
    }
}
