package io.slipway.ip;

import io.slipway.base.Counters;
import io.slipway.base.PacketBuffer;

/**
 * Cuts a datagram into fragments for a smaller MTU (RFC 791 §3.2), for our own datagrams and for
 * those a router forwards. Pieces are built one at a time in one reused buffer and handed to a
 * {@link PieceSender} before the next is built: nothing is allocated per datagram.
 */
final class Fragmenter {
    /** Puts one finished piece on the link toward {@code nextHop}. */
    @FunctionalInterface
    interface PieceSender {
        boolean send(IpInterface out, int nextHop, PacketBuffer piece, long nowNanos);
    }

    private final Counters<IpEvent> events;
    private final Ipv4Header fragmentHeader = new Ipv4Header();
    private final PacketBuffer fragmentBuffer;
    private final byte[] copiedOptions = new byte[Ipv4Header.MAX_LENGTH - Ipv4Header.MIN_LENGTH];

    Fragmenter(int maxMtu, Counters<IpEvent> events) {
        this.events = events;
        this.fragmentBuffer = PacketBuffer.standalone(Ipv4.LINK_HEADROOM + maxMtu, Ipv4.LINK_HEADROOM);
    }

    /**
     * RFC 791 §3.2 "Fragmentation": splits the datagram viewed by {@code h} into pieces that fit
     * {@code out}'s MTU, each carrying a multiple of 8 data bytes but the last. The first keeps
     * every option; the others only the options with the copied flag. Fragmenting a fragment
     * keeps its offset base and, on the last piece, its More Fragments flag. Each piece is built
     * in one reused buffer and sent before the next.
     */
    SendResult fragment(IpInterface out, int nextHop, PacketBuffer datagram, Ipv4Header h, PieceSender sender,
            long nowNanos) {
        int headerLength = h.headerLength();
        int payloadLength = h.totalLength() - headerLength;
        int laterHeaderLength = Ipv4Header.MIN_LENGTH + copyOptions(h);
        int baseFlags = h.flagsAndOffset();
        int baseOffsetUnits = baseFlags & Ipv4Header.OFFSET_MASK;
        boolean baseMoreFragments = (baseFlags & Ipv4Header.FLAG_MORE_FRAGMENTS) != 0;
        // RFC 791 §3.1: no datagram is longer than 65 535 bytes, so a fragment's data must end
        // within 65 535 less the smallest header. One that claims more is malformed, and split,
        // its pieces' offsets would overflow the 13-bit field into the flags.
        if (baseOffsetUnits * 8 + payloadLength > Ipv4Header.MAX_TOTAL_LENGTH - Ipv4Header.MIN_LENGTH) {
            return drop(IpEvent.DROP_TOO_BIG);
        }
        byte[] src = datagram.data();
        int payloadStart = datagram.offset() + headerLength;
        events.increment(IpEvent.FRAGMENTED);
        boolean allSent = true;
        for (int done = 0; done < payloadLength; ) {
            int thisHeader = done == 0 ? headerLength : laterHeaderLength;
            int n = Math.min((out.mtu() - thisHeader) & ~7, payloadLength - done);
            boolean last = done + n == payloadLength;
            PacketBuffer piece = fragmentBuffer.reset(Ipv4.LINK_HEADROOM);
            if (done == 0) {
                piece.append(src, datagram.offset(), headerLength);
            } else {
                piece.append(src, datagram.offset(), Ipv4Header.MIN_LENGTH);
                piece.append(copiedOptions, 0, laterHeaderLength - Ipv4Header.MIN_LENGTH);
            }
            piece.append(src, payloadStart + done, n);
            Ipv4Header ph = fragmentHeader.wrap(piece.data(), piece.offset(), piece.length());
            ph.setHeaderLength(thisHeader);
            ph.setTotalLength(thisHeader + n);
            int flags = (baseFlags & Ipv4Header.FLAG_DONT_FRAGMENT)
                    | (!last || baseMoreFragments ? Ipv4Header.FLAG_MORE_FRAGMENTS : 0)
                    | (baseOffsetUnits + done / 8);
            ph.setFlagsAndOffset(flags);
            ph.updateChecksum();
            events.increment(IpEvent.FRAGMENTS_OUT);
            allSent &= sender.send(out, nextHop, piece, nowNanos);
            done += n;
        }
        return allSent ? SendResult.SENT : drop(IpEvent.DROP_LINK);
    }

    private SendResult drop(IpEvent reason) {
        events.increment(reason);
        return SendResult.DROPPED;
    }

    /**
     * Collects the options with the copied flag set (RFC 791 §3.1 "Options") into
     * {@link #copiedOptions}, padded with End-of-Option-List to a multiple of 4; returns their
     * padded length.
     */
    private int copyOptions(Ipv4Header h) {
        byte[] b = h.data();
        int i = h.offset() + Ipv4Header.MIN_LENGTH;
        int end = h.offset() + h.headerLength();
        int n = 0;
        while (i < end) {
            int type = b[i] & 0xFF;
            if (type == 0) {
                break; // End of Option List
            }
            if (type == 1) {
                i++; // No Operation: a single byte, not copied
                continue;
            }
            if (i + 1 >= end) {
                break;
            }
            int length = b[i + 1] & 0xFF;
            if (length < 2 || i + length > end) {
                break; // malformed: copy nothing more
            }
            if ((type & 0x80) != 0) {
                System.arraycopy(b, i, copiedOptions, n, length);
                n += length;
            }
            i += length;
        }
        int padded = (n + 3) & ~3;
        while (n < padded) {
            copiedOptions[n++] = 0;
        }
        return padded;
    }

}
