package io.slipway.hal.loopback;

/**
 * What one direction of a {@link LoopbackCable} does to the frames it carries: an immutable value
 * built with {@link #builder()}. The defaults ({@link #PERFECT}) are a perfect, unpaced wire:
 * every frame arrives intact, once, in order, at the instant it was sent.
 *
 * <p>Probabilities are per frame and drawn from the direction's own seeded random stream, so a
 * given seed replays the same losses, corruptions, duplicates and reorderings.
 */
public final class Impairments {
    /** A perfect, unpaced wire. */
    public static final Impairments PERFECT = builder().build();

    /** "No cap": every frame the ends accept fits the wire. */
    public static final int NO_MTU_CAP = Integer.MAX_VALUE;

    private final int baud;
    private final long propagationDelayNanos;
    private final double loss;
    private final double corruption;
    private final double duplication;
    private final double reorder;
    private final long reorderHoldNanos;
    private final int mtuCap;

    private Impairments(Builder b) {
        this.baud = b.baud;
        this.propagationDelayNanos = b.propagationDelayNanos;
        this.loss = b.loss;
        this.corruption = b.corruption;
        this.duplication = b.duplication;
        this.reorder = b.reorder;
        this.reorderHoldNanos = b.reorderHoldNanos;
        this.mtuCap = b.mtuCap;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from this value, to change one setting. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.baud = baud;
        b.propagationDelayNanos = propagationDelayNanos;
        b.loss = loss;
        b.corruption = corruption;
        b.duplication = duplication;
        b.reorder = reorder;
        b.reorderHoldNanos = reorderHoldNanos;
        b.mtuCap = mtuCap;
        return b;
    }

    /** Line speed in bits per second (10 bit-times per byte, 8N1); 0 means unpaced. */
    public int baud() {
        return baud;
    }

    public boolean isPaced() {
        return baud > 0;
    }

    /** Time from the last byte leaving the sender to it reaching the receiver. */
    public long propagationDelayNanos() {
        return propagationDelayNanos;
    }

    /** Probability that a frame vanishes on the wire. */
    public double loss() {
        return loss;
    }

    /** Probability that one random bit of a frame's wire bytes is flipped. */
    public double corruption() {
        return corruption;
    }

    /** Probability that a frame arrives twice. */
    public double duplication() {
        return duplication;
    }

    /** Probability that a frame is held back {@link #reorderHoldNanos()} so later ones overtake it. */
    public double reorder() {
        return reorder;
    }

    public long reorderHoldNanos() {
        return reorderHoldNanos;
    }

    /**
     * Largest payload (frame minus the medium's link header) the wire carries; longer frames
     * vanish. {@link #NO_MTU_CAP} when uncapped.
     */
    public int mtuCap() {
        return mtuCap;
    }

    @Override
    public String toString() {
        return "Impairments{baud=" + (baud == 0 ? "unpaced" : Integer.toString(baud))
                + ", delay=" + propagationDelayNanos + "ns, loss=" + loss + ", corruption=" + corruption
                + ", duplication=" + duplication + ", reorder=" + reorder + "/" + reorderHoldNanos + "ns"
                + ", mtuCap=" + (mtuCap == NO_MTU_CAP ? "none" : Integer.toString(mtuCap)) + "}";
    }

    /** Collects settings; {@link #build()} checks them together. */
    public static final class Builder {
        private int baud;
        private long propagationDelayNanos;
        private double loss;
        private double corruption;
        private double duplication;
        private double reorder;
        private long reorderHoldNanos;
        private int mtuCap = NO_MTU_CAP;

        private Builder() {
        }

        /** Paces the line at {@code bitsPerSecond} (e.g. 115200); 0 turns pacing off. */
        public Builder baud(int bitsPerSecond) {
            if (bitsPerSecond < 0) {
                throw new IllegalArgumentException("baud must not be negative: " + bitsPerSecond);
            }
            this.baud = bitsPerSecond;
            return this;
        }

        public Builder propagationDelayNanos(long nanos) {
            if (nanos < 0) {
                throw new IllegalArgumentException("propagation delay must not be negative: " + nanos);
            }
            this.propagationDelayNanos = nanos;
            return this;
        }

        public Builder loss(double probability) {
            this.loss = probability(probability, "loss");
            return this;
        }

        public Builder corruption(double probability) {
            this.corruption = probability(probability, "corruption");
            return this;
        }

        public Builder duplication(double probability) {
            this.duplication = probability(probability, "duplication");
            return this;
        }

        /**
         * Holds back a frame with {@code probability} for {@code holdNanos} beyond its normal
         * arrival, so frames sent within that time overtake it.
         */
        public Builder reorder(double probability, long holdNanos) {
            if (holdNanos < 0) {
                throw new IllegalArgumentException("reorder hold must not be negative: " + holdNanos);
            }
            this.reorder = probability(probability, "reorder");
            this.reorderHoldNanos = holdNanos;
            return this;
        }

        /** Frames whose payload exceeds {@code maxPayload} bytes silently vanish on the wire. */
        public Builder mtuCap(int maxPayload) {
            if (maxPayload < 0) {
                throw new IllegalArgumentException("MTU cap must not be negative: " + maxPayload);
            }
            this.mtuCap = maxPayload;
            return this;
        }

        public Impairments build() {
            if (reorder > 0 && reorderHoldNanos == 0) {
                // A zero hold would count frames as reordered that nothing can overtake.
                throw new IllegalArgumentException("reorder probability " + reorder + " needs a positive hold");
            }
            return new Impairments(this);
        }

        private static double probability(double p, String what) {
            if (!(p >= 0.0 && p <= 1.0)) {
                throw new IllegalArgumentException(what + " probability must be in [0, 1]: " + p);
            }
            return p;
        }
    }
}
