package io.slipway.tcp;

/**
 * The sender's record of what the receiver has reported in SACK blocks (RFC 2018 §3, RFC 6675
 * §3's "scoreboard"): sorted, disjoint ranges {@code [left, right)} of sequence numbers above
 * SND.UNA that have arrived at the peer out of order, and the questions RFC 6675 §4 asks of
 * them — IsLost, the pipe, and where the next hole is.
 *
 * <p>Read first: RFC 6675 §2 (definitions: HighACK is SND.UNA, HighData SND.MAX, HighRxt) and
 * §4 (Update, IsLost, SetPipe, NextSeg). A hole is a range of unSACKed sequence numbers below
 * the highest SACKed one; every octet of a hole has the same SACKed data above it, so IsLost is
 * asked once per hole, not once per octet, and the pipe is summed hole by hole.
 *
 * <p>Bounded: at most {@link #MAX_RANGES} ranges. A block that would need one more displaces
 * the highest range — the sender then believes less has arrived than has, which only costs a
 * needless retransmission; it never believes data has arrived that has not. Blocks outside
 * (SND.UNA, SND.MAX] are ignored (RFC 2883's D-SACK below SND.UNA, and anything forged).
 * Allocation-free; single-threaded, like the connection.
 */
final class SackScoreboard {
    /** Ranges remembered; a receiver reports at most 4 per ACK (RFC 2018 §3), so this is many windows' worth. */
    static final int MAX_RANGES = 32;

    private final int[] left = new int[MAX_RANGES];
    private final int[] right = new int[MAX_RANGES];
    private int count;
    /**
     * Every unSACKed sequence number below {@link #lostBelow} is lost, whatever IsLost's count
     * says: a tail loss probe above it was SACKed (see {@link TailLossProbe}).
     */
    private boolean lostMarked;
    private int lostBelow;

    void clear() {
        count = 0;
        lostMarked = false;
    }

    /** Every unSACKed sequence number below {@code seq} is lost (RFC 8985's verdict once a tail loss probe above it arrived). */
    void markLostBelow(int seq) {
        if (!lostMarked || Seq.gt(seq, lostBelow)) {
            lostBelow = seq;
        }
        lostMarked = true;
    }

    boolean isEmpty() {
        return count == 0;
    }

    int rangeCount() {
        return count;
    }

    int left(int i) {
        return left[i];
    }

    int right(int i) {
        return right[i];
    }

    /** One past the highest SACKed sequence number; meaningful when not empty. */
    int highestSacked() {
        return right[count - 1];
    }

    /**
     * RFC 6675 §4 Update(): records the block {@code [blockLeft, blockRight)} from an ACK when it
     * lies within (SND.UNA {@code una}, SND.MAX {@code max}]. Returns how many sequence numbers
     * were newly SACKed (0 for an invalid, old or repeated block).
     */
    int add(int blockLeft, int blockRight, int una, int max) {
        if (!Seq.lt(blockLeft, blockRight) || Seq.gt(blockRight, max) || !Seq.gt(blockLeft, una)) {
            // Empty or backwards; beyond what was sent; or reaching down to SND.UNA — which the
            // receiver would have acknowledged had it held it (a D-SACK, RFC 2883, lies wholly
            // below), and which must go again after a timeout whatever a block says (RFC 2018 §8).
            return 0;
        }
        int l = blockLeft;
        int r = blockRight;
        int before = sackedBytes();
        int i = 0;
        while (i < count && Seq.lt(right[i], l)) {
            i++; // ranges wholly below, not touching
        }
        int j = i;
        while (j < count && Seq.le(left[j], r)) {
            l = Seq.min(l, left[j]);
            r = Seq.max(r, right[j]);
            j++; // ranges that overlap or touch the block: merged into it
        }
        int merged = j - i;
        if (merged == 0) {
            if (count == MAX_RANGES) {
                if (i == count) {
                    return 0; // above everything, and no room: forget it
                }
                count--; // the highest range makes room
                before -= right[count] - left[count];
            }
            System.arraycopy(left, i, left, i + 1, count - i);
            System.arraycopy(right, i, right, i + 1, count - i);
            count++;
        } else if (merged > 1) {
            System.arraycopy(left, j, left, i + 1, count - j);
            System.arraycopy(right, j, right, i + 1, count - j);
            count -= merged - 1;
        }
        left[i] = l;
        right[i] = r;
        return sackedBytes() - before;
    }

