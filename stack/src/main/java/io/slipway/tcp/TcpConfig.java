package io.slipway.tcp;

import io.slipway.base.Bytes;
import io.slipway.base.EphemeralPorts;

/**
 * The fixed sizes and times of TCP; every table bounded, every timer configurable (tests use short
 * ones). Times in nanoseconds.
 *
 * @param maxConnections connections at once, listeners' half-open and queued ones included
 * @param sendBufferBytes each connection's send ring (unsent and unacknowledged data), a power of two
 * @param receiveBufferBytes each connection's receive ring, a power of two; the advertised window is
 *     its free space, at most 65 535 (no window scaling: RFC 7323 comes with issue 6)
 * @param maxOutOfOrderRanges separate out-of-order ranges held per connection
 * @param initialRtoNanos RFC 6298 §2.1: 1 s
 * @param minRtoNanos RFC 6298 §2.4 says 1 s; Linux uses 200 ms
 * @param maxRtoNanos RFC 6298 §2.5: at least 60 s
 * @param synRetries retransmissions of a SYN (or SYN-ACK) before the open fails: 7 by default, so that
 *     with backoff up to 60 s it is retried for over 3 minutes (RFC 1122 §4.2.3.5; Linux's 6 give 127 s)
 * @param dataRetries retransmissions of the same data before the connection is aborted (RFC 1122
 *     §4.2.3.5 R2: at least 100 s; Linux tcp_retries2 = 15)
 * @param delayedAckNanos the longest an ACK waits for data to ride on (RFC 1122 §4.2.3.2: under 0.5 s)
 * @param flushNanos how long small segments held back by Nagle's rule wait at most (RFC 1122
 *     §4.2.3.4's override timeout, 0.1–1 s): 500 ms, longer than a serial line's round trip for
 *     most segments, so that it rarely turns Nagle's hold into tinygrams
 * @param timeWaitNanos 2·MSL (RFC 9293 §3.3.2: MSL 2 minutes; Linux holds TIME-WAIT 60 s)
 * @param finWait2TimeoutNanos how long an orphaned connection waits in FIN-WAIT-2 for the peer's FIN
 * @param persistMinNanos the first zero-window probe's delay; then doubled up to {@code maxRtoNanos}
 * @param keepaliveIdleNanos idle time before keep-alive probes, when keep-alive is on (RFC 1122
 *     §4.2.3.6: at least 2 hours by default)
 * @param keepaliveIntervalNanos time between probes
 * @param keepaliveProbes unanswered probes before the connection is dropped
 * @param synQueueLength half-open connections per listener (SYN-RECEIVED), beyond which SYNs are answered
 *     with SYN cookies (RFC 4987 §3.6) and nothing is kept for them
 * @param challengeAcksPerSecond RFC 5961 §7's rate limit on challenge ACKs
 * @param ephemeralFirst the ephemeral port range for connect (RFC 6056, RFC 6335)
 * @param ephemeralLast its end
 * @param features the TCP extensions offered to peers (SACK), each on by default
 */
