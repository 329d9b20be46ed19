package io.slipway.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The meter must see allocations (or a zero-allocation test could never fail) and must add none
 * of its own (or no zero-allocation test could pass).
 */
class AllocationMeterTest {
    /** Where allocations escape to, so the JIT cannot remove them. */
    private static volatile Object sink;

    @Test
    void shouldBeSupportedOnThisJvm() {
        assertTrue(AllocationMeter.isSupported(), "zero-allocation tests need the per-thread counter");
    }

    @Test
    void shouldSeeOneLargeAllocation() {
        long bytes = AllocationMeter.measure(() -> sink = new byte[1 << 20]);
        assertTrue(bytes >= 1 << 20, "saw " + bytes + " bytes");
    }

    @Test
    void shouldSeeManySmallAllocations() {
        for (int warm = 0; warm < 5; warm++) {
            long bytes = AllocationMeter.measure(() -> {
                for (int i = 0; i < 10_000; i++) {
                    sink = Long.valueOf(System.nanoTime());
                }
            });
            // A boxed long takes at least 16 bytes.
            assertTrue(bytes >= 10_000 * 16L, "saw " + bytes + " bytes");
        }
    }

    @Test
    void shouldSeeNothingWhenNothingIsAllocated() {
        long[] total = new long[1];
        Runnable arithmetic = () -> {
            long sum = 0;
            for (int i = 0; i < 10_000; i++) {
                sum += i * 31L;
            }
            total[0] += sum;
        };
        for (int warm = 0; warm < 20_000; warm++) {
            AllocationMeter.measure(arithmetic);
        }
        assertEquals(0, AllocationMeter.measure(arithmetic));
        assertEquals(0, AllocationMeter.measure(() -> { }));
    }

    @Test
    void shouldMeasureABodyThatMayThrow() throws IOException {
        AllocationMeter.Body<IOException> allocating = () -> sink = new byte[1 << 20];
        long bytes = AllocationMeter.measureChecked(allocating);
        assertTrue(bytes >= 1 << 20, "saw " + bytes + " bytes");

        AllocationMeter.Body<IOException> nothing = () -> { };
        for (int warm = 0; warm < 20_000; warm++) {
            AllocationMeter.measureChecked(nothing);
        }
        assertEquals(0, AllocationMeter.measureChecked(nothing));
    }

    @Test
    void shouldPassOnWhatTheBodyThrows() {
        IOException thrown = new IOException("capture failed");
        IOException caught = assertThrows(IOException.class, () -> AllocationMeter.measureChecked(() -> {
            throw thrown;
        }));
        assertSame(thrown, caught);
    }
}
