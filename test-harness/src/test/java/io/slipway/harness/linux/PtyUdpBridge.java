package io.slipway.harness.linux;

import io.slipway.hal.serial.SerialAdapter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stands in for {@code slattach -p slip}, which this kernel cannot do (it has no SLIP driver):
 * carries frames between a serial line (a {@link SerialAdapter} on one end of a pty pair, doing
 * the SLIP or Ethernet-over-serial framing) and the UDP socket that socat joins to the kernel's
 * TUN or TAP device, one frame per datagram each way.
 *
 * <pre>
 *   slipway ── pty B ═ socat ═ pty A ── SerialAdapter ── this thread ── UDP ── socat ── TUN/TAP (netns)
 * </pre>
 *
 * <p>One thread drives both directions, because a {@link io.slipway.hal.LanAdapter} expects its
 * {@code transmit} and {@code receive} to be called from one thread (the stack thread). It waits in
 * a {@link Selector} for a datagram, and the adapter's wake-up (a frame arrived, transmit room
 * freed) wakes the selector, so it neither polls nor misses anything.
 *
 * <p>The bridge is transparent up to the largest UDP datagram: it does not enforce the link's MTU
 * (the kernel device and slipway do, each for what it sends), so a test sees what an endpoint
 * really sent. Frames the serial decoder rejects (bad FCS, bad escape) are counted in the
 * adapter's counters, and a datagram the socket cannot take is counted in {@link #udpSendDrops()}.
 */
final class PtyUdpBridge implements AutoCloseable {
    /** The largest UDP payload over IPv4: 65535 - 20 (IP header) - 8 (UDP header). */
    static final int MAX_DATAGRAM = 65_507;
    /** Rings of the bridge's adapter, large enough for a few frames of {@link #MAX_DATAGRAM}. */
    static final int RING_BYTES = 1 << 18;
    /** Bounds a select, only so that a failed wake-up could not stall the bridge for ever. */
    private static final long SELECT_MILLIS = 100;
    private static final long JOIN_MILLIS = 5_000;

    private final SerialAdapter pty;
    private final DatagramChannel udp;
    private final InetSocketAddress socat;
    private final Selector selector;
    private final SelectionKey key;
    private final Thread thread;
    private final AtomicLong framesFromLinux = new AtomicLong();
    private final AtomicLong framesToLinux = new AtomicLong();
    private final AtomicLong udpSendDrops = new AtomicLong();
    private final AtomicLong framesLost = new AtomicLong();
    /** The share of frames the bridge drops on purpose, each way (a lossy serial line); 0 by default. */
    private volatile double lossRate;
    private volatile boolean spareSyns;
    private volatile java.util.SplittableRandom lossRandom = new java.util.SplittableRandom(0);
    private volatile boolean running = true;
    private volatile Throwable failure;

