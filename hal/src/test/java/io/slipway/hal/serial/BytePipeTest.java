package io.slipway.hal.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.testing.Await;
import java.io.IOException;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class BytePipeTest {
    private final byte[] buf = new byte[64];

    @Test
    void shouldCarryBytesFromEachEndToTheOther() throws IOException {
        BytePipe pipe = new BytePipe(16, 1_000);
        pipe.a().write(new byte[] {1, 2, 3}, 0, 3);
        pipe.b().write(new byte[] {9, 8}, 0, 2);

        assertEquals(3, pipe.b().read(buf, 0, buf.length));
        assertArrayEquals(new byte[] {1, 2, 3}, Arrays.copyOf(buf, 3));
        assertEquals(2, pipe.a().read(buf, 0, buf.length));
        assertArrayEquals(new byte[] {9, 8}, Arrays.copyOf(buf, 2));
    }

    @Test
    void shouldReadNoMoreThanAskedAndKeepTheRestInOrder() throws IOException {
        BytePipe pipe = new BytePipe(16, 1_000);
        pipe.a().write(new byte[] {1, 2, 3, 4, 5}, 0, 5);

        assertEquals(2, pipe.b().read(buf, 10, 2));
        assertEquals(3, pipe.b().read(buf, 12, 10));
        assertArrayEquals(new byte[] {1, 2, 3, 4, 5}, Arrays.copyOfRange(buf, 10, 15));
    }

    @Test
    void shouldReturnZeroWhenNothingArrivesWithinTheReadTimeout() throws IOException {
        BytePipe pipe = new BytePipe(16, 20);
        long start = System.nanoTime();

        assertEquals(0, pipe.b().read(buf, 0, buf.length));
        assertTrue(System.nanoTime() - start >= 20_000_000L, "returned before the timeout");
    }

    @Test
    void shouldWakeAWaitingReaderAsSoonAsBytesArrive() throws Exception {
        BytePipe pipe = new BytePipe(16, 60_000);
        AtomicReference<Integer> got = new AtomicReference<>();
        Thread reader = new Thread(() -> got.set(readQuietly(pipe.b())));
        reader.start();
        Await.blocked(reader);

        pipe.a().write(new byte[] {7}, 0, 1);
        reader.join();

        assertEquals(1, got.get());
        assertEquals(7, buf[0]);
    }

    @Test
    void shouldBlockAWriterWhileTheRingIsFullUntilTheReaderTakesBytes() throws Exception {
        BytePipe pipe = new BytePipe(8, 1_000);
        byte[] twenty = new byte[20];
        for (int i = 0; i < twenty.length; i++) {
            twenty[i] = (byte) i;
        }
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                pipe.a().write(twenty, 0, twenty.length);
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        writer.start();
        Await.blocked(writer);

        byte[] all = new byte[20];
        int n = 0;
        while (n < 20) {
            n += pipe.b().read(all, n, all.length - n);
        }
        writer.join();

        assertEquals(null, failure.get());
        assertArrayEquals(twenty, all);
    }

    @Test
    void shouldLetTheOtherEndDrainAndThenSeeMinusOneAfterAClose() throws IOException {
        BytePipe pipe = new BytePipe(16, 1_000);
        pipe.a().write(new byte[] {1, 2}, 0, 2);
        pipe.a().close();

        assertEquals(2, pipe.b().read(buf, 0, buf.length));
        assertEquals(-1, pipe.b().read(buf, 0, buf.length));
    }

    @Test
    void shouldReturnMinusOneAtOnceOnTheClosedEndEvenWithBytesWaiting() throws IOException {
        BytePipe pipe = new BytePipe(16, 60_000);
        pipe.a().write(new byte[] {1}, 0, 1);
        pipe.b().close();

        assertEquals(-1, pipe.b().read(buf, 0, buf.length));
    }

    @Test
    void shouldUnblockAWaitingReaderWhenEitherEndCloses() throws Exception {
        for (boolean closeOwnEnd : new boolean[] {true, false}) {
            BytePipe pipe = new BytePipe(16, 60_000);
            AtomicReference<Integer> got = new AtomicReference<>();
            Thread reader = new Thread(() -> got.set(readQuietly(pipe.b())));
            reader.start();
            Await.blocked(reader);

            (closeOwnEnd ? pipe.b() : pipe.a()).close();
            reader.join();

            assertEquals(-1, got.get(), closeOwnEnd ? "own end closed" : "other end closed");
        }
    }

    @Test
    void shouldUnblockABlockedWriterWithAnIOExceptionWhenEitherEndCloses() throws Exception {
        for (boolean closeOwnEnd : new boolean[] {true, false}) {
            BytePipe pipe = new BytePipe(4, 1_000);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread writer = new Thread(() -> {
                try {
                    pipe.a().write(new byte[10], 0, 10);
                } catch (Throwable t) {
                    failure.set(t);
                }
            });
            writer.start();
            Await.blocked(writer);

            (closeOwnEnd ? pipe.a() : pipe.b()).close();
            writer.join();

            assertTrue(failure.get() instanceof IOException, "got " + failure.get());
        }
    }

    @Test
    void shouldFailWritesFromAndTowardsAClosedEnd() {
        BytePipe pipe = new BytePipe(16, 1_000);
        pipe.b().close();

        IOException towards = assertThrows(IOException.class, () -> pipe.a().write(new byte[1], 0, 1));
        IOException from = assertThrows(IOException.class, () -> pipe.b().write(new byte[1], 0, 1));
        assertTrue(towards.getMessage().contains("pipe.a"), towards.getMessage());
        assertTrue(from.getMessage().contains("pipe.b"), from.getMessage());
    }

    @Test
    void shouldCloseIdempotently() throws IOException {
        BytePipe pipe = new BytePipe("cable", 16, 1_000);
        pipe.a().close();
        pipe.a().close();

        assertEquals("cable.a", pipe.a().name());
        assertEquals(-1, pipe.b().read(buf, 0, buf.length));
        assertFalse(Thread.currentThread().isInterrupted());
    }

    @Test
    void shouldRejectARingThatIsNotAPowerOfTwo() {
        assertThrows(IllegalArgumentException.class, () -> new BytePipe(100, 1_000));
    }

    private int readQuietly(SerialLine line) {
        try {
            return line.read(buf, 0, buf.length);
        } catch (IOException e) {
            return -2;
        }
    }
}
