package io.slipway.driver.cslip;

import static io.slipway.driver.cslip.HeaderFields.IP_CHECKSUM;
import static io.slipway.driver.cslip.HeaderFields.IP_ID;
import static io.slipway.driver.cslip.HeaderFields.IP_MIN_HEADER;
import static io.slipway.driver.cslip.HeaderFields.IP_PROTOCOL;
import static io.slipway.driver.cslip.HeaderFields.IP_TOTAL_LENGTH;
import static io.slipway.driver.cslip.HeaderFields.PROTOCOL_TCP;
import static io.slipway.driver.cslip.HeaderFields.PSH;
import static io.slipway.driver.cslip.HeaderFields.TCP_ACKNOWLEDGMENT;
import static io.slipway.driver.cslip.HeaderFields.TCP_CHECKSUM;
import static io.slipway.driver.cslip.HeaderFields.TCP_FLAGS;
import static io.slipway.driver.cslip.HeaderFields.TCP_MIN_HEADER;
import static io.slipway.driver.cslip.HeaderFields.TCP_SEQUENCE;
import static io.slipway.driver.cslip.HeaderFields.TCP_URGENT;
import static io.slipway.driver.cslip.HeaderFields.TCP_WINDOW;
import static io.slipway.driver.cslip.HeaderFields.URG;

import io.slipway.base.Bytes;
import io.slipway.base.Counters;
import io.slipway.base.InternetChecksum;
import io.slipway.base.PacketBuffer;

/**
 * RFC 1144's decompressor (§3.2.4, §4): a frame's first byte says its type; TYPE_IP passes as
 * it is, UNCOMPRESSED_TCP has its version nibble and protocol restored and sets its slot's
 * state, COMPRESSED_TCP is rebuilt from its slot's state and deltas, with the IP total length and
 * header checksum computed anew and the TCP checksum as sent.
 *
 * <p>Error recovery (§4.1): told that a frame was lost ({@link #frameLost}), or finding a packet
 * it cannot decode, it tosses every COMPRESSED_TCP packet until one carries an explicit
 * connection number or an UNCOMPRESSED_TCP packet arrives: the deltas of a lost packet are gone,
 * so what follows would rebuild wrong. The sender's TCP retransmits, and a retransmission always
 * goes uncompressed (its sequence number goes back), so the state comes right again.
 *
 * <p>Nothing a peer sends makes it throw: every drop is counted under its {@link CslipEvent},
 * and a bad packet leaves the slot's state as it was.
 */
public final class CslipDecompressor {
    private static final int NONE = -1;

    private final ConnectionState[] slots = new ConnectionState[PacketType.MAX_STATES];
    private final DeltaReader deltas = new DeltaReader();
    private final Counters<CslipEvent> events;
    /** The connection number the last packet named (RFC 1144's last_recv). */
    private int lastReceived = NONE;
    /** §4.1's SLF_TOSS: discard COMPRESSED_TCP packets until one names its connection. */
    private boolean tossing;

