package io.slipway.driver.cslip;

import static io.slipway.driver.cslip.HeaderFields.ACK;
import static io.slipway.driver.cslip.HeaderFields.FIN;
import static io.slipway.driver.cslip.HeaderFields.IPV4_NO_OPTIONS;
import static io.slipway.driver.cslip.HeaderFields.IP_DESTINATION;
import static io.slipway.driver.cslip.HeaderFields.IP_FRAGMENT;
import static io.slipway.driver.cslip.HeaderFields.IP_FRAGMENT_MASK;
import static io.slipway.driver.cslip.HeaderFields.IP_ID;
import static io.slipway.driver.cslip.HeaderFields.IP_MIN_HEADER;
import static io.slipway.driver.cslip.HeaderFields.IP_PROTOCOL;
import static io.slipway.driver.cslip.HeaderFields.IP_SOURCE;
import static io.slipway.driver.cslip.HeaderFields.IP_TOTAL_LENGTH;
import static io.slipway.driver.cslip.HeaderFields.PROTOCOL_TCP;
import static io.slipway.driver.cslip.HeaderFields.PSH;
import static io.slipway.driver.cslip.HeaderFields.RST;
import static io.slipway.driver.cslip.HeaderFields.SYN;
import static io.slipway.driver.cslip.HeaderFields.TCP_ACKNOWLEDGMENT;
import static io.slipway.driver.cslip.HeaderFields.TCP_CHECKSUM;
import static io.slipway.driver.cslip.HeaderFields.TCP_DATA_OFFSET;
import static io.slipway.driver.cslip.HeaderFields.TCP_FLAGS;
import static io.slipway.driver.cslip.HeaderFields.TCP_MIN_HEADER;
import static io.slipway.driver.cslip.HeaderFields.TCP_PORTS;
import static io.slipway.driver.cslip.HeaderFields.TCP_SEQUENCE;
import static io.slipway.driver.cslip.HeaderFields.TCP_URGENT;
import static io.slipway.driver.cslip.HeaderFields.TCP_WINDOW;
import static io.slipway.driver.cslip.HeaderFields.URG;

import io.slipway.base.Bytes;
import io.slipway.base.Counters;
import io.slipway.driver.TransmitCompressor;
import java.util.Arrays;

/**
 * RFC 1144's compressor (§3.2.2, §3.2.3): each TCP/IP packet going out becomes TYPE_IP (not
 * compressible), UNCOMPRESSED_TCP (its headers whole, its slot number in the protocol field, to
 * set the far side's state) or COMPRESSED_TCP (a change mask, the connection number unless it is
 * the last one sent, the TCP checksum as it is, and the deltas from the slot's last headers).
 *
 * <p>Sixteen slots, kept in least-recently-used order as the RFC keeps its list: a packet whose
 * connection has no slot takes the oldest one and goes uncompressed; the first connections take
 * slots 0, 1, 2, ... in turn. Anything the deltas cannot say goes uncompressed: a retransmission
 * (a sequence number going back), a change in the IP header's fixed fields or the TCP options, a
 * jump of more than 65535. Beyond the RFC, and for the same reason: a change in TCP flags other
 * than PSH and URG (the ECN bits, which the RFC predates) and URG turning off, which the special
 * cases could not tell the decompressor.
 *
 * <p>{@link #compress} only stages what the packet does to the state (its slot's new headers, the
 * slot's move to the front, last_xmit, the count); {@link #commit} applies it once the frame went
 * on the line, by swapping the staged slot in, so neither step allocates.
 */
public final class CslipCompressor implements TransmitCompressor {
    /** No packet sent yet: the first compressed packet must name its connection. */
    private static final int NONE = -1;

    private final ConnectionState[] slots = new ConnectionState[PacketType.MAX_STATES];
    /** Slot numbers, most recently used first. */
    private final int[] recency = new int[PacketType.MAX_STATES];
    private final byte[] deltas = new byte[Deltas.MAX_BYTES];
    private final Counters<CslipEvent> events;
    /** The connection number the last packet sent carried (RFC 1144's last_xmit). */
    private int lastSent = NONE;
    /** The headers the staged packet leaves in its slot; swapped with the slot's on commit. */
    private ConnectionState staged = new ConnectionState();
    /** The slot the staged packet uses, or NONE (sent as TYPE_IP). */
    private int stagedSlot = NONE;
    /** What the staged packet counts once sent; null when nothing is staged. */
    private CslipEvent stagedEvent;

