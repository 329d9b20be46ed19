package io.slipway.cli;

import io.slipway.base.PacketBuffer;
import io.slipway.base.SystemClock;
import io.slipway.driver.LanDriver;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.framing.FrameEncoder;
import io.slipway.hal.framing.Framing;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import io.slipway.stack.StackRunner;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Host alice sends a few frames through its LAN driver; host bob's driver takes each off the
 * cable and sends it back. Each host is a real {@link Stack} on its own {@link StackRunner}
 * thread, so the frames take the same path the protocol layers will use.
 */
final class FrameEchoDemo implements AutoCloseable {
    private final PrintWriter out;
    private final Framing framing;
    private final int baud;
    private final Stack alice = new Stack("alice", StackConfig.DEFAULT);
    private final Stack bob = new Stack("bob", StackConfig.DEFAULT);
    private final StackRunner aliceRunner;
    private final StackRunner bobRunner;
    private final LanDriver aliceDriver;
    private final byte[][] frames;
    private final long[] sentAt;
    private final CountDownLatch echoes;

    FrameEchoDemo(PrintWriter out, Framing framing, int baud, LanAdapter aliceEnd, LanAdapter bobEnd) {
        this.out = out;
        this.framing = framing;
        this.baud = baud;
        this.frames = frames(framing, aliceEnd.maxFrameLength());
        this.sentAt = new long[frames.length];
        this.echoes = new CountDownLatch(frames.length);
        this.aliceDriver = alice.attach(aliceEnd);
        LanDriver bobDriver = bob.attach(bobEnd);
        bobDriver.setReceiver((driver, frame, now) -> {
            say("bob   <- frame of %4d bytes after %7.2f ms; echoes it", frame.length(),
                    (now - sentAt[indexOf(frame)]) / 1e6);
            driver.send(frame);
        });
        aliceDriver.setReceiver((driver, frame, now) -> {
            int i = indexOf(frame);
            say("alice <- echo  of %4d bytes, round trip %7.2f ms, byte-exact: %s", frame.length(),
                    (now - sentAt[i]) / 1e6, i >= 0 ? "yes" : "NO");
            if (i >= 0) {
                echoes.countDown();
            }
        });
        this.aliceRunner = new StackRunner(alice, SystemClock.INSTANCE).start();
        this.bobRunner = new StackRunner(bob, SystemClock.INSTANCE).start();
    }

    boolean run() throws InterruptedException {
        say("slipway demo: hosts alice and bob on a loopback cable, %s framing, %s",
                framing.name(), baud == 0 ? "unpaced" : baud + " baud (10 bit-times per byte)");
        say("until the protocol layers arrive, the journey is the bottom of the stack:");
        say("  LAN driver -> adapter -> %s encoder -> cable -> decoder -> adapter -> LAN driver",
                framing.name());
        FrameEncoder encoder = framing.newEncoder();
        for (int i = 0; i < frames.length; i++) {
            byte[] f = frames[i];
            int wire = encoder.wireLength(f, 0, f.length);
            say("");
            say("alice -> frame %d: %d bytes, %d on the wire (%s), line time %s",
                    i + 1, f.length, wire, describe(f), lineTime(wire));
            if (i == 1) {
                byte[] encoded = new byte[encoder.maxWireLength(f.length)];
                int n = encoder.encode(f, 0, f.length, encoded, 0);
                say("         on the wire: %s", hex(encoded, n));
            }
            int index = i;
            CountDownLatch back = new CountDownLatch(1);
            long before = echoes.getCount();
            aliceRunner.execute(() -> {
                sentAt[index] = SystemClock.INSTANCE.nanos();
                aliceDriver.send(f, 0, f.length);
            });
            // One frame at a time, so the printed timings belong to one frame each.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (echoes.getCount() == before && System.nanoTime() < deadline) {
                back.await(5, TimeUnit.MILLISECONDS);
            }
            if (echoes.getCount() == before) {
                say("frame %d did not come back within 10 s", i + 1);
                return false;
            }
        }
        say("");
        say("alice's adapter: %s", aliceDriver.adapter().counters());
        say("all %d frames crossed and came back byte-exact", frames.length);
        return true;
    }

    @Override
    public void close() {
        aliceRunner.close();
        bobRunner.close();
    }

    private int indexOf(PacketBuffer frame) {
        byte[] got = Arrays.copyOfRange(frame.data(), frame.offset(), frame.end());
        for (int i = 0; i < frames.length; i++) {
            if (Arrays.equals(frames[i], got)) {
                return i;
            }
        }
        return -1;
    }

    private String lineTime(int wireBytes) {
        return baud == 0 ? "none (unpaced)" : String.format("%.2f ms", wireBytes * 10 * 1e3 / baud);
    }

    private synchronized void say(String format, Object... args) {
        out.printf(format + "%n", args);
        out.flush();
    }

    /** A greeting, a frame full of the bytes SLIP must escape, and a full-size frame. */
    private static byte[][] frames(Framing framing, int maxFrame) {
        byte[] hello = pad(framing, "hello from alice, over a serial cable".getBytes(StandardCharsets.US_ASCII));
        byte[] escapes = pad(framing, new byte[] {'E', (byte) 0xC0, 'S', (byte) 0xDB, 'C', (byte) 0xC0,
                (byte) 0xDB, 'A', 'P', 'E'});
        byte[] full = new byte[maxFrame];
        for (int i = 0; i < full.length; i++) {
            full[i] = (byte) ('a' + i % 26);
        }
        if (framing == Framing.ETHERNET) {
            full = pad(framing, Arrays.copyOfRange(full, 14, full.length));
        }
        return new byte[][] {hello, escapes, full};
    }

    /** Ethernet frames get a broadcast header with a local-experimental EtherType (0x88B5). */
    private static byte[] pad(Framing framing, byte[] payload) {
        if (framing != Framing.ETHERNET) {
            return payload;
        }
        byte[] f = new byte[14 + payload.length];
        Arrays.fill(f, 0, 6, (byte) 0xff);
        f[6] = 0x02;
        f[11] = 0x01;
        f[12] = (byte) 0x88;
        f[13] = (byte) 0xB5;
        System.arraycopy(payload, 0, f, 14, payload.length);
        return f;
    }

    private static String describe(byte[] f) {
        int printable = 0;
        for (byte b : f) {
            if (b >= 0x20 && b < 0x7f) {
                printable++;
            }
        }
        if (printable == f.length) {
            String s = new String(f, StandardCharsets.US_ASCII);
            return '"' + (s.length() > 24 ? s.substring(0, 24) + "..." : s) + '"';
        }
        return hex(f, Math.min(f.length, 16)) + (f.length > 16 ? " ..." : "");
    }

    private static String hex(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(String.format("%02x", b[i] & 0xff));
        }
        return sb.toString();
    }
}
