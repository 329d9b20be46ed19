package io.slipway.ip;

import io.slipway.base.Counters;
import io.slipway.base.PacketBuffer;
import io.slipway.base.TimerQueue;

/**
 * IPv4 reassembly (RFC 791 §3.2, RFC 815, RFC 1122 §3.3.2) with memory fixed by
 * {@link ReassemblyConfig}, never by what a peer sends.
 *
 * <p>Read first: RFC 791 §3.2 "Fragmentation and reassembly" (the key and the 8-byte units),
 * RFC 815 (bookkeeping of what arrived), RFC 1122 §3.3.2 (a fixed timeout; time exceeded only
 * when fragment zero arrived), RFC 5722 §4 (overlapping fragments end the datagram; written for
 * IPv6, applied here to IPv4 as RFC 1858 §4's overlap attack asks).
 *
 * <ul>
 *   <li>A datagram is identified by (source, destination, protocol, identification) and held in
 *       one of {@code maxDatagrams} slots, each with a buffer allocated at construction; each
 *       fragment is copied to its final place in it, so the completed datagram is one contiguous
 *       packet. Nothing is allocated per fragment.
 *   <li>Drops, each counted: a fragment that breaks RFC 791's rules; a datagram that overlaps
 *       itself, grows beyond {@code maxDatagramBytes} or arrives in more than
 *       {@code maxFragments} pieces (then its key is kept, "poisoned", until its timer runs out,
 *       so the rest of it is discarded without taking a new slot or sending ICMP); a fragment
 *       for which no slot or no byte budget ({@code maxTotalBytes}) is left, once datagrams that
 *       have stalled for {@code stallNanos} have been evicted to make room.
 *   <li>A timer per slot, started by the datagram's first fragment and never extended (RFC 1122
 *       §3.3.2 asks for a fixed value, not one taken from the TTL as RFC 791 suggested).
 * </ul>
 *
 * Single-threaded (the stack thread).
 */
public final class Reassembler {
    /** Told when a datagram times out with its first fragment held (RFC 1122 §3.3.2). */
    public interface TimeoutListener {
        /** {@code data[offset, offset + length)}: the first fragment's header and leading data bytes. */
        void onReassemblyTimeout(byte[] data, int offset, int length, IpInterface in, long nowNanos);
    }

    /** Data bytes of the datagram an ICMP error quotes after its header (RFC 792). */
    static final int QUOTED_DATA_BYTES = 8;

    private final ReassemblyConfig config;
    private final TimerQueue timers;
    private final Counters<IpEvent> events;
    private final TimeoutListener listener;
    private final ReassemblySlot[] slots;
    /** The largest payload a slot holds: the datagram maximum less the smallest header. */
    private final int maxPayloadBytes;
    /** Views the completed datagram's header while it is fixed up. */
    private final Ipv4Header completed = new Ipv4Header();
    /** Bytes held across all slots, against {@code maxTotalBytes}. */
    private int bytesHeld;

