package io.slipway.cli;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * What one ping run counts, and its summary in the shape iputils' {@code finish()} prints:
 *
 * <pre>
 *
 * --- 10.0.0.1 ping statistics ---
 * 3 packets transmitted, 2 received, +1 errors, 33.3333% packet loss, time 2003ms
 * rtt min/avg/max/mdev = 7.912/8.016/8.120/0.104 ms
 * </pre>
 *
 * <p>Round trips are kept in whole microseconds and reduced with iputils' integer arithmetic, so
 * the same replies give the same digits: the average truncates, and mdev is the integer square
 * root of the population variance, {@code sqrt(sum(t²)/n − (sum(t)/n)²)}. Duplicates count in the
 * round-trip figures but not as received, as in iputils. Not thread-safe: the ping's thread only.
 */
final class PingStatistics {
    /** Sequence numbers are 16 bits: a request's number is free again 65 536 requests later. */
    private static final int SEQUENCES = 1 << 16;

    private final BitSet answered = new BitSet(SEQUENCES);
    private long transmitted;
    private long received;
    private long duplicates;
    private long errors;
    private long timed;
    private long minMicros = Long.MAX_VALUE;
    private long maxMicros;
    private long sumMicros;
    private long sumSquares;
    /** The most requests that were out at once, counting the one answered (iputils' "pipe"). */
    private int pipe;

    /** A request went out with {@code sequence} (the count of requests so far, modulo 2^16). */
    void sent(int sequence) {
        transmitted++;
        answered.clear(sequence & (SEQUENCES - 1));
    }

    /**
     * An echo reply to {@code sequence}, with its round trip or -1 when it carries no send time.
     * Returns whether it was a duplicate: a second reply to one request.
     */
    boolean replied(int sequence, long rttMicros) {
        acknowledge(sequence);
        if (rttMicros >= 0) {
            timed++;
            sumMicros += rttMicros;
            sumSquares += rttMicros * rttMicros;
            minMicros = Math.min(minMicros, rttMicros);
            maxMicros = Math.max(maxMicros, rttMicros);
        }
        int s = sequence & (SEQUENCES - 1);
        if (answered.get(s)) {
            duplicates++;
            return true;
        }
        answered.set(s);
        received++;
        return false;
    }

    /** An ICMP error about the request with {@code sequence}. */
    void error(int sequence) {
        errors++;
        acknowledge(sequence);
    }

    /** iputils' {@code acknowledge}: how far behind the newest request the answered one was. */
    private void acknowledge(int sequence) {
        int behind = (int) ((transmitted - sequence) & (SEQUENCES - 1));
        if (behind <= 0x7FFF) {
            pipe = Math.max(pipe, behind + 1);
        }
    }

    long transmitted() {
        return transmitted;
    }

    long received() {
        return received;
    }

    long duplicates() {
        return duplicates;
    }

    long errors() {
        return errors;
    }

    /** The longest round trip so far in microseconds, 0 before the first. */
    long maxMicros() {
        return maxMicros;
    }

    /**
     * The summary lines: a blank line, the title, the counts, and the round trips (an empty line
     * when there were none, as iputils ends its summary with a newline either way).
     *
     * @param elapsedNanos from the start to the last request sent
     */
    List<String> summary(String host, long elapsedNanos) {
        List<String> lines = new ArrayList<>(4);
        lines.add("");
        lines.add("--- " + host + " ping statistics ---");
        StringBuilder counts = new StringBuilder().append(transmitted).append(" packets transmitted, ")
                .append(received).append(" received");
        if (duplicates > 0) {
            counts.append(", +").append(duplicates).append(" duplicates");
        }
        if (errors > 0) {
            counts.append(", +").append(errors).append(" errors");
        }
        if (transmitted > 0) {
            counts.append(", ").append(PingFormat.lossPercent(transmitted, received)).append("% packet loss, time ")
                    .append((elapsedNanos + 500_000) / 1_000_000).append("ms");
        }
        lines.add(counts.toString());
        StringBuilder last = new StringBuilder();
        String comma = "";
        if (received > 0 && timed > 0) {
            last.append("rtt min/avg/max/mdev = ").append(PingFormat.summaryTime(minMicros)).append('/')
                    .append(PingFormat.summaryTime(averageMicros())).append('/')
                    .append(PingFormat.summaryTime(maxMicros)).append('/')
                    .append(PingFormat.summaryTime(mdevMicros())).append(" ms");
            comma = ", ";
        }
        if (pipe > 1) {
            last.append(comma).append("pipe ").append(pipe);
        }
        lines.add(last.toString());
        return lines;
    }

    /** The mean round trip, truncated, over replies and duplicates as iputils divides. */
    long averageMicros() {
        return sumMicros / (received + duplicates);
    }

    /** The population standard deviation, by iputils' integer steps. */
    long mdevMicros() {
        long total = received + duplicates;
        long variance;
        if (sumMicros < Integer.MAX_VALUE) {
            // iputils: "this slightly clumsy computation order is important to avoid integer
            // rounding errors for small ping times".
            variance = (sumSquares - (sumMicros * sumMicros) / total) / total;
        } else {
            long average = sumMicros / total;
            variance = sumSquares / total - average * average;
        }
        return integerSquareRoot(variance);
    }

    /**
     * iputils' {@code llsqrt}: Newton's method on integers, stopping when a step no longer goes
     * down. That is the floor of the root, except that the last step can land one above it
     * ({@code llsqrt(3) == 2}); kept so that mdev shows the digits Linux would.
     */
    static long integerSquareRoot(long a) {
        if (a <= 0) {
            return 0;
        }
        long previous = Long.MAX_VALUE;
        long x = a;
        while (x < previous) {
            previous = x;
            x = (x + a / x) / 2;
        }
        return x;
    }
}
