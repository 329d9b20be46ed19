package io.slipway.hal.serial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.testing.Await;
import io.slipway.testing.Environment;
import io.slipway.testing.SocatPtyPair;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** jSerialComm over a socat pseudo-terminal pair: what {@link SerialAdapter} relies on. */
@Timeout(30)
class JSerialCommLineTest {
    /** Another program may hold a pty open too (the pair's far end, a bridge), so no lock by default. */
    private static final JSerialCommLine.Options PTY = JSerialCommLine.Options.DEFAULT.withExclusiveLock(false);

    private SocatPtyPair pair;
    private JSerialCommLine a;
    private JSerialCommLine b;

    @AfterEach
    void tearDown() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
        if (pair != null) {
            pair.close();
        }
    }

    @Test
    void shouldCarryBytesBothWaysThroughThePtyLinks() throws IOException {
        openPair(PTY);
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i; // every byte value: the line must be 8-bit clean and raw
        }

        a.write(all, 0, all.length);
        b.write(all, 0, 10);

        assertArrayEquals(all, readExactly(b, all.length));
        assertArrayEquals(Arrays.copyOf(all, 10), readExactly(a, 10));
    }

    @Test
    void shouldNameTheLineAfterThePathItWasOpenedBy() throws IOException {
        openPair(PTY);

        assertEquals("A", a.name());
        assertEquals(pair.a().toString(), a.path());
    }

    @Test
    void shouldReturnZeroWhenNothingArrivesWithinTheReadTimeout() throws IOException {
        openPair(PTY.withReadTimeoutMillis(100));
        long start = System.nanoTime();

        assertEquals(0, a.read(new byte[16], 0, 16));
        assertTrue(System.nanoTime() - start >= 50_000_000L, "returned before the timeout");
    }

    @Test
    void shouldReturnMinusOneFromABlockedReadWhenClosed() throws Exception {
        openPair(PTY.withReadTimeoutMillis(10_000));
        AtomicInteger got = new AtomicInteger(Integer.MIN_VALUE);
        Thread reader = new Thread(() -> {
            try {
                got.set(a.read(new byte[16], 0, 16));
            } catch (IOException e) {
                got.set(-2);
            }
        });
        reader.start();
        Await.until(() -> inNativeRead(reader), "reader blocked in jSerialComm's native read");

        long start = System.nanoTime();
        a.close();
        reader.join(5_000);

        assertFalse(reader.isAlive(), "read still blocked after close");
        assertEquals(-1, got.get());
        assertTrue(System.nanoTime() - start < 5_000_000_000L);
        assertEquals(-1, a.read(new byte[16], 0, 16), "and stays closed");
        a.close(); // idempotent
    }

    @Test
    void shouldFailWritesOnceClosed() throws IOException {
        openPair(PTY);
        a.close();

        IOException e = assertThrows(IOException.class, () -> a.write(new byte[4], 0, 4));
        assertTrue(e.getMessage().contains("A"), e.getMessage());
    }

    @Test
    void shouldReportALineErrorWhenTheOtherSideOfThePtyGoesAway() throws IOException {
        openPair(PTY.withReadTimeoutMillis(10_000));

        pair.close(); // socat ends: the pty master closes under our slave

        assertThrows(IOException.class, () -> {
            byte[] buf = new byte[16];
            while (a.read(buf, 0, buf.length) >= 0) {
                // drain until the hang-up shows
            }
        });
    }

    @Test
    void shouldRefuseAPortLockedByAnotherProcessUnlessTheLockIsDisabled() throws Exception {
        Environment.requireOrSkip(Environment.onPath("flock"), "flock (util-linux)");
        pair = SocatPtyPair.startOrSkip();
        Process holder = new ProcessBuilder("flock", "--exclusive", pair.a().toString(), "-c", "echo locked; sleep 30")
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("locked", out.readLine());

            IOException e = assertThrows(IOException.class,
                    () -> JSerialCommLine.open(pair.a().toString(), JSerialCommLine.Options.DEFAULT));
            assertTrue(e.getMessage().startsWith("cannot open serial port " + pair.a() + " (/dev/pts/"), e.getMessage());
            assertTrue(e.getMessage().endsWith("in use: another process holds its exclusive lock"), e.getMessage());

            a = JSerialCommLine.open(pair.a().toString(), PTY);
        } finally {
            holder.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void shouldSayThePortIsAlreadyOpenInThisProcess() throws IOException {
        openPair(PTY);

        IOException e = assertThrows(IOException.class, () -> JSerialCommLine.open(pair.a().toString(), PTY));
        assertTrue(e.getMessage().endsWith(": already open in this process"), e.getMessage());
    }

    @Test
    void shouldFailWithOneLineNamingAMissingPort() {
        IOException e = assertThrows(IOException.class, () -> JSerialCommLine.open("/dev/ttyNOPE9"));

        assertEquals("cannot open serial port /dev/ttyNOPE9: no such device", e.getMessage());
    }

    @Test
    void shouldFailWithOneLineNamingAMissingPortGivenByBareName() {
        IOException e = assertThrows(IOException.class, () -> JSerialCommLine.open("ttyNOPE9"));

        assertEquals("cannot open serial port ttyNOPE9: no such device", e.getMessage());
    }

    @Test
    void shouldFailWithOneLineNamingAFileThatIsNotATerminal(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("not-a-tty"), "x");

        IOException e = assertThrows(IOException.class, () -> JSerialCommLine.open(file.toString()));

        assertEquals("cannot open serial port " + file + ": not a terminal device", e.getMessage());
    }

    @Test
    void shouldRejectOptionsThatCannotWork() {
        assertThrows(IllegalArgumentException.class, () -> JSerialCommLine.Options.DEFAULT.withBaudRate(0));
        assertThrows(IllegalArgumentException.class, () -> JSerialCommLine.Options.DEFAULT.withReadTimeoutMillis(0));
        assertEquals(115_200, JSerialCommLine.Options.DEFAULT.baudRate());
        assertTrue(JSerialCommLine.Options.DEFAULT.exclusiveLock());
    }

    private void openPair(JSerialCommLine.Options options) throws IOException {
        pair = SocatPtyPair.startOrSkip();
        a = JSerialCommLine.open(pair.a().toString(), options);
        b = JSerialCommLine.open(pair.b().toString(), options);
    }

    private static boolean inNativeRead(Thread thread) {
        StackTraceElement[] stack = thread.getStackTrace();
        return stack.length > 0 && stack[0].isNativeMethod() && stack[0].getMethodName().equals("readBytes");
    }

    private static byte[] readExactly(SerialLine line, int n) throws IOException {
        byte[] buf = new byte[n];
        int got = 0;
        while (got < n) {
            int r = line.read(buf, got, n - got);
            if (r < 0) {
                throw new IOException(line.name() + " closed after " + got + " of " + n + " bytes");
            }
            got += r;
        }
        return buf;
    }
}