    /**
     * @param headroom bytes kept free in front of a completed datagram, for the headers of the
     *     layers below when a reply is built in place
     */
    public Reassembler(ReassemblyConfig config, int headroom, TimerQueue timers, Counters<IpEvent> events,
            TimeoutListener listener) {
        this.config = config;
        this.timers = timers;
        this.events = events;
        this.listener = listener;
        this.maxPayloadBytes = config.maxDatagramBytes() - Ipv4Header.MIN_LENGTH;
        // Fragment zero's header length is unknown until it arrives, so room for the largest
        // header is kept in front of the payload; the datagram starts wherever that header does.
        int payloadStart = headroom + Ipv4Header.MAX_LENGTH;
        this.slots = new ReassemblySlot[config.maxDatagrams()];
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new ReassemblySlot(this, payloadStart + maxPayloadBytes, payloadStart, headroom,
                    config.maxFragments());
        }
    }

    /**
     * Takes one fragment ({@code fragment} views its checked header; {@code packet}'s window is the
     * whole fragment, header first). Returns the complete datagram — a buffer whose window is the
     * IPv4 header (of the first fragment, total length and flags fixed, checksum valid) and the
     * whole payload, with at least {@code headroom} bytes in front — or null while incomplete or
     * dropped. A returned buffer stays reserved until {@link #release}.
     */
    public PacketBuffer add(Ipv4Header fragment, PacketBuffer packet, IpInterface in, long nowNanos) {
        int headerLength = fragment.headerLength();
        int dataLength = fragment.payloadLength();
        int start = fragment.fragmentOffset();
        int end = start + dataLength;
        boolean last = !fragment.moreFragments();
        // RFC 791 §3.2: fragments carry data in 8-octet blocks, all but the last one whole.
        if (dataLength <= 0 || (!last && (dataLength & 7) != 0)) {
            events.increment(IpEvent.DROP_BAD_FRAGMENT);
            return null;
        }
        ReassemblySlot slot = find(fragment.source(), fragment.destination(), fragment.protocol(),
                fragment.identification());
        if (slot != null && slot.state == ReassemblySlot.State.POISONED) {
            events.increment(IpEvent.DROP_REASSEMBLY_DISCARDED);
            return null;
        }
        // Too big for a slot (which also stops the 65 535-byte overflow, "ping of death"): the
        // header counted is fragment zero's when known, else the smallest possible.
        int header = start == 0 ? headerLength
                : slot != null && slot.hasFirstFragment() ? slot.firstHeaderLength : Ipv4Header.MIN_LENGTH;
        int furthest = slot == null ? end : Math.max(end, slot.highestEnd());
        // (end > maxPayloadBytes follows from the second test; it also keeps the copy in bounds.)
        if (end > maxPayloadBytes || header + furthest > config.maxDatagramBytes()) {
            dropDatagram(slot, IpEvent.DROP_REASSEMBLY_TOO_BIG);
            return null;
        }
        int bytes = dataLength + (start == 0 ? headerLength : 0);
        if (slot == null) {
            slot = open(fragment, bytes, nowNanos);
            if (slot == null) {
                return null;
            }
        } else {
            IpEvent problem = slot.classify(start, end, last, config.maxFragments());
            if (problem == IpEvent.DUPLICATE_FRAGMENT) {
                events.increment(problem);
                return null;
            }
            if (problem != ReassemblySlot.ACCEPTABLE) {
                dropDatagram(slot, problem);
                return null;
            }
            if (!fitsBudget(bytes, slot, nowNanos)) {
                return null;
            }
        }
        store(slot, fragment, packet, in, start, end, last, bytes);
        slot.lastProgressNanos = nowNanos;
        return slot.isComplete() ? complete(slot) : null;
    }

    /** Frees the slot of a datagram {@link #add} returned. */
    public void release(PacketBuffer datagram) {
        for (ReassemblySlot slot : slots) {
            if (slot.buffer == datagram && slot.state == ReassemblySlot.State.DELIVERING) {
                free(slot);
                return;
            }
        }
        throw new IllegalArgumentException("not a datagram this reassembler returned, or released already");
    }

    /** Datagrams being reassembled now (poisoned and delivered ones not included). */
    public int inProgress() {
        return countSlots(ReassemblySlot.State.ASSEMBLING);
    }

    /** Slots taken: being reassembled, poisoned (waiting out their timer), or lent after completion. */
    public int slotsInUse() {
        return slots.length - countSlots(ReassemblySlot.State.FREE);
    }

    /** Bytes held across all slots, the figure {@code maxTotalBytes} bounds. */
    public int bytesHeld() {
        return bytesHeld;
    }

    public ReassemblyConfig config() {
        return config;
    }

    // ---------------------------------------------------------------- internals

    /**
     * Starts a datagram with its first fragment to arrive. When the slots or the byte budget are
     * used up, a stalled datagram — one that has had no new fragment for {@code stallNanos} —
     * gives way, the one stalled longest first; a datagram still arriving is never evicted.
     *
     * <p>Why this middle way: dropping every newcomer while full (Linux since its evicting work
     * queue went, commit 648700f76b03, 2018, a FragmentSmack fix) means a few lost fragments on a
     * lossy serial line block all reassembly for the whole 30 s timeout — the impaired-line
     * simulation showed two thirds of large pings lost that way. Always evicting the oldest
     * (FreeBSD) lets anyone flush every datagram in progress with a few tiny first fragments. Here
     * a flood can only take slots whose datagrams have already stalled, and those would most
     * likely never have completed.
     */
    private ReassemblySlot open(Ipv4Header fragment, int bytes, long nowNanos) {
        if (!fitsBudget(bytes, null, nowNanos)) {
            return null;
        }
        ReassemblySlot free = freeSlot();
        if (free == null) {
            ReassemblySlot victim = stalest(null, nowNanos);
            if (victim == null) {
                events.increment(IpEvent.DROP_REASSEMBLY_FULL);
                return null;
            }
            evict(victim);
            free = victim;
        }
        free.open(fragment.source(), fragment.destination(), fragment.protocol(), fragment.identification());
        free.lastProgressNanos = nowNanos;
        timers.schedule(free.timer, nowNanos + config.timeoutNanos());
        return free;
    }

    private ReassemblySlot freeSlot() {
        for (ReassemblySlot slot : slots) {
            if (slot.state == ReassemblySlot.State.FREE) {
                return slot;
            }
        }
        return null;
    }

    /** Makes room for {@code bytes} more, evicting stalled datagrams other than {@code keep}. */
    private boolean fitsBudget(int bytes, ReassemblySlot keep, long nowNanos) {
        while (bytesHeld + bytes > config.maxTotalBytes()) {
            ReassemblySlot victim = stalest(keep, nowNanos);
            if (victim == null) {
                events.increment(IpEvent.DROP_REASSEMBLY_FULL);
                return false;
            }
            evict(victim);
        }
        return true;
    }

    /** The datagram (assembling or poisoned) stalled longest, if stalled for at least {@code stallNanos}. */
    private ReassemblySlot stalest(ReassemblySlot keep, long nowNanos) {
        ReassemblySlot victim = null;
        for (ReassemblySlot slot : slots) {
            boolean held = slot.state == ReassemblySlot.State.ASSEMBLING
                    || slot.state == ReassemblySlot.State.POISONED;
            if (held && slot != keep && nowNanos - slot.lastProgressNanos >= config.stallNanos()
                    && (victim == null || slot.lastProgressNanos - victim.lastProgressNanos < 0)) {
                victim = slot;
            }
        }
        return victim;
    }

    private void evict(ReassemblySlot slot) {
        if (slot.state == ReassemblySlot.State.ASSEMBLING) {
            events.increment(IpEvent.DROP_REASSEMBLY_EVICTED);
        }
        free(slot);
    }

    /** Copies an accepted fragment to its place: data at its offset, fragment zero's header before byte 0. */
    private void store(ReassemblySlot slot, Ipv4Header fragment, PacketBuffer packet, IpInterface in, int start,
            int end, boolean last, int bytes) {
        int headerLength = fragment.headerLength();
        byte[] to = slot.buffer.data();
        System.arraycopy(packet.data(), packet.offset() + headerLength, to, slot.payloadStart + start, end - start);
        if (start == 0) {
            System.arraycopy(packet.data(), packet.offset(), to, slot.payloadStart - headerLength, headerLength);
            slot.firstHeaderLength = headerLength;
            slot.firstIn = in;
        }
        slot.insert(start, end, last);
        slot.bytesHeld += bytes;
        bytesHeld += bytes;
    }

    /**
     * RFC 791 §3.2: the datagram takes fragment zero's header, options included, with the total
     * length set, More Fragments and the offset cleared (Don't Fragment kept) and the checksum
     * recomputed.
     */
    private PacketBuffer complete(ReassemblySlot slot) {
        timers.cancel(slot.timer);
        slot.state = ReassemblySlot.State.DELIVERING;
        int headerLength = slot.firstHeaderLength;
        int total = headerLength + slot.payloadLength;
        int at = slot.payloadStart - headerLength;
        Ipv4Header h = completed.wrap(slot.buffer.data(), at, total);
        h.setTotalLength(total);
        h.setFlagsAndOffset(h.flagsAndOffset() & Ipv4Header.FLAG_DONT_FRAGMENT);
        h.updateChecksum();
        slot.buffer.set(at, total);
        return slot.buffer; // counted REASSEMBLED by Ipv4, which delivers it
    }

    /**
     * The slot's timer ran out. An incomplete datagram is dropped, and reported to the listener
     * when fragment zero is held (RFC 1122 §3.3.2: time exceeded, code 1, is sent only then; it
     * quotes that fragment's header and first 8 data bytes, RFC 792). A poisoned slot was
     * counted when it was dropped and just frees.
     */
    void expire(ReassemblySlot slot, long nowNanos) {
        try {
            if (slot.state == ReassemblySlot.State.ASSEMBLING) {
                events.increment(IpEvent.DROP_REASSEMBLY_TIMEOUT);
                if (slot.hasFirstFragment()) {
                    int headerLength = slot.firstHeaderLength;
                    int quoted = Math.min(QUOTED_DATA_BYTES, slot.firstFragmentDataLength());
                    listener.onReassemblyTimeout(slot.buffer.data(), slot.payloadStart - headerLength,
                            headerLength + quoted, slot.firstIn, nowNanos);
                }
            }
        } finally {
            free(slot);
        }
    }

    /**
     * Counts why, and when the datagram has a slot, poisons it: its bytes are given back, its key
     * kept until the timer so that its remaining fragments are discarded (RFC 5722 §4: "the
     * entire datagram (and any constituent fragments) MUST be silently discarded"; silently
     * meaning no ICMP).
     */
    private void dropDatagram(ReassemblySlot slot, IpEvent reason) {
        events.increment(reason);
        if (slot != null) {
            bytesHeld -= slot.bytesHeld;
            slot.poison();
        }
    }

    private void free(ReassemblySlot slot) {
        timers.cancel(slot.timer);
        bytesHeld -= slot.bytesHeld;
        slot.free();
    }

    /** A linear scan: the table holds a handful of datagrams (see {@link RoutingTable} for the same choice). */
    private ReassemblySlot find(int source, int destination, int protocol, int identification) {
        for (ReassemblySlot slot : slots) {
            if (slot.holds(source, destination, protocol, identification)) {
                return slot;
            }
        }
        return null;
    }

    private int countSlots(ReassemblySlot.State state) {
        int n = 0;
        for (ReassemblySlot slot : slots) {
            if (slot.state == state) {
                n++;
            }
        }
        return n;
    }
}