    public CslipDecompressor(Counters<CslipEvent> events) {
        this.events = events;
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new ConnectionState();
        }
    }

    /** A frame was lost or arrived damaged (§4.1): toss until resynchronised. */
    public void frameLost() {
        events.increment(CslipEvent.RECEIVE_LOSS);
        tossing = true;
    }

    /** Whether COMPRESSED_TCP packets without a connection number are being tossed. */
    public boolean isTossing() {
        return tossing;
    }

    /**
     * The IP packet {@code frame} carries: {@code frame} itself (TYPE_IP, or UNCOMPRESSED_TCP
     * restored in place), {@code rebuilt} holding a COMPRESSED_TCP packet rebuilt (its capacity
     * less {@code headroom} is the largest packet accepted), or null when the frame was dropped.
     */
    public PacketBuffer decompress(PacketBuffer frame, PacketBuffer rebuilt, int headroom) {
        if (frame.length() == 0) {
            return drop(CslipEvent.DROP_UNKNOWN_TYPE);
        }
        switch (PacketType.of(frame.data()[frame.offset()])) {
            case PacketType.TYPE_IP:
                events.increment(CslipEvent.IP_IN);
                return frame;
            case PacketType.UNCOMPRESSED_TCP:
                return uncompressed(frame);
            case PacketType.COMPRESSED_TCP:
                return compressed(frame, rebuilt, headroom);
            default:
                return drop(CslipEvent.DROP_UNKNOWN_TYPE);
        }
    }

    private PacketBuffer uncompressed(PacketBuffer frame) {
        byte[] f = frame.data();
        int at = frame.offset();
        int len = frame.length();
        if (len < IP_MIN_HEADER + TCP_MIN_HEADER) {
            return drop(CslipEvent.DROP_BAD_HEADER);
        }
        int slot = f[at + IP_PROTOCOL] & 0xFF;
        if (slot >= PacketType.MAX_STATES) {
            return drop(CslipEvent.DROP_BAD_CONNECTION);
        }
        f[at] = (byte) ((f[at] & 0x0F) | PacketType.TYPE_IP);
        f[at + IP_PROTOCOL] = PROTOCOL_TCP;
        int ipLength = HeaderFields.ipHeaderLength(f, at);
        if (ipLength < IP_MIN_HEADER || ipLength + TCP_MIN_HEADER > len
                || Bytes.u16(f, at + IP_TOTAL_LENGTH) != len || InternetChecksum.of(f, at, ipLength) != 0) {
            return drop(CslipEvent.DROP_BAD_HEADER);
        }
        int tcpLength = HeaderFields.tcpHeaderLength(f, at + ipLength);
        if (tcpLength < TCP_MIN_HEADER || ipLength + tcpLength > len) {
            return drop(CslipEvent.DROP_BAD_HEADER);
        }
        slots[slot].save(f, at, ipLength + tcpLength);
        lastReceived = slot;
        tossing = false;
        events.increment(CslipEvent.UNCOMPRESSED_IN);
        return frame;
    }

    private PacketBuffer compressed(PacketBuffer frame, PacketBuffer rebuilt, int headroom) {
        byte[] f = frame.data();
        int at = frame.offset();
        int end = frame.end();
        int changes = f[at++] & 0x7F;
        int slot;
        if ((changes & ChangeMask.C) != 0) {
            if (at >= end) {
                return drop(CslipEvent.DROP_TRUNCATED);
            }
            slot = f[at++] & 0xFF;
            if (slot >= PacketType.MAX_STATES) {
                return drop(CslipEvent.DROP_BAD_CONNECTION);
            }
            tossing = false; // §4.1: an explicit connection number ends the toss
            lastReceived = slot;
        } else {
            if (tossing) {
                events.increment(CslipEvent.TOSSED);
                return null;
            }
            slot = lastReceived;
        }
        if (slot == NONE || !slots[slot].valid) {
            return drop(CslipEvent.DROP_UNKNOWN_CONNECTION);
        }
        if (end - at < 2) {
            return drop(CslipEvent.DROP_TRUNCATED);
        }
        int checksum = Bytes.u16(f, at);
        deltas.wrap(f, at + 2, end);
        int special = changes & ChangeMask.SPECIALS_MASK;
        boolean regular = special != ChangeMask.SPECIAL_I && special != ChangeMask.SPECIAL_D;
        int urgent = regular && (changes & ChangeMask.U) != 0 ? deltas.next() : 0;
        int window = regular && (changes & ChangeMask.W) != 0 ? deltas.next() : 0;
        int ack = regular && (changes & ChangeMask.A) != 0 ? deltas.next() : 0;
        int seq = regular && (changes & ChangeMask.S) != 0 ? deltas.next() : 0;
        int id = (changes & ChangeMask.I) != 0 ? deltas.next() : 1;
        if (deltas.truncated()) {
            return drop(CslipEvent.DROP_TRUNCATED);
        }
        ConnectionState s = slots[slot];
        int data = end - deltas.position();
        int total = s.headerLength + data;
        if (total > rebuilt.capacity() - headroom) {
            return drop(CslipEvent.DROP_TOO_LONG);
        }

        // Only now, the packet known sound, does the slot's state move on.
        byte[] h = s.header;
        int tcp = HeaderFields.ipHeaderLength(h, 0);
        int lastData = s.dataLength();
        Bytes.put16(h, tcp + TCP_CHECKSUM, checksum);
        int flags = h[tcp + TCP_FLAGS] & 0xFF;
        flags = (changes & ChangeMask.P) != 0 ? flags | PSH : flags & ~PSH;
        if (special == ChangeMask.SPECIAL_I) {
            add32(h, tcp + TCP_ACKNOWLEDGMENT, lastData);
            add32(h, tcp + TCP_SEQUENCE, lastData);
        } else if (special == ChangeMask.SPECIAL_D) {
            add32(h, tcp + TCP_SEQUENCE, lastData);
        } else {
            if ((changes & ChangeMask.U) != 0) {
                flags |= URG;
                Bytes.put16(h, tcp + TCP_URGENT, urgent);
            } else {
                flags &= ~URG;
            }
            Bytes.put16(h, tcp + TCP_WINDOW, Bytes.u16(h, tcp + TCP_WINDOW) + window);
            add32(h, tcp + TCP_ACKNOWLEDGMENT, ack);
            add32(h, tcp + TCP_SEQUENCE, seq);
        }
        h[tcp + TCP_FLAGS] = (byte) flags;
        Bytes.put16(h, IP_ID, Bytes.u16(h, IP_ID) + id);
        Bytes.put16(h, IP_TOTAL_LENGTH, total);
        Bytes.put16(h, IP_CHECKSUM, 0);
        Bytes.put16(h, IP_CHECKSUM, InternetChecksum.of(h, 0, tcp));

        rebuilt.reset(headroom);
        rebuilt.append(h, 0, s.headerLength);
        rebuilt.append(f, deltas.position(), data);
        events.increment(CslipEvent.COMPRESSED_IN);
        return rebuilt;
    }

    private static void add32(byte[] b, int off, int delta) {
        Bytes.put32(b, off, Bytes.i32(b, off) + delta);
    }

    /** Counts a bad packet and tosses until resynchronised (§4.1: "bad: toss"). */
    private PacketBuffer drop(CslipEvent reason) {
        events.increment(reason);
        tossing = true;
        return null;
    }
}