    /**
     * SND.UNA moved to {@code una}: what it covers is forgotten. Returns true if the receiver
     * reneged (RFC 2018 §8): the cumulative ACK stopped at or inside a SACKed range, so data it
     * reported holding was discarded — then the whole scoreboard is cleared, since none of it can
     * be trusted, and the data will be sent again (Linux's tcp_check_sack_reneging does the same).
     */
    boolean ackedTo(int una) {
        int drop = 0;
        while (drop < count && Seq.le(right[drop], una)) {
            drop++;
        }
        if (drop > 0) {
            System.arraycopy(left, drop, left, 0, count - drop);
            System.arraycopy(right, drop, right, 0, count - drop);
            count -= drop;
        }
        if (lostMarked && Seq.ge(una, lostBelow)) {
            lostMarked = false; // nothing below it is outstanding any more
        }
        if (count > 0 && Seq.le(left[0], una)) {
            clear();
            return true;
        }
        return false;
    }

    /** SACKed sequence numbers in all. */
    int sackedBytes() {
        int n = 0;
        for (int i = 0; i < count; i++) {
            n += right[i] - left[i];
        }
        return n;
    }

    /** SACKed sequence numbers in {@code [from, to)}. */
    int sackedBetween(int from, int to) {
        int n = 0;
        for (int i = 0; i < count && Seq.lt(left[i], to); i++) {
            int l = Seq.max(left[i], from);
            int r = Seq.min(right[i], to);
            if (Seq.lt(l, r)) {
                n += r - l;
            }
        }
        return n;
    }

    /** {@code seq} itself, or the end of the SACKed range holding it: the first unSACKed number from {@code seq} on. */
    int skipSacked(int seq) {
        for (int i = 0; i < count; i++) {
            if (Seq.le(left[i], seq) && Seq.lt(seq, right[i])) {
                return right[i];
            }
        }
        return seq;
    }

    /** The start of the first SACKed range above {@code seq}, or {@code limit} when none starts before it. */
    int nextSackedAfter(int seq, int limit) {
        for (int i = 0; i < count; i++) {
            if (Seq.gt(left[i], seq)) {
                return Seq.min(left[i], limit);
            }
        }
        return limit;
    }

    /** The end of the highest range that ends at or below {@code seq}, or {@code orElse} when none does. */
    int rangeEndBelow(int seq, int orElse) {
        for (int i = count - 1; i >= 0; i--) {
            if (Seq.le(right[i], seq)) {
                return right[i];
            }
        }
        return orElse;
    }

    /**
     * RFC 6675 §4 IsLost(seq): true when more than (DupThresh - 1) · SMSS bytes above {@code seq}
     * are SACKed, or DupThresh discontiguous SACKed ranges lie above it (which catches losses
     * among segments smaller than the SMSS); or when {@code seq} lies below a probe's verdict
     * ({@link #markLostBelow}).
     */
    boolean isLost(int seq, int smss) {
        if (lostMarked && Seq.lt(seq, lostBelow)) {
            return true;
        }
        long above = 0;
        int ranges = 0;
        for (int i = count - 1; i >= 0 && Seq.gt(right[i], seq); i--) {
            above += right[i] - Seq.max(left[i], seq + 1);
            ranges++;
        }
        return above > (long) (NewReno.DUPLICATE_ACK_THRESHOLD - 1) * smss
                || ranges >= NewReno.DUPLICATE_ACK_THRESHOLD;
    }

    /**
     * RFC 6675 §4 SetPipe(): the sequence numbers in (SND.UNA {@code una}, SND.MAX {@code max}]
     * thought to be in the network: of those not SACKed, (a) every one not lost, plus (b) every
     * one retransmitted in this recovery (below {@code highRxt}, exclusive). A probe's verdict
     * ({@link #markLostBelow}) counts as lost too.
     */
    int pipe(int una, int max, int highRxt, int smss) {
        int resent = Seq.min(highRxt, max);
        int pipe = Math.max(0, resent - una) - sackedBetween(una, resent); // (b): resent, not SACKed since
        // (a) hole by hole from the top, the SACKed data above each hole summed on the way down
        long sackedAbove = 0;
        int rangesAbove = 0;
        int holeEnd = max;
        for (int i = count - 1; i >= -1; i--) {
            int holeStart = i >= 0 ? right[i] : una;
            boolean lost = sackedAbove > (long) (NewReno.DUPLICATE_ACK_THRESHOLD - 1) * smss
                    || rangesAbove >= NewReno.DUPLICATE_ACK_THRESHOLD;
            if (!lost && lostMarked) {
                holeStart = Seq.max(holeStart, Seq.min(lostBelow, holeEnd)); // below the verdict: lost
            }
            if (Seq.lt(holeStart, holeEnd) && !lost) {
                pipe += holeEnd - holeStart;
            }
            if (i >= 0) {
                sackedAbove += right[i] - left[i];
                rangesAbove++;
                holeEnd = left[i];
            }
        }
        return pipe;
    }
}
