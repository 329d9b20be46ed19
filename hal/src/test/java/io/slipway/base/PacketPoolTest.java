package io.slipway.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PacketPool from its javadoc contract: bounded, counted, and strict about who gives back what. */
class PacketPoolTest {
    @Test
    void shouldRefuseAnEmptyPoolOrHeadroomThatFillsTheBuffer() {
        assertThrows(IllegalArgumentException.class, () -> new PacketPool(0, 128, 16));
        assertThrows(IllegalArgumentException.class, () -> new PacketPool(4, 128, 128));
        assertThrows(IllegalArgumentException.class, () -> new PacketPool(4, 128, -1));
    }

    @Test
    void shouldDescribeItsConfiguration() {
        PacketPool pool = new PacketPool(4, 128, 16);
        assertEquals(4, pool.capacity());
        assertEquals(4, pool.available());
        assertEquals(0, pool.inUse());
        assertEquals(128, pool.bufferSize());
        assertEquals(16, pool.headroom());
        assertEquals(0, pool.exhaustedCount());
        assertEquals(4, pool.lowWaterMark());
    }

    @Test
    void shouldHandOutEmptyBuffersWithTheHeadroom() {
        PacketPool pool = new PacketPool(2, 128, 16);
        PacketBuffer b = pool.acquire();
        assertEquals(16, b.offset());
        assertEquals(0, b.length());
        assertEquals(128, b.capacity());
    }

    @Test
    void shouldHandOutDistinctBuffersUntilEmptyThenNullAndCount() {
        PacketPool pool = new PacketPool(3, 64, 8);
        Map<PacketBuffer, Boolean> seen = new IdentityHashMap<>();
        for (int i = 0; i < 3; i++) {
            PacketBuffer b = pool.acquire();
            assertNotNull(b);
            assertNull(seen.put(b, true), "buffer handed out twice");
            assertEquals(i + 1, pool.inUse());
            assertEquals(2 - i, pool.available());
        }
        assertNull(pool.acquire());
        assertNull(pool.acquire());
        assertEquals(2, pool.exhaustedCount());
        assertEquals(3, pool.inUse());
        assertEquals(0, pool.lowWaterMark());
    }

    @Test
    void shouldResetAReturnedBufferWhenHandedOutAgain() {
        PacketPool pool = new PacketPool(1, 64, 8);
        PacketBuffer b = pool.acquire();
        b.append(30);
        b.prepend(8);
        pool.release(b);
        PacketBuffer again = pool.acquire();
        assertSame(b, again);
        assertEquals(8, again.offset());
        assertEquals(0, again.length());
    }

    @Test
    void shouldCountBuffersInUseUntilAllComeBack() {
        PacketPool pool = new PacketPool(5, 64, 8);
        List<PacketBuffer> out = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            out.add(pool.acquire());
        }
        pool.release(out.remove(1));
        assertEquals(3, pool.inUse());
        for (PacketBuffer b : out) {
            pool.release(b);
        }
        assertEquals(0, pool.inUse());
        assertEquals(5, pool.available());
        // the low-water mark remembers the worst moment
        assertEquals(1, pool.lowWaterMark());
    }

    @Test
    void shouldThrowOnDoubleReleaseAndKeepTheCountRight() {
        PacketPool pool = new PacketPool(2, 64, 8);
        PacketBuffer b = pool.acquire();
        pool.release(b);
        assertThrows(IllegalStateException.class, () -> pool.release(b));
        assertEquals(0, pool.inUse());
        // the free stack holds b once: two acquires give two different buffers
        assertNotSame(pool.acquire(), pool.acquire());
        assertNull(pool.acquire());
    }

    @Test
    void shouldThrowOnReleaseOfAForeignBuffer() {
        PacketPool pool = new PacketPool(2, 64, 8);
        PacketPool other = new PacketPool(2, 64, 8);
        PacketBuffer foreign = other.acquire();
        assertThrows(IllegalArgumentException.class, () -> pool.release(foreign));
        assertThrows(IllegalArgumentException.class, () -> pool.release(PacketBuffer.standalone(64, 8)));
        PacketPool bigger = new PacketPool(8, 64, 8);
        PacketBuffer[] fromBigger = new PacketBuffer[8];
        for (int i = 0; i < 8; i++) {
            fromBigger[i] = bigger.acquire();
        }
        for (PacketBuffer b : fromBigger) {
            // indexes beyond this pool's size, and indexes that exist here but hold other buffers
            assertThrows(IllegalArgumentException.class, () -> pool.release(b));
        }
        assertEquals(0, pool.inUse());
        assertEquals(2, pool.available());
    }
}
