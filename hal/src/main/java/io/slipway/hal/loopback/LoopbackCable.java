package io.slipway.hal.loopback;

import io.slipway.base.Clock;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.Medium;
import io.slipway.hal.framing.Framing;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Two {@link LanAdapter}s, ends {@link #a()} and {@link #b()}, joined by a cable in memory, as
 * smoltcp's and gVisor's loopback devices are, with a fault injector built in.
 *
 * <pre>
 *   LoopbackCable cable = LoopbackCable.builder(clock)
 *           .framing(Framing.SLIP).mtu(1500).seed(42)
 *           .impairments(Impairments.builder().baud(115200).loss(0.01).build())
 *           .build();
 *   cable.a().transmit(frame, 0, len);      // ... cable.b().receive(buf, 0, buf.length)
 * </pre>
 *
 * <p>Each direction has its own {@link Impairments}, random stream (split from the seed) and
 * {@link CableCounters}. With a {@link Framing}, the wire carries exactly the bytes its encoder
 * produces, paced at 10 bit-times per byte, and the receiver runs them through the real decoder,
 * so a flipped bit shows up as a bad escape, a bad FCS or a split frame. Without one, frames cross
 * as they are (the unpaced in-memory benchmark).
 *
 * <p><b>Time.</b> Frames arrive when the {@link Clock} reaches their arrival time: a
 * {@link io.slipway.base.ManualClock} gives virtual time (a simulation advances it to the least
 * {@link LanAdapter#nextEventNanos()}), a {@link io.slipway.base.SystemClock} gives real time
 * (the cable calls the receiving end's wake-up when it puts a frame in flight, and the receiver
 * sleeps until its next event). The cable has no thread of its own.
 *
 * <p><b>Threads.</b> Each end may be used from its own thread (two stacks), and
 * {@link #setLinkUp} from any thread; see {@link Lane} for the per-direction lock. Lock order:
 * the cable's monitor (link changes only), then a lane's; a lane never takes the cable's.
 */
public final class LoopbackCable implements AutoCloseable {
    private final String name;
    private final Framing framing;
    private final CableEnd a;
    private final CableEnd b;
    private final Lane aToB;
    private final Lane bToA;
    private volatile boolean linkUp = true;
    /** Guarded by this; once closed the link stays down. */
    private boolean closed;

    private LoopbackCable(Builder builder) {
        this.name = builder.name;
        this.framing = builder.framing;
        int offload = Math.max(builder.mtu, builder.segmentOffload);
        this.a = new CableEnd(this, name + ".a", builder.medium, builder.mtu, offload, builder.checksumOffload,
                builder.exchangeArrays);
        this.b = new CableEnd(this, name + ".b", builder.medium, builder.mtu, offload, builder.checksumOffload,
                builder.exchangeArrays);
        // Each direction draws from its own stream, so one side's traffic cannot shift the other's
        // losses, whichever thread runs first.
        SplittableRandom root = new SplittableRandom(builder.seed);
        this.aToB = new Lane(builder.clock, framing, builder.aToB, root.split(), a, b,
                builder.transmitQueueFrames, builder.inFlightFrames, builder.receiveQueueFrames, builder.exchangeArrays);
        this.bToA = new Lane(builder.clock, framing, builder.bToA, root.split(), b, a,
                builder.transmitQueueFrames, builder.inFlightFrames, builder.receiveQueueFrames, builder.exchangeArrays);
        a.connect(aToB, bToA);
        b.connect(bToA, aToB);
    }

    /** A builder for a cable on {@code clock}: unframed IP, MTU 1500, perfect and unpaced, seed 0. */
    public static Builder builder(Clock clock) {
        return new Builder(clock);
    }

    public String name() {
        return name;
    }

    public LanAdapter a() {
        return a;
    }

    public LanAdapter b() {
        return b;
    }

    /** The framing on the wire, or null when frames cross as they are. */
    public Framing framing() {
        return framing;
    }

    public boolean isLinkUp() {
        return linkUp;
    }

    /**
     * Plugs or unplugs the cable. Going down, every frame queued or in flight is lost (counted
     * {@link CableEvent#LINK_DOWN_LOST}); frames already arrived stay in the receive queues; frames
     * sent while down are dropped by the ends ({@link io.slipway.hal.DropReason#LINK_DOWN}). Both
     * ends' wake-ups are called when the state changes. A closed cable stays down.
     */
    public void setLinkUp(boolean up) {
        boolean changed;
        synchronized (this) {
            boolean effective = up && !closed;
            changed = effective != linkUp;
            // Ends see the new state before the lanes act on it; a transmit racing with this
            // either is dropped as LINK_DOWN or is in flight and lost with the others.
            linkUp = effective;
            aToB.setUp(effective);
            bToA.setUp(effective);
        }
        if (changed) {
            a.wake();
            b.wake();
        }
    }

    public CableCounters counters(CableDirection direction) {
        return lane(direction).counters();
    }

    public Impairments impairments(CableDirection direction) {
        return lane(direction).impairments();
    }

    /** Frames queued or on the wire in {@code direction} that will arrive; for tests. */
    public int framesInFlight(CableDirection direction) {
        return lane(direction).framesInFlight();
    }

    /** Frames arrived in {@code direction} and waiting in the receiver's queue; for tests. */
    public int framesWaiting(CableDirection direction) {
        return lane(direction).receiveQueueSize();
    }

    /** Unplugs the cable for good. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        setLinkUp(false);
    }

    @Override
    public String toString() {
        return name + " (" + (framing == null ? "unframed" : framing.name()) + ", "
                + (linkUp ? "up" : "down") + ", a->b " + aToB.counters() + ", b->a " + bToA.counters() + ")";
    }

    private Lane lane(CableDirection direction) {
        return direction == CableDirection.A_TO_B ? aToB : bToA;
    }

    /** Settings of a cable; {@link #build()} checks them. */
    public static final class Builder {
        private final Clock clock;
        private String name = "cable";
        private Framing framing;
        private Medium medium = Medium.IP;
        private int mtu = 1500;
        private int segmentOffload;
        private boolean checksumOffload;
        private boolean exchangeArrays;
        private Impairments aToB = Impairments.PERFECT;
        private Impairments bToA = Impairments.PERFECT;
        private long seed;
        private int transmitQueueFrames = 16;
        private int inFlightFrames = 64;
        private int receiveQueueFrames = 64;

        private Builder(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /** Ends are named {@code name.a} and {@code name.b}. */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Frames cross encoded by {@code framing}, whose medium the ends take. */
        public Builder framing(Framing framing) {
            this.framing = Objects.requireNonNull(framing, "framing");
            this.medium = framing.medium();
            return this;
        }

        /** Frames of {@code medium} cross as they are, without framing (the default, IP). */
        public Builder unframed(Medium medium) {
            this.framing = null;
            this.medium = Objects.requireNonNull(medium, "medium");
            return this;
        }

        /** Largest payload both ends carry; frames may be this plus the medium's header. */
        public Builder mtu(int mtu) {
            this.mtu = positive(mtu, "MTU");
            return this;
        }

        /**
         * Segmentation offload up to {@code maxPacket} bytes (at most 65 535, an IPv4 datagram's
         * limit): the ends carry TCP segments that large whole, as Linux's loopback device does
         * with TSO, GSO and GRO on, so the stacks do their per-segment work once per many MSS.
         * For the unframed cable only: a framed line carries what its MTU allows. Each slot of the
         * in-flight pool and of the receive queues is then this large.
         */
        public Builder segmentOffload(int maxPacket) {
            if (maxPacket > 65_535) {
                throw new IllegalArgumentException("segmentation offload above an IPv4 datagram's 65535 bytes: "
                        + maxPacket);
            }
            this.segmentOffload = positive(maxPacket, "segmentation offload");
            return this;
        }

        /**
         * Checksum offload: the ends vouch for the bytes they carry, so TCP neither sums nor
         * checks its checksum over them, as on Linux's loopback device. For the unframed cable
         * that corrupts nothing: with corruption on, nothing would find a flipped bit.
         */
        public Builder checksumOffload() {
            this.checksumOffload = true;
            return this;
        }

        /**
         * Frames change hands by exchanging arrays with the stacks' exchangeable buffers instead
         * of being copied ({@link io.slipway.hal.LanAdapter#exchangesArrays}): the sender's array
         * crosses as it is and the receiver takes it, as a network card's driver hands its ring
         * buffers up the stack. Every slot then holds {@link io.slipway.base.PacketBuffer#EXCHANGE_CAPACITY}
         * bytes. For the unframed cable only: a framed line encodes every frame anew.
         */
        public Builder exchangeArrays() {
            this.exchangeArrays = true;
            return this;
        }

        /** The same impairments both ways. */
        public Builder impairments(Impairments both) {
            return impairments(both, both);
        }

        public Builder impairments(Impairments aToB, Impairments bToA) {
            this.aToB = Objects.requireNonNull(aToB, "aToB");
            this.bToA = Objects.requireNonNull(bToA, "bToA");
            return this;
        }

        public Builder impairments(CableDirection direction, Impairments impairments) {
            Objects.requireNonNull(impairments, "impairments");
            if (direction == CableDirection.A_TO_B) {
                this.aToB = impairments;
            } else {
                this.bToA = impairments;
            }
            return this;
        }

        /** Seeds both directions' random streams. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Frames an end can have queued but not yet fully sent; transmit() refuses more. */
        public Builder transmitQueueFrames(int frames) {
            this.transmitQueueFrames = positive(frames, "transmit queue");
            return this;
        }

        /**
         * Slots per direction for frames between transmit and arrival (queued, on the line, or
         * propagating); transmit() refuses a frame when they are all taken. At least the transmit
         * queue.
         */
        public Builder inFlightFrames(int frames) {
            this.inFlightFrames = positive(frames, "in-flight pool");
            return this;
        }

        /**
         * Arrived frames an end holds before receive(); more are dropped (RX_QUEUE_FULL). A
         * frame that arrives while the queue holds frames waits in its in-flight slot until the
         * queue empties, so the slots the sender is not using add to this room (see Lane).
         */
        public Builder receiveQueueFrames(int frames) {
            this.receiveQueueFrames = positive(frames, "receive queue");
            return this;
        }

        public LoopbackCable build() {
            if (inFlightFrames < transmitQueueFrames) {
                // Every queued frame holds a slot: a smaller pool would make the queue limit a lie.
                throw new IllegalArgumentException("in-flight pool (" + inFlightFrames
                        + ") smaller than the transmit queue (" + transmitQueueFrames + ")");
            }
            if (segmentOffload != 0 && framing != null) {
                throw new IllegalArgumentException("segmentation offload is for the unframed cable, not "
                        + framing.name() + ": a framed line carries what its MTU allows");
            }
            if (exchangeArrays && framing != null) {
                throw new IllegalArgumentException("array exchange is for the unframed cable, not " + framing.name()
                        + ": a framed line encodes every frame into its own bytes");
            }
            if (checksumOffload && (framing != null || aToB.corruption() > 0 || bToA.corruption() > 0)) {
                throw new IllegalArgumentException("checksum offload is for an unframed cable that corrupts nothing");
            }
            if (segmentOffload != 0 && segmentOffload < mtu) {
                throw new IllegalArgumentException("segmentation offload (" + segmentOffload
                        + ") below the MTU (" + mtu + ")");
            }
            return new LoopbackCable(this);
        }

        private static int positive(int n, String what) {
            if (n < 1) {
                throw new IllegalArgumentException(what + " must be positive: " + n);
            }
            return n;
        }
    }
}