public record TcpConfig(int maxConnections, int sendBufferBytes, int receiveBufferBytes, int maxOutOfOrderRanges,
        long initialRtoNanos, long minRtoNanos, long maxRtoNanos, int synRetries, int dataRetries,
        long delayedAckNanos, long flushNanos, long timeWaitNanos, long finWait2TimeoutNanos, long persistMinNanos,
        long keepaliveIdleNanos, long keepaliveIntervalNanos, int keepaliveProbes, int synQueueLength,
        int challengeAcksPerSecond, int ephemeralFirst, int ephemeralLast, TcpFeatures features) {
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;

    public static final TcpConfig DEFAULT = new TcpConfig(64, 64 * 1024, 64 * 1024, 8,
            1 * S, 200 * MS, 60 * S, 7, 15,
            200 * MS, 500 * MS, 60 * S, 60 * S, 200 * MS,
            2 * 3600 * S, 75 * S, 9, 16,
            10, EphemeralPorts.DYNAMIC_FIRST, EphemeralPorts.DYNAMIC_LAST, TcpFeatures.ALL);

    /** The same with every extension on ({@link TcpFeatures#ALL}). */
    public TcpConfig(int maxConnections, int sendBufferBytes, int receiveBufferBytes, int maxOutOfOrderRanges,
            long initialRtoNanos, long minRtoNanos, long maxRtoNanos, int synRetries, int dataRetries,
            long delayedAckNanos, long flushNanos, long timeWaitNanos, long finWait2TimeoutNanos, long persistMinNanos,
            long keepaliveIdleNanos, long keepaliveIntervalNanos, int keepaliveProbes, int synQueueLength,
            int challengeAcksPerSecond, int ephemeralFirst, int ephemeralLast) {
        this(maxConnections, sendBufferBytes, receiveBufferBytes, maxOutOfOrderRanges, initialRtoNanos, minRtoNanos,
                maxRtoNanos, synRetries, dataRetries, delayedAckNanos, flushNanos, timeWaitNanos, finWait2TimeoutNanos,
                persistMinNanos, keepaliveIdleNanos, keepaliveIntervalNanos, keepaliveProbes, synQueueLength,
                challengeAcksPerSecond, ephemeralFirst, ephemeralLast, TcpFeatures.ALL);
    }

    public TcpConfig {
        java.util.Objects.requireNonNull(features, "features");
        if (maxConnections < 1 || maxOutOfOrderRanges < 1 || synRetries < 0 || dataRetries < 1 || synQueueLength < 1
                || keepaliveProbes < 1 || challengeAcksPerSecond < 0) {
            throw new IllegalArgumentException("TCP limits must be positive");
        }
        Bytes.requirePowerOfTwo(sendBufferBytes, "TCP send buffer");
        Bytes.requirePowerOfTwo(receiveBufferBytes, "TCP receive buffer");
        if (minRtoNanos <= 0 || initialRtoNanos < minRtoNanos || maxRtoNanos < initialRtoNanos) {
            throw new IllegalArgumentException("RTO bounds must satisfy 0 < min <= initial <= max");
        }
        if (ephemeralFirst < 1024 || ephemeralLast > 65535 || ephemeralFirst > ephemeralLast) {
            throw new IllegalArgumentException("ephemeral ports must be a range in 1024..65535");
        }
    }

    /** The same with short timers, for tests and simulations: TIME-WAIT and FIN-WAIT-2 of {@code nanos}. */
    public TcpConfig withTimeWait(long nanos) {
        return new TcpConfig(maxConnections, sendBufferBytes, receiveBufferBytes, maxOutOfOrderRanges, initialRtoNanos,
                minRtoNanos, maxRtoNanos, synRetries, dataRetries, delayedAckNanos, flushNanos, nanos, nanos,
                persistMinNanos, keepaliveIdleNanos, keepaliveIntervalNanos, keepaliveProbes, synQueueLength,
                challengeAcksPerSecond, ephemeralFirst, ephemeralLast, features);
    }

    public TcpConfig withBuffers(int sendBytes, int receiveBytes) {
        return new TcpConfig(maxConnections, sendBytes, receiveBytes, maxOutOfOrderRanges, initialRtoNanos,
                minRtoNanos, maxRtoNanos, synRetries, dataRetries, delayedAckNanos, flushNanos, timeWaitNanos,
                finWait2TimeoutNanos, persistMinNanos, keepaliveIdleNanos, keepaliveIntervalNanos, keepaliveProbes,
                synQueueLength, challengeAcksPerSecond, ephemeralFirst, ephemeralLast, features);
    }

    public TcpConfig withMaxConnections(int n) {
        return new TcpConfig(n, sendBufferBytes, receiveBufferBytes, maxOutOfOrderRanges, initialRtoNanos,
                minRtoNanos, maxRtoNanos, synRetries, dataRetries, delayedAckNanos, flushNanos, timeWaitNanos,
                finWait2TimeoutNanos, persistMinNanos, keepaliveIdleNanos, keepaliveIntervalNanos, keepaliveProbes,
                synQueueLength, challengeAcksPerSecond, ephemeralFirst, ephemeralLast, features);
    }

    public TcpConfig withKeepalive(long idleNanos, long intervalNanos, int probes) {
        return new TcpConfig(maxConnections, sendBufferBytes, receiveBufferBytes, maxOutOfOrderRanges, initialRtoNanos,
                minRtoNanos, maxRtoNanos, synRetries, dataRetries, delayedAckNanos, flushNanos, timeWaitNanos,
                finWait2TimeoutNanos, persistMinNanos, idleNanos, intervalNanos, probes, synQueueLength,
                challengeAcksPerSecond, ephemeralFirst, ephemeralLast, features);
    }

    public TcpConfig withRetries(int syn, int data) {
        return new TcpConfig(maxConnections, sendBufferBytes, receiveBufferBytes, maxOutOfOrderRanges, initialRtoNanos,
                minRtoNanos, maxRtoNanos, syn, data, delayedAckNanos, flushNanos, timeWaitNanos, finWait2TimeoutNanos,
                persistMinNanos, keepaliveIdleNanos, keepaliveIntervalNanos, keepaliveProbes, synQueueLength,
                challengeAcksPerSecond, ephemeralFirst, ephemeralLast, features);
    }

    /** RFC 6298's bounds: the first RTO, the least, the most (tests shorten them). */
    public TcpConfig withRto(long initialNanos, long minNanos, long maxNanos) {
        return new TcpConfig(maxConnections, sendBufferBytes, receiveBufferBytes, maxOutOfOrderRanges, initialNanos,
                minNanos, maxNanos, synRetries, dataRetries, delayedAckNanos, flushNanos, timeWaitNanos,
                finWait2TimeoutNanos, persistMinNanos, keepaliveIdleNanos, keepaliveIntervalNanos, keepaliveProbes,
                synQueueLength, challengeAcksPerSecond, ephemeralFirst, ephemeralLast, features);
    }

    /** The same offering only the extensions in {@code f} (tests run with each off). */
    public TcpConfig withFeatures(TcpFeatures f) {
        return new TcpConfig(maxConnections, sendBufferBytes, receiveBufferBytes, maxOutOfOrderRanges, initialRtoNanos,
                minRtoNanos, maxRtoNanos, synRetries, dataRetries, delayedAckNanos, flushNanos, timeWaitNanos,
                finWait2TimeoutNanos, persistMinNanos, keepaliveIdleNanos, keepaliveIntervalNanos, keepaliveProbes,
                synQueueLength, challengeAcksPerSecond, ephemeralFirst, ephemeralLast, f);
    }
}
