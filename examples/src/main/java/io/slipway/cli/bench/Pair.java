package io.slipway.cli.bench;

import io.slipway.base.ManualClock;
import io.slipway.base.SystemClock;
import io.slipway.hal.Medium;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.loopback.Impairments;
import io.slipway.hal.loopback.LoopbackCable;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.socket.Service;
import io.slipway.socket.SocketException;
import io.slipway.stack.InterfaceConfig;
import io.slipway.stack.Simulation;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import io.slipway.stack.StackRunner;
import java.util.function.BooleanSupplier;

/**
 * Two whole stacks, a (10.0.0.1) and b (10.0.0.2), joined by a loopback cable: either in
 * virtual time (one thread, a {@link Simulation}: deterministic, and a paced line's minutes take
 * a second) or in real time (a {@link StackRunner} thread each). Services are added before the
 * stacks start.
 */
final class Pair implements AutoCloseable {
    static final int A = Ipv4Address.parse("10.0.0.1");
    static final int B = Ipv4Address.parse("10.0.0.2");

    final LoopbackCable cable;
    final Stack a;
    final Stack b;
    private final ManualClock clock;
    private final Simulation sim;
    private StackRunner runnerA;
    private StackRunner runnerB;
    /**
     * How long each stack thread watches for a wake-up before it parks ({@link StackRunner}): the
     * busy-polling spin, as the two stacks have a core each here.
     */
    private long spinNanos = StackRunner.BUSY_POLL_SPIN_NANOS;

    private Pair(boolean virtual, Framing framing, Impairments line, int mtu, StackConfig config,
            int hardwareQueueFrames, boolean tcpTimestamps) {
        this(virtual, framing, line, mtu, 0, config, hardwareQueueFrames, tcpTimestamps);
    }

    /** {@code segmentOffload}: the unframed cable's ({@link LoopbackCable.Builder#segmentOffload}), 0 for none. */
    private Pair(boolean virtual, Framing framing, Impairments line, int mtu, int segmentOffload, StackConfig config,
            int hardwareQueueFrames, boolean tcpTimestamps) {
        clock = virtual ? new ManualClock() : null;
        // With offload every slot holds 64 KiB: fewer of them, still many more than the window's few segments.
        int ring = segmentOffload > 0 ? OFFLOAD_RING_FRAMES : RECEIVE_RING_FRAMES;
        LoopbackCable.Builder builder = LoopbackCable.builder(virtual ? clock : SystemClock.INSTANCE).name("bench")
                .mtu(mtu).impairments(line).transmitQueueFrames(hardwareQueueFrames)
                .inFlightFrames(ring).receiveQueueFrames(ring).seed(1);
        if (segmentOffload > 0) {
            builder.segmentOffload(segmentOffload).checksumOffload().exchangeArrays();
        }
        cable = (framing != null ? builder.framing(framing) : builder.unframed(Medium.IP)).build();
        a = new Stack("a", config, 1);
        b = new Stack("b", config, 2);
        boolean compress = framing != null && framing.compressesHeaders();
        a.addInterface(cable.a(), InterfaceConfig.pointToPoint(Ipv4Prefix.parse("10.0.0.1/24", 24), B)
                .withHeaderCompression(compress).withTcpTimestamps(tcpTimestamps));
        b.addInterface(cable.b(), InterfaceConfig.pointToPoint(Ipv4Prefix.parse("10.0.0.2/24", 24), A)
                .withHeaderCompression(compress).withTcpTimestamps(tcpTimestamps));
        sim = virtual ? new Simulation(clock).add(a).add(b) : null;
    }

    /**
     * The adapters queue {@link #HARDWARE_QUEUE_FRAMES} frames, the one on the line included, as a
     * UART's driver holds a frame or two: what waits beyond that waits in slipway's LAN driver,
     * whose backlog sends low-delay frames first.
     */
    static final int HARDWARE_QUEUE_FRAMES = 2;
    /** Each adapter's receive ring: 1 024 frames, as a network card's (the cable's default is 64). */
    static final int RECEIVE_RING_FRAMES = 1024;
    /**
     * The same on a cable with segmentation offload, whose frames may be 64 KiB: 16, for a
     * window of four such segments. The arrays cycle through the slots and the queue, and 64 of
     * them (8 MiB a direction) outgrew the caches: 23.0-23.5 against 25.4-25.9 Gbit/s with 16.
     */
    static final int OFFLOAD_RING_FRAMES = 16;

    static Pair virtual(Impairments line, int mtu, StackConfig config) {
        return virtual(Framing.SLIP, line, mtu, config);
    }

    /** A pair on a cable of {@code framing} (SLIP or CSLIP) in virtual time. */
    static Pair virtual(Framing framing, Impairments line, int mtu, StackConfig config) {
        return virtual(framing, line, mtu, config, false);
    }

    /** The same with TCP timestamps (RFC 7323) offered on both interfaces when {@code tcpTimestamps}. */
    static Pair virtual(Framing framing, Impairments line, int mtu, StackConfig config, boolean tcpTimestamps) {
        return new Pair(true, framing, line, mtu, config, HARDWARE_QUEUE_FRAMES, tcpTimestamps);
    }

    /** In real time; {@code framed}: SLIP-encoded and decoded on the cable, else IP packets as they are. */
    static Pair realTime(boolean framed, Impairments line, int mtu, StackConfig config) {
        return new Pair(false, framed ? Framing.SLIP : null, line, mtu, config, HARDWARE_QUEUE_FRAMES, false);
    }

    /**
     * In real time on the unframed cable with segmentation offload up to {@code maxPacket} bytes
     * and checksum offload, as Linux's loopback device has both: TCP segments of many MSS cross
     * whole, unsummed and unchecked.
     */
    static Pair realTimeWithSegmentOffload(int maxPacket, int mtu, StackConfig config) {
        return new Pair(false, null, Impairments.PERFECT, mtu, maxPacket, config, HARDWARE_QUEUE_FRAMES, false);
    }

    /**
     * In real time, has the stack threads park as soon as they are idle, without first watching
     * for a wake-up: the benchmarks' figure for a machine whose cores are busy elsewhere.
     */
    Pair parkingAtOnce() {
        spinNanos = 0;
        return this;
    }

    Pair onA(Service s) throws SocketException {
        a.sockets().addService(s);
        return this;
    }

    Pair onB(Service s) throws SocketException {
        b.sockets().addService(s);
        return this;
    }

    /** The time the stacks run on. */
    long nanos() {
        return clock != null ? clock.nanos() : System.nanoTime();
    }

    /**
     * Runs the stacks until {@code done} (read on this thread: in real time it must read what the
     * stack threads publish safely) or {@code limitNanos} of their time; true when done.
     */
    boolean runUntil(BooleanSupplier done, long limitNanos) throws InterruptedException {
        if (sim != null) {
            return sim.runUntil(done, limitNanos);
        }
        if (runnerA == null) {
            runnerA = new StackRunner(a, SystemClock.INSTANCE, spinNanos).start();
            runnerB = new StackRunner(b, SystemClock.INSTANCE, spinNanos).start();
        }
        long deadline = System.nanoTime() + limitNanos;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0 || runnerA.failure() != null || runnerB.failure() != null) {
                return false;
            }
            Thread.sleep(1); // the work is on the stack threads; this one only watches
        }
        return true;
    }

    @Override
    public void close() {
        if (runnerA != null) {
            runnerA.close();
            runnerB.close();
        }
        cable.close();
    }
}
