package io.slipway.ip;

import io.slipway.base.PacketBuffer;
import io.slipway.base.Timer;
import io.slipway.base.TimerAction;

/**
 * One datagram under reassembly: its key, the fragments received so far, and a preallocated
 * buffer the fragments are copied into at their final place.
 *
 * <pre>
 *  buffer.data():
 *  +----------+-----------------------+------------------------------------------------+
 *  | headroom | header room (60)      | payload, byte 0 at {@link #payloadStart}       |
 *  +----------+-----------------------+------------------------------------------------+
 *                  fragment zero's header ends at payloadStart: the datagram is contiguous
 * </pre>
 *
 * RFC 815 keeps a list of the holes still to fill. Because overlapping fragments end the
 * datagram (RFC 5722's rule), the received fragments never overlap, and this keeps their
 * ranges instead, sorted by offset: a duplicate or an overlap is then found by looking at the
 * two neighbours of the new range, and the datagram is complete when the bytes received equal
 * the length the last fragment gave. Both lists are bounded by the fragments allowed.
 *
 * <p>Owned by {@link Reassembler}, which holds the rules; this class keeps the bookkeeping.
 */
final class ReassemblySlot implements TimerAction {
    enum State {
        /** Holds nothing; may take a new datagram. */
        FREE,
        /** Fragments are arriving. */
        ASSEMBLING,
        /** The datagram was dropped; its key stays until the timer, to discard later fragments. */
        POISONED,
        /** Complete and lent to the caller until {@link Reassembler#release}. */
        DELIVERING
    }

    /** Returned by {@link #classify} for a fragment that may be inserted. */
    static final IpEvent ACCEPTABLE = null;

    private final Reassembler owner;
    final PacketBuffer buffer;
    final Timer timer;
    /** Index in {@code buffer.data()} of payload byte 0; the header goes right before it. */
    final int payloadStart;
    /** Received ranges {@code [starts[i], ends[i])} of payload bytes, sorted, never overlapping. */
    private final int[] starts;
    private final int[] ends;
    private int count;

    State state = State.FREE;
    private int source;
    private int destination;
    private int protocol;
    private int identification;
    /** Payload length, fixed by the fragment with More Fragments clear; -1 until it arrives. */
    int payloadLength = -1;
    /** Payload bytes received: the sum of the ranges. */
    int payloadReceived;
    /** Header length of fragment zero (offset 0); 0 until it arrives. */
    int firstHeaderLength;
    /** The interface fragment zero arrived on; its address is the source of a time exceeded. */
    IpInterface firstIn;
    /** Bytes this slot counts against the reassembler's budget: payload plus fragment zero's header. */
    int bytesHeld;
    /** When the datagram last made progress: its first fragment, or the latest one stored. */
    long lastProgressNanos;

    ReassemblySlot(Reassembler owner, int capacity, int payloadStart, int headroom, int maxFragments) {
        this.owner = owner;
        this.buffer = PacketBuffer.standalone(capacity, headroom);
        this.timer = new Timer(this);
        this.payloadStart = payloadStart;
        this.starts = new int[maxFragments];
        this.ends = new int[maxFragments];
    }

    @Override
    public void onTimer(long nowNanos) {
        owner.expire(this, nowNanos);
    }

    boolean holds(int source, int destination, int protocol, int identification) {
        return (state == State.ASSEMBLING || state == State.POISONED) && this.identification == identification
                && this.source == source && this.destination == destination && this.protocol == protocol;
    }

    /** Takes a new datagram's key; the slot must be free. */
    void open(int source, int destination, int protocol, int identification) {
        this.source = source;
        this.destination = destination;
        this.protocol = protocol;
        this.identification = identification;
        state = State.ASSEMBLING;
    }

    boolean hasFirstFragment() {
        return firstHeaderLength != 0;
    }

    /** Data bytes fragment zero carried (it is the range that starts at 0). */
    int firstFragmentDataLength() {
        return count > 0 && starts[0] == 0 ? ends[0] : 0;
    }

    /** One past the last payload byte received so far. */
    int highestEnd() {
        return count == 0 ? 0 : ends[count - 1];
    }

    boolean isComplete() {
        return payloadLength >= 0 && payloadReceived == payloadLength;
    }

    /**
     * What to do with a fragment of payload bytes {@code [start, end)}: {@link #ACCEPTABLE}, or
     * the event that says why not — {@link IpEvent#DUPLICATE_FRAGMENT} (ignore it and keep the
     * datagram), or a reason to drop the whole datagram.
     */
    IpEvent classify(int start, int end, boolean last, int maxFragments) {
        int at = indexOf(start);
        // An exact repeat (a link that duplicated a frame): ignored, as Linux does
        // (inet_frag_queue_insert returns IPFRAG_DUP and only that fragment is freed). Linux
        // also forgives a fragment lying wholly inside data already received; anything else
        // that overlaps ends the datagram here and there.
        if (at < count && starts[at] == start && ends[at] == end) {
            return IpEvent.DUPLICATE_FRAGMENT;
        }
        // RFC 791 §3.2: the last fragment fixes the datagram's length. Data beyond it, or two
        // last fragments that disagree, cannot belong to one datagram (Linux drops it too).
        if (payloadLength >= 0 ? end > payloadLength || (last && end != payloadLength)
                : last && highestEnd() > end) {
            return IpEvent.DROP_BAD_FRAGMENT;
        }
        // RFC 5722 §4 (for IPv6; the same attack works on IPv4, RFC 1858 §4): overlapping
        // fragments are how filters are evaded, so the whole datagram goes.
        if ((at < count && starts[at] < end) || (at > 0 && ends[at - 1] > start)) {
            return IpEvent.DROP_REASSEMBLY_OVERLAP;
        }
        if (count == maxFragments) {
            return IpEvent.DROP_REASSEMBLY_TOO_MANY_FRAGMENTS;
        }
        return ACCEPTABLE;
    }

    /** Records the range {@code [start, end)}, which {@link #classify} accepted. */
    void insert(int start, int end, boolean last) {
        int at = indexOf(start);
        System.arraycopy(starts, at, starts, at + 1, count - at);
        System.arraycopy(ends, at, ends, at + 1, count - at);
        starts[at] = start;
        ends[at] = end;
        count++;
        payloadReceived += end - start;
        if (last) {
            payloadLength = end;
        }
    }

    /** Forgets the fragments but keeps the key, so that later ones are recognised and discarded. */
    void poison() {
        clearFragments();
        state = State.POISONED;
    }

    /** Back to {@link State#FREE}; the buffer's bytes are left as they are. */
    void free() {
        clearFragments();
        state = State.FREE;
    }

    private void clearFragments() {
        count = 0;
        payloadLength = -1;
        payloadReceived = 0;
        firstHeaderLength = 0;
        firstIn = null;
        bytesHeld = 0;
    }

    /** The first index whose range starts at or after {@code start} (binary search). */
    private int indexOf(int start) {
        int low = 0;
        int high = count;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (starts[mid] < start) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
