package io.slipway.hal;

import io.slipway.base.Counters;

/** Traffic and drop counters of one adapter: frames and bytes each way, drops by reason. */
public final class LinkCounters {
    /** Traffic counted by an adapter. */
    public enum Traffic {
        FRAMES_IN, BYTES_IN, FRAMES_OUT, BYTES_OUT
    }

    /** The reasons whose drops may have lost a received frame, once, so the sum allocates nothing. */
    private static final DropReason[] RECEIVE_LOSSES = java.util.Arrays.stream(DropReason.values())
            .filter(DropReason::isReceiveLoss).toArray(DropReason[]::new);

    private final Counters<Traffic> traffic = new Counters<>(Traffic.class);
    private final Counters<DropReason> drops = new Counters<>(DropReason.class);

    /** A frame of {@code bytes} delivered to the driver. */
    public void received(int bytes) {
        traffic.increment(Traffic.FRAMES_IN);
        traffic.add(Traffic.BYTES_IN, bytes);
    }

    /** A frame of {@code bytes} accepted for transmission. */
    public void transmitted(int bytes) {
        traffic.increment(Traffic.FRAMES_OUT);
        traffic.add(Traffic.BYTES_OUT, bytes);
    }

    public void dropped(DropReason reason) {
        drops.increment(reason);
    }

    public long framesIn() {
        return traffic.get(Traffic.FRAMES_IN);
    }

    public long bytesIn() {
        return traffic.get(Traffic.BYTES_IN);
    }

    public long framesOut() {
        return traffic.get(Traffic.FRAMES_OUT);
    }

    public long bytesOut() {
        return traffic.get(Traffic.BYTES_OUT);
    }

    public long drops(DropReason reason) {
        return drops.get(reason);
    }

    public long totalDrops() {
        return drops.total();
    }

    /**
     * Drops so far that may have lost a frame the peer sent ({@link DropReason#isReceiveLoss}): a
     * driver that keeps state across frames (RFC 1144's decompressor) watches it grow.
     */
    public long receiveLosses() {
        long sum = 0;
        for (DropReason reason : RECEIVE_LOSSES) {
            sum += drops.get(reason);
        }
        return sum;
    }

    /**
     * {@link #receiveLosses()} without those of {@code reason}: an adapter whose reader thread
     * marks each queued frame with the losses found before it leaves out the one reason its stack
     * thread counts ({@link DropReason#BUFFER_TOO_SMALL}), so each counter it reads has one writer.
     */
    public long receiveLossesExcept(DropReason reason) {
        long sum = 0;
        for (DropReason r : RECEIVE_LOSSES) {
            if (r != reason) {
                sum += drops.get(r);
            }
        }
        return sum;
    }

    @Override
    public String toString() {
        return "in " + framesIn() + " frames/" + bytesIn() + " B, out " + framesOut() + " frames/"
                + bytesOut() + " B, drops " + drops;
    }
}
