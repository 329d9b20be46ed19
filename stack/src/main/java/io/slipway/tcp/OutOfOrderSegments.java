package io.slipway.tcp;

import java.util.Objects;

/**
 * Which byte ranges past RCV.NXT the receiver holds out of order: the bookkeeping of the bounded
 * out-of-order assembler. The bytes themselves are already in the receive ring, stored past its
 * write position (ByteRing#writeAt); this class only remembers where.
 *
 * <p>RFC 9293 §3.10.7.4 lets a receiver keep segments that are acceptable (within the window,
 * §3.4) but not at RCV.NXT "for later processing"; it need not, and memory is bounded here by
 * {@code maxRanges}, never by what a peer sends. Ranges are offsets from RCV.NXT, half-open
 * {@code [start, end)}, so sequence wrap-around never shows: the caller trims a segment to the
 * receive window and converts it ({@code start = SEG.SEQ - RCV.NXT}) before adding it.
 *
 * <p>Invariant: the ranges are sorted, {@code 0 < start(i) < end(i) < start(i + 1)}: never
 * empty, never overlapping, never touching (touching ranges are merged into one).
 * Allocation-free after construction; single-threaded, like the connection.
 */
public final class OutOfOrderSegments {
    private final int[] starts;
    private final int[] ends;
    private int count;
    /** Index of the range holding the most recently added bytes, or -1 (RFC 2018 §4, for SACK). */
    private int mostRecent = -1;

    /** Room for at most {@code maxRanges} separate ranges (holes between them do not count). */
    public OutOfOrderSegments(int maxRanges) {
        if (maxRanges < 1) {
            throw new IllegalArgumentException("need room for at least one range: " + maxRanges);
        }
        this.starts = new int[maxRanges];
        this.ends = new int[maxRanges];
    }

    /**
     * Records that bytes {@code [startOffset, endOffset)} past RCV.NXT are held, merging them with
     * every range they overlap or touch. Bytes already held may arrive again (retransmissions);
     * they merge away.
     *
     * @return false, changing nothing, when the bytes would need a range of their own and
     *     {@code maxRanges} are already held: the caller drops the segment (and counts it)
     * @throws IllegalArgumentException unless {@code 0 < startOffset < endOffset}: in-order data
     *     (offset 0) goes to {@link #contiguousAfterInOrder} instead
     */
    public boolean add(int startOffset, int endOffset) {
        if (startOffset <= 0 || endOffset <= startOffset) {
            throw new IllegalArgumentException("out-of-order range must satisfy 0 < start < end: ["
                    + startOffset + ", " + endOffset + ")");
        }
        // first: the first range that ends at or after the new start (it may touch or overlap)
        int first = 0;
        while (first < count && ends[first] < startOffset) {
            first++;
        }
        // last: the last range that starts at or before the new end
        int last = first - 1;
        while (last + 1 < count && starts[last + 1] <= endOffset) {
            last++;
        }
        if (last < first) {
            if (count == starts.length) {
                return false;
            }
            System.arraycopy(starts, first, starts, first + 1, count - first);
            System.arraycopy(ends, first, ends, first + 1, count - first);
            starts[first] = startOffset;
            ends[first] = endOffset;
            count++;
        } else {
            int merged = last - first; // ranges that disappear into ranges[first]
            starts[first] = Math.min(startOffset, starts[first]);
            ends[first] = Math.max(endOffset, ends[last]);
            System.arraycopy(starts, last + 1, starts, first + 1, count - last - 1);
            System.arraycopy(ends, last + 1, ends, first + 1, count - last - 1);
            count -= merged;
        }
        mostRecent = first;
        return true;
    }

    /**
     * {@code inOrderBytes} new bytes arrived at RCV.NXT (offset 0). Returns how many bytes right
     * after them are now contiguous thanks to held ranges, so that RCV.NXT advances by {@code
     * inOrderBytes} plus the result; the ranges that joined (or that the new bytes covered) are
     * dropped, and the rest are re-based on the new RCV.NXT.
     */
    public int contiguousAfterInOrder(int inOrderBytes) {
        if (inOrderBytes < 0) {
            throw new IllegalArgumentException("negative byte count " + inOrderBytes);
        }
        int reach = inOrderBytes;
        int joined = 0;
        while (joined < count && starts[joined] <= reach) {
            reach = Math.max(reach, ends[joined]);
            joined++;
        }
        int remaining = count - joined;
        for (int i = 0; i < remaining; i++) {
            starts[i] = starts[i + joined] - reach;
            ends[i] = ends[i + joined] - reach;
        }
        count = remaining;
        mostRecent = mostRecent >= joined ? mostRecent - joined : -1;
        return reach - inOrderBytes;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    public int rangeCount() {
        return count;
    }

    /** The start offset (past RCV.NXT) of range {@code i}, in order of offset. */
    public int start(int i) {
        return starts[Objects.checkIndex(i, count)];
    }

    /** The end offset, exclusive, of range {@code i}. */
    public int end(int i) {
        return ends[Objects.checkIndex(i, count)];
    }

    /**
     * The range that holds the bytes added last, or -1 if there is none (nothing held, or those
     * bytes have since become in-order): RFC 2018 §4 wants it as the first SACK block.
     */
    public int mostRecentRange() {
        return mostRecent;
    }

    /** Forgets every range (the connection is reset, or the ring was flushed). */
    public void clear() {
        count = 0;
        mostRecent = -1;
    }
}
