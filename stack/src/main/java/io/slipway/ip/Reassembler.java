package io.slipway.ip;

import io.slipway.base.Counters;
import io.slipway.base.PacketBuffer;
import io.slipway.base.TimerQueue;

/**
 * IPv4 reassembly (RFC 791 §3.2, RFC 815) with bounded memory. SKELETON: being written.
 */
public final class Reassembler {
    /** Told when a datagram times out with its first fragment held (RFC 1122 §3.3.2). */
    public interface TimeoutListener {
        /** {@code data[offset, offset + length)}: the first fragment's header and leading data bytes. */
        void onReassemblyTimeout(byte[] data, int offset, int length, IpInterface in, long nowNanos);
    }

    public Reassembler(ReassemblyConfig config, int headroom, TimerQueue timers, Counters<IpEvent> events,
            TimeoutListener listener) {
    }

    /**
     * Takes one fragment ({@code fragment} views its checked header; {@code packet}'s window is the
     * whole fragment, header first). Returns the complete datagram — a buffer whose window is the
     * IPv4 header (of the first fragment, total length and flags fixed, checksum valid) and the
     * whole payload, with at least {@code headroom} bytes in front — or null while incomplete or
     * dropped. A returned buffer stays reserved until {@link #release}.
     */
    public PacketBuffer add(Ipv4Header fragment, PacketBuffer packet, IpInterface in, long nowNanos) {
        throw new UnsupportedOperationException("reassembly is being written");
    }

    /** Frees the slot of a datagram {@link #add} returned. */
    public void release(PacketBuffer datagram) {
    }

    /** Datagrams being reassembled now. */
    public int inProgress() {
        return 0;
    }
}