    public CslipCompressor(Counters<CslipEvent> events) {
        this.events = events;
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new ConnectionState();
            // Oldest last: slot 0 is taken first, then 1, ... as in the RFC's sl_compress_init.
            recency[i] = slots.length - 1 - i;
        }
    }

    @Override
    public int compress(byte[] p, int off, int len, byte[] out) {
        stagedSlot = NONE;
        if (!isCompressible(p, off, len)) {
            stagedEvent = CslipEvent.IP_OUT;
            return -1;
        }
        int headerLength = IP_MIN_HEADER + HeaderFields.tcpHeaderLength(p, off + IP_MIN_HEADER);
        int slot = find(p, off);
        if (slot < 0) {
            // A new connection takes the least recently used slot.
            return uncompressed(recency[recency.length - 1], p, off, len, headerLength, out);
        }
        ConnectionState s = slots[slot];
        if (!sameFixedFields(s, p, off, headerLength)) {
            return uncompressed(slot, p, off, len, headerLength, out);
        }
        byte[] h = s.header;
        int tcp = off + IP_MIN_HEADER;
        int flags = p[tcp + TCP_FLAGS] & 0xFF;
        int changes = 0;
        int n = 0;
        if ((flags & URG) != 0) {
            n = Deltas.put(Bytes.u16(p, tcp + TCP_URGENT), deltas, n);
            changes |= ChangeMask.U;
        } else if (Bytes.u16(p, tcp + TCP_URGENT) != Bytes.u16(h, IP_MIN_HEADER + TCP_URGENT)) {
            return uncompressed(slot, p, off, len, headerLength, out);
        }
        int window = (Bytes.u16(p, tcp + TCP_WINDOW) - Bytes.u16(h, IP_MIN_HEADER + TCP_WINDOW)) & 0xFFFF;
        if (window != 0) {
            n = Deltas.put(window, deltas, n);
            changes |= ChangeMask.W;
        }
        long ack = (Bytes.u32(p, tcp + TCP_ACKNOWLEDGMENT) - Bytes.u32(h, IP_MIN_HEADER + TCP_ACKNOWLEDGMENT))
                & 0xFFFF_FFFFL;
        if (ack != 0) {
            if (ack > 0xFFFF) {
                return uncompressed(slot, p, off, len, headerLength, out);
            }
            n = Deltas.put((int) ack, deltas, n);
            changes |= ChangeMask.A;
        }
        long seq = (Bytes.u32(p, tcp + TCP_SEQUENCE) - Bytes.u32(h, IP_MIN_HEADER + TCP_SEQUENCE)) & 0xFFFF_FFFFL;
        if (seq != 0) {
            if (seq > 0xFFFF) {
                return uncompressed(slot, p, off, len, headerLength, out);
            }
            n = Deltas.put((int) seq, deltas, n);
            changes |= ChangeMask.S;
        }

        int lastData = s.dataLength();
        switch (changes) {
            case 0:
                // Nothing moved. Data after a pure ACK (an interactive connection) compresses;
                // anything else is a retransmission or a duplicate ACK: uncompressed (§3.2.3).
                if (len == s.totalLength() || lastData != 0) {
                    return uncompressed(slot, p, off, len, headerLength, out);
                }
                break;
            case ChangeMask.SPECIAL_I:
            case ChangeMask.SPECIAL_D:
                // Real changes that spell a special case: the decompressor would misread them.
                return uncompressed(slot, p, off, len, headerLength, out);
            case ChangeMask.S | ChangeMask.A:
                if (seq == ack && seq == lastData) {
                    changes = ChangeMask.SPECIAL_I; // echoed interactive traffic
                    n = 0;
                }
                break;
            case ChangeMask.S:
                if (seq == lastData) {
                    changes = ChangeMask.SPECIAL_D; // unidirectional data
                    n = 0;
                }
                break;
            default:
                break;
        }
        int id = (Bytes.u16(p, off + IP_ID) - Bytes.u16(h, IP_ID)) & 0xFFFF;
        if (id != 1) {
            n = Deltas.put(id, deltas, n);
            changes |= ChangeMask.I;
        }
        if ((flags & PSH) != 0) {
            changes |= ChangeMask.P;
        }
        stage(slot, p, off, headerLength, CslipEvent.COMPRESSED_OUT);

        int at = 0;
        if (lastSent != slot) {
            out[at++] = (byte) (PacketType.COMPRESSED_TCP | changes | ChangeMask.C);
            out[at++] = (byte) slot;
        } else {
            out[at++] = (byte) (PacketType.COMPRESSED_TCP | changes);
        }
        // The TCP checksum goes as it is: the decompressor cannot recompute it, and the receiving
        // TCP's check of it is what catches a header rebuilt wrong (§4.1).
        out[at++] = p[tcp + TCP_CHECKSUM];
        out[at++] = p[tcp + TCP_CHECKSUM + 1];
        System.arraycopy(deltas, 0, out, at, n);
        at += n;
        int data = len - headerLength;
        System.arraycopy(p, off + headerLength, out, at, data);
        return at + data;
    }

    /**
     * The frame last compressed went on the line: its headers become its slot's, the slot the most
     * recently used, its connection number last_xmit. Nothing staged (already committed): nothing.
     */
    @Override
    public void commit() {
        if (stagedEvent == null) {
            return;
        }
        if (stagedSlot != NONE) {
            ConnectionState previous = slots[stagedSlot];
            slots[stagedSlot] = staged;
            staged = previous;
            moveToFront(stagedSlot);
            lastSent = stagedSlot;
        }
        events.increment(stagedEvent);
        stagedEvent = null;
        stagedSlot = NONE;
    }

    private void stage(int slot, byte[] p, int off, int headerLength, CslipEvent event) {
        staged.save(p, off, headerLength);
        stagedSlot = slot;
        stagedEvent = event;
    }

    /**
     * §3.2.2: TCP, IPv4 without options (the only headers slots hold), not a fragment, its length
     * the frame's, a sound TCP header, and ACK set with none of SYN, FIN, RST: a connection's
     * opening and closing packets are rare and go as they are.
     */
    private static boolean isCompressible(byte[] p, int off, int len) {
        if (len < IP_MIN_HEADER + TCP_MIN_HEADER || (p[off] & 0xFF) != IPV4_NO_OPTIONS
                || (p[off + IP_PROTOCOL] & 0xFF) != PROTOCOL_TCP
                || (Bytes.u16(p, off + IP_FRAGMENT) & IP_FRAGMENT_MASK) != 0
                || Bytes.u16(p, off + IP_TOTAL_LENGTH) != len) {
            return false;
        }
        int tcp = off + IP_MIN_HEADER;
        int tcpLength = HeaderFields.tcpHeaderLength(p, tcp);
        if (tcpLength < TCP_MIN_HEADER || IP_MIN_HEADER + tcpLength > len) {
            return false;
        }
        return (p[tcp + TCP_FLAGS] & (SYN | FIN | RST | ACK)) == ACK;
    }

    /** The slot holding this packet's connection (addresses and ports), or -1. */
    private int find(byte[] p, int off) {
        for (int i = 0; i < recency.length; i++) {
            ConnectionState s = slots[recency[i]];
            if (s.valid && Arrays.equals(s.header, IP_SOURCE, IP_DESTINATION + 4, p, off + IP_SOURCE,
                    off + IP_DESTINATION + 4)
                    && Arrays.equals(s.header, IP_MIN_HEADER + TCP_PORTS, IP_MIN_HEADER + TCP_PORTS + 4,
                    p, off + IP_MIN_HEADER + TCP_PORTS, off + IP_MIN_HEADER + TCP_PORTS + 4)) {
                return recency[i];
            }
        }
        return -1;
    }

    private void moveToFront(int slot) {
        int i = 0;
        while (recency[i] != slot) {
            i++;
        }
        System.arraycopy(recency, 0, recency, 1, i);
        recency[0] = slot;
    }

    /**
     * Whether the fields the deltas do not carry are as in the slot: version, IHL and type of
     * service; flags, fragment offset, TTL and protocol (§3.2.2's words 0, 3 and 4); the TCP data
     * offset byte; the flags but PSH and URG (and URG may not turn off); the TCP options.
     */
    private static boolean sameFixedFields(ConnectionState s, byte[] p, int off, int headerLength) {
        byte[] h = s.header;
        int tcp = IP_MIN_HEADER;
        int flags = p[off + tcp + TCP_FLAGS] & 0xFF;
        int lastFlags = h[tcp + TCP_FLAGS] & 0xFF;
        return s.headerLength == headerLength
                && h[0] == p[off] && h[1] == p[off + 1]
                && Arrays.equals(h, IP_FRAGMENT, IP_PROTOCOL + 1, p, off + IP_FRAGMENT, off + IP_PROTOCOL + 1)
                && h[tcp + TCP_DATA_OFFSET] == p[off + tcp + TCP_DATA_OFFSET]
                && ((flags ^ lastFlags) & ~(PSH | URG)) == 0
                && ((lastFlags & URG) == 0 || (flags & URG) != 0)
                && Arrays.equals(h, tcp + TCP_MIN_HEADER, headerLength, p, off + tcp + TCP_MIN_HEADER,
                off + headerLength);
    }

    /**
     * The packet whole as UNCOMPRESSED_TCP: first nibble 7, its slot number in the protocol
     * field (§3.2.2); its headers become the slot's state on both sides once it is sent.
     */
    private int uncompressed(int slot, byte[] p, int off, int len, int headerLength, byte[] out) {
        stage(slot, p, off, headerLength, CslipEvent.UNCOMPRESSED_OUT);
        System.arraycopy(p, off, out, 0, len);
        out[0] = (byte) ((out[0] & 0x0F) | PacketType.UNCOMPRESSED_TCP);
        out[IP_PROTOCOL] = (byte) slot;
        return len;
    }
}