    /**
     * Takes ownership of {@code pty} and {@code udp} (closed by {@link #close()}) and starts the
     * bridge thread; datagrams go to {@code socat}.
     */
    PtyUdpBridge(String name, SerialAdapter pty, DatagramChannel udp, InetSocketAddress socat) throws IOException {
        this.pty = pty;
        this.udp = udp;
        this.socat = socat;
        this.selector = Selector.open();
        udp.configureBlocking(false);
        this.key = udp.register(selector, SelectionKey.OP_READ);
        pty.setWakeup(selector::wakeup);
        this.thread = new Thread(this::run, "linuxpeer-bridge-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    /** Datagrams from the kernel (via socat), each handed to the serial line as one frame. */
    long framesFromLinux() {
        return framesFromLinux.get();
    }

    /** Frames from the serial line, each sent to the kernel (via socat) as one datagram. */
    long framesToLinux() {
        return framesToLinux.get();
    }

    /** Frames from the serial line dropped because the UDP socket's send buffer was full. */
    long udpSendDrops() {
        return udpSendDrops.get();
    }

    /** Drops each frame, either way, with probability {@code rate}, seeded so a run replays. */
    void setLoss(double rate, long seed) {
        setLoss(rate, seed, false);
    }

    /** The same, never dropping a TCP SYN when {@code spareSyns} (see {@link LinuxPeer#setFrameLoss(double, long, boolean)}). */
    void setLoss(double rate, long seed, boolean spareSyns) {
        lossRandom = new java.util.SplittableRandom(seed);
        this.spareSyns = spareSyns;
        lossRate = rate;
    }

    /** Frames dropped on purpose by {@link #setLoss}. */
    long framesLost() {
        return framesLost.get();
    }

    private boolean lose(byte[] frame, int length) {
        if (spareSyns && isTcpSyn(frame, length)) {
            return false;
        }
        if (lossRate > 0 && lossRandom.nextDouble() < lossRate) {
            framesLost.incrementAndGet();
            return true;
        }
        return false;
    }

    /** An IPv4 packet (bare, or in an Ethernet II frame) holding a TCP segment with SYN set. */
    private static boolean isTcpSyn(byte[] frame, int length) {
        int ip = length > 14 && (frame[12] & 0xFF) == 0x08 && frame[13] == 0 && (frame[14] & 0xF0) == 0x40 ? 14 : 0;
        if (length < ip + 20 || (frame[ip] & 0xF0) != 0x40 || frame[ip + 9] != 6) {
            return false;
        }
        int tcp = ip + (frame[ip] & 0x0F) * 4;
        return length > tcp + 13 && (frame[tcp + 13] & 0x02) != 0;
    }

    /** Whether the pty line is still open (it closes when socat ends the pty pair). */
    boolean ptyLinkUp() {
        return pty.isLinkUp();
    }

    /** What stopped the bridge thread early, or null. */
    Throwable failure() {
        return failure;
    }

    /** Stops the thread, then closes the adapter (and its pty) and the UDP socket. Idempotent. */
    @Override
    public void close() {
        running = false;
        selector.wakeup();
        try {
            thread.join(JOIN_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        pty.close();
        closeQuietly(udp);
        closeQuietly(selector);
    }

    /** Whether the bridge thread has ended; for leak checks. */
    boolean threadFinished() {
        return !thread.isAlive();
    }

    @Override
    public String toString() {
        return "bridge: " + framesFromLinux() + " frames linux->pty, " + framesToLinux() + " pty->linux, "
                + udpSendDrops() + " udp send drops, " + framesLost() + " lost on purpose" + (failure == null ? "" : ", failed: " + failure)
                + "; pty adapter " + pty;
    }

    private void run() {
        ByteBuffer fromLinux = ByteBuffer.allocate(MAX_DATAGRAM);
        byte[] fromPty = new byte[pty.maxFrameLength()];
        ByteBuffer toLinux = ByteBuffer.wrap(fromPty);
        // A datagram received while the adapter's transmit ring was full waits here for room.
        boolean pending = false;
        try {
            while (running) {
                boolean progress = false;
                int n;
                while ((n = pty.receive(fromPty, 0, fromPty.length)) >= 0) {
                    progress = true;
                    if (lose(fromPty, n)) {
                        continue;
                    }
                    toLinux.clear().limit(n);
                    if (udp.send(toLinux, socat) == 0) {
                        udpSendDrops.incrementAndGet();
                    } else {
                        framesToLinux.incrementAndGet();
                    }
                    progress = true;
                }
                while (true) {
                    if (!pending) {
                        fromLinux.clear();
                        if (udp.receive(fromLinux) == null) {
                            break;
                        }
                        framesFromLinux.incrementAndGet();
                        if (lose(fromLinux.array(), fromLinux.position())) {
                            progress = true;
                            continue;
                        }
                        pending = true;
                    }
                    if (!pty.transmit(fromLinux.array(), 0, fromLinux.position())) {
                        break; // transmit ring full: the adapter wakes us when it has room
                    }
                    pending = false;
                    progress = true;
                }
                if (!progress) {
                    // While a datagram is pending, more datagrams must not keep the selector awake.
                    key.interestOps(pending ? 0 : SelectionKey.OP_READ);
                    selector.select(SELECT_MILLIS);
                    selector.selectedKeys().clear();
                }
            }
        } catch (IOException | RuntimeException e) {
            if (running) {
                failure = e;
            }
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Closing a socket or selector that is done with: nothing useful to report.
        }
    }
}
