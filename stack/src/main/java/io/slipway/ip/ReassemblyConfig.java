package io.slipway.ip;

/**
 * Bounds of IPv4 reassembly: memory is fixed here, never by what a peer sends.
 *
 * @param maxDatagrams datagrams reassembled at once (one slot each)
 * @param maxDatagramBytes the largest datagram a slot holds, header included (at most 65 535)
 * @param maxFragments fragments one datagram may arrive in
 * @param maxTotalBytes fragment bytes held across all slots at once
 * @param timeoutNanos how long a datagram may take to complete after its first fragment arrives
 * @param stallNanos how long a datagram must have gone without a new fragment before a newcomer
 *     may evict it when the slots or bytes are used up (see {@link Reassembler})
 */
public record ReassemblyConfig(int maxDatagrams, int maxDatagramBytes, int maxFragments, int maxTotalBytes,
        long timeoutNanos, long stallNanos) {
    /**
     * Four datagrams of up to 64 KiB, 30 s to complete (Linux's ipfrag_time), and a datagram that
     * has had no fragment for 1 s may give way: at 115 200 baud the next 1006-byte fragment of a
     * datagram still on its way is 90 ms behind the last.
     */
    public static final ReassemblyConfig DEFAULT =
            new ReassemblyConfig(4, 65_535, 64, 4 * 65_535, 30_000_000_000L, 1_000_000_000L);

    /** With the default stall time of 1 s. */
    public ReassemblyConfig(int maxDatagrams, int maxDatagramBytes, int maxFragments, int maxTotalBytes,
            long timeoutNanos) {
        this(maxDatagrams, maxDatagramBytes, maxFragments, maxTotalBytes, timeoutNanos, 1_000_000_000L);
    }

    public ReassemblyConfig {
        if (maxDatagrams < 1 || maxFragments < 1 || maxTotalBytes < 1 || timeoutNanos <= 0 || stallNanos < 0) {
            throw new IllegalArgumentException("reassembly limits must be positive");
        }
        if (maxDatagramBytes < 68 || maxDatagramBytes > 65_535) {
            throw new IllegalArgumentException("maxDatagramBytes must be 68..65535: " + maxDatagramBytes);
        }
    }
}
