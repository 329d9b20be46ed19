package io.slipway.base;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * One producer and one consumer thread move 50 MB through a small ring, using every operation of
 * their side with random chunk sizes, and check every byte: a missing release/acquire pair shows
 * up as a stale or torn byte here.
 */
class ByteRingConcurrencyTest {
    private static final long TOTAL = 50L * 1024 * 1024;
    private static final int CAPACITY = 4096;

    @Test
    void shouldMoveFiftyMegabytesBetweenTwoThreadsIntact() throws Exception {
        ByteRing ring = new ByteRing(CAPACITY);
        CRC32 sent = new CRC32();
        CRC32 received = new CRC32();
        AtomicLong firstMismatch = new AtomicLong(-1);

        TwoThreads.run(60, stop -> {
            SplittableRandom random = new SplittableRandom(1);
            byte[] chunk = new byte[CAPACITY];
            long position = 0;
            while (position < TOTAL && !stop.getAsBoolean()) {
                int want = (int) Math.min(TOTAL - position, 1 + random.nextInt(CAPACITY));
                fill(chunk, position, want);
                int n;
                switch (random.nextInt(3)) {
                    case 0:
                        n = ring.write(chunk, 0, want);
                        break;
                    case 1:
                        // out-of-order path: the second half first, then the first half, then commit
                        n = writeInTwoHalves(ring, chunk, want);
                        break;
                    default:
                        n = ring.write(chunk[0]) ? 1 : 0;
                        break;
                }
                sent.update(chunk, 0, n);
                position += n;
                if (n == 0) {
                    Thread.onSpinWait();
                }
            }
        }, stop -> {
            SplittableRandom random = new SplittableRandom(2);
            byte[] chunk = new byte[CAPACITY];
            long position = 0;
            while (position < TOTAL && !stop.getAsBoolean()) {
                int want = 1 + random.nextInt(CAPACITY);
                int n;
                switch (random.nextInt(3)) {
                    case 0:
                        n = ring.read(chunk, 0, want);
                        break;
                    case 1:
                        // retransmission path: peek, then acknowledge with skip
                        n = ring.peek(0, chunk, 0, want);
                        ring.skip(n);
                        break;
                    default:
                        int b = ring.read();
                        n = b < 0 ? 0 : 1;
                        chunk[0] = (byte) b;
                        break;
                }
                for (int i = 0; i < n; i++) {
                    if (chunk[i] != expected(position + i) && firstMismatch.get() < 0) {
                        firstMismatch.set(position + i);
                    }
                }
                received.update(chunk, 0, n);
                position += n;
                if (n == 0) {
                    Thread.onSpinWait();
                }
            }
        });

        assertEquals(-1, firstMismatch.get(), "first corrupted stream position");
        assertEquals(sent.getValue(), received.getValue());
        assertEquals(TOTAL, ring.readPosition());
        assertEquals(TOTAL, ring.writePosition());
    }

    private static int writeInTwoHalves(ByteRing ring, byte[] chunk, int want) {
        int n = Math.min(want, ring.free());
        int half = n / 2;
        int stored = ring.writeAt(half, chunk, half, n - half);
        stored += ring.writeAt(0, chunk, 0, half);
        // free space only grows while the consumer runs, so all n bytes were stored
        assertEquals(n, stored);
        ring.commit(n);
        return n;
    }

    private static void fill(byte[] chunk, long position, int len) {
        for (int i = 0; i < len; i++) {
            chunk[i] = expected(position + i);
        }
    }

    /** A stream that does not repeat with the ring's period, so a stale slot cannot pass for new. */
    private static byte expected(long position) {
        return (byte) (position ^ (position >>> 8) ^ (position >>> 16) ^ (position >>> 24));
    }
}
