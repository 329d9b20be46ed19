package io.slipway.ip;

/**
 * Bounds of IPv4 reassembly: memory is fixed here, never by what a peer sends.
 *
 * @param maxDatagrams datagrams reassembled at once (one slot each)
 * @param maxDatagramBytes the largest datagram a slot holds, header included (at most 65 535)
 * @param maxFragments fragments one datagram may arrive in
 * @param maxTotalBytes fragment bytes held across all slots at once
 * @param timeoutNanos how long a datagram may take to complete after its first fragment arrives
 */
public record ReassemblyConfig(int maxDatagrams, int maxDatagramBytes, int maxFragments, int maxTotalBytes,
        long timeoutNanos) {
    /** Four datagrams of up to 64 KiB, 30 s to complete (Linux's ipfrag_time). */
    public static final ReassemblyConfig DEFAULT =
            new ReassemblyConfig(4, 65_535, 64, 4 * 65_535, 30_000_000_000L);

    public ReassemblyConfig {
        if (maxDatagrams < 1 || maxFragments < 1 || maxTotalBytes < 1 || timeoutNanos <= 0) {
            throw new IllegalArgumentException("reassembly limits must be positive");
        }
        if (maxDatagramBytes < 68 || maxDatagramBytes > 65_535) {
            throw new IllegalArgumentException("maxDatagramBytes must be 68..65535: " + maxDatagramBytes);
        }
    }
}
