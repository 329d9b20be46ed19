package io.slipway.cli;

import io.slipway.base.Clock;
import io.slipway.base.SystemClock;
import io.slipway.icmp.EchoEndpoint;
import io.slipway.icmp.EchoListener;
import io.slipway.ip.SendResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One ping run on a started {@link HostStack}: sends echo requests on a schedule, prints each
 * reply or error as it comes, and the summary at the end. What is printed, and when it ends,
 * follow Linux ping (iputils):
 *
 * <ul>
 *   <li>a request every interval; nothing is printed for a request that gets no answer;
 *   <li>with a count, it ends once every request has been answered (by a reply or an error), or
 *       when the wait after the last request is over: twice the longest round trip (at least one
 *       interval) when some reply came, else the timeout ({@code -W}; 0 waits for ever);
 *   <li>without a count, or on Ctrl-C, it ends when the {@link StopSignal} is raised;
 *   <li>exit status 0 when any reply came, else 1.
 * </ul>
 *
 * <p>Threads: this runs on the command's thread. Requests are sent on the stack thread through
 * {@link io.slipway.stack.StackRunner#execute}; the {@link EchoListener} hears replies on the stack
 * thread and hands them over through a queue. The round trip comes from the reply itself: the
 * request's first 8 data bytes carry its send time ({@link EchoEndpoint#send}).
 */
final class Pinger {
    /** How often the loop looks at the link and the stack when nothing else wakes it. */
    private static final long CHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final int SEQUENCES = 1 << 16;
    /** The send time {@link EchoEndpoint#send} writes at the front of a request of 8 or more bytes. */

    /**
     * What to ping and how.
     *
     * @param host the destination as the user wrote it, for the header and the summary
     * @param target its address
     * @param count requests to send, 0 for no limit
     * @param size data bytes per request
     * @param intervalNanos time between requests
     * @param timeoutNanos wait after the last request when no reply has come; 0 waits for ever
     * @param ttl the requests' TTL, 0 for the stack's default
     * @param identifier the ICMP echo identifier this run uses
     */
    record Settings(String host, int target, int count, int size, long intervalNanos, long timeoutNanos, int ttl,
            int identifier) {
        /** The same settings for a HOST name resolved to {@code address}. */
        Settings withTarget(int address) {
            return new Settings(host, address, count, size, intervalNanos, timeoutNanos, ttl, identifier);
        }
    }

    /** What the stack thread hands over. */
    private sealed interface Event permits Reply, IcmpError, NotSent, Wake {
    }

    private record Reply(int from, int sequence, int ttl, int payloadLength, long sentNanos, long nowNanos)
            implements Event {
    }

    private record IcmpError(int from, int type, int code, int info, int sequence) implements Event {
    }

    private record NotSent(int sequence, SendResult result) implements Event {
    }

    /** Only wakes the loop (the stop signal was raised). */
    private record Wake() implements Event {
    }

    private final HostStack host;
    private final Settings settings;
    private final PrintWriter out;
    private final PrintWriter err;
    private final StopSignal stop;
    private final Clock clock = SystemClock.INSTANCE;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final PingStatistics stats = new PingStatistics();
    /** When the run began: every send time it writes is at or after this. */
    private long startNanos;

    Pinger(HostStack host, Settings settings, PrintWriter out, PrintWriter err, StopSignal stop) {
        this.host = host;
        this.settings = settings;
        this.out = out;
        this.err = err;
        this.stop = stop;
    }

    /** Pings until done; returns the exit status. */
    int run() throws InterruptedException {
        say(PingFormat.header(settings.host(), settings.target(), settings.size()));
        EchoEndpoint echo = host.call(s -> s.icmp().openEcho(settings.identifier(), settings.size(), listener()));
        stop.onRaise(() -> events.add(new Wake()));
        startNanos = clock.nanos();

        long start = startNanos;
        long lastSent = start;
        long nextSend = start;
        boolean allSent = false;
        boolean waitForever = false;
        long giveUpAt = 0;
        int sequence = 0;
        String failure = null;
        while (!stop.isRaised()) {
            if (settings.count() > 0 && stats.received() + stats.errors() >= settings.count()) {
                break; // every request answered
            }
            if (!host.isRunning()) {
                break; // the runner has said why on stderr
            }
            failure = host.linkDown();
            if (failure != null) {
                break;
            }
            long now = clock.nanos();
            if (allSent && !waitForever && now - giveUpAt >= 0) {
                break;
            }
            if (!allSent && now - nextSend >= 0) {
                sequence = (sequence + 1) % SEQUENCES;
                send(echo, sequence);
                stats.sent(sequence);
                lastSent = now;
                // As iputils: the next request one interval after this one, no catching up.
                nextSend = now + settings.intervalNanos();
                if (settings.count() > 0 && stats.transmitted() >= settings.count()) {
                    allSent = true;
                    long linger = lingerNanos();
                    waitForever = linger == 0;
                    giveUpAt = now + linger;
                }
            }
            long wait = CHECK_NANOS;
            if (!allSent) {
                wait = Math.min(wait, nextSend - now);
            } else if (!waitForever) {
                wait = Math.min(wait, giveUpAt - now);
            }
            for (Event e = events.poll(Math.max(0, wait), TimeUnit.NANOSECONDS); e != null; e = events.poll()) {
                handle(e);
            }
        }
        if (failure != null) {
            err.println("slipway: ping: " + failure);
            err.flush();
        }
        List<String> summary = stats.summary(settings.host(), lastSent - start);
        for (String line : summary) {
            out.println(line);
        }
        out.flush();
        return stats.received() > 0 ? Slipway.EXIT_OK : Slipway.EXIT_FAILED;
    }

    /**
     * iputils' wait after the last request: twice the longest round trip, but at least one
     * interval, once a reply has come; otherwise the timeout.
     */
    private long lingerNanos() {
        if (stats.received() > 0) {
            return Math.max(2 * stats.maxMicros() * 1000, settings.intervalNanos());
        }
        return settings.timeoutNanos();
    }

    private void send(EchoEndpoint echo, int sequence) {
        host.runner().execute(() -> {
            SendResult result = echo.send(settings.target(), sequence, settings.size(), settings.ttl(), clock.nanos());
            if (result != SendResult.SENT) {
                events.add(new NotSent(sequence, result));
            }
        });
    }

    private void handle(Event event) {
        if (event instanceof Reply r) {
            long rtt = -1;
            // Only a send time this run could have written gives a round trip: a peer that
            // rewrote the data must not make one up (or overflow the sums of squares).
            if (r.payloadLength() >= EchoEndpoint.TIMESTAMP_BYTES && r.sentNanos() - startNanos >= 0
                    && r.nowNanos() - r.sentNanos() >= 0) {
                rtt = (r.nowNanos() - r.sentNanos()) / 1000;
            }
            boolean duplicate = stats.replied(r.sequence(), rtt);
            say(PingFormat.reply(r.payloadLength() + 8, r.from(), r.sequence(), r.ttl(), rtt, settings.size(),
                    duplicate, r.from() != settings.target()));
        } else if (event instanceof IcmpError e) {
            stats.error(e.sequence());
            say(PingFormat.error(e.from(), e.sequence(), e.type(), e.code(), e.info()));
        } else if (event instanceof NotSent n) {
            err.println("slipway: ping: icmp_seq=" + n.sequence() + " not sent: " + describe(n.result()));
            err.flush();
        }
    }

    private static String describe(SendResult result) {
        switch (result) {
            case NO_ROUTE:
                return "no route to the host";
            case FRAGMENTATION_NEEDED:
                return "too big for the link, and may not be fragmented";
            case TOO_BIG:
                return "larger than an IPv4 datagram can be";
            case DROPPED:
                return "the link dropped it (down, or its queue is full)";
            default:
                return result.toString();
        }
    }

    /** Stack thread: hands what arrives to the ping's thread. */
    private EchoListener listener() {
        return new EchoListener() {
            @Override
            public void onEchoReply(int from, int sequence, int ttl, int payloadLength, long sentNanos,
                    long nowNanos) {
                events.add(new Reply(from, sequence, ttl, payloadLength, sentNanos, nowNanos));
            }

            @Override
            public void onEchoError(int from, int type, int code, int info, int sequence, long nowNanos) {
                events.add(new IcmpError(from, type, code, info, sequence));
            }
        };
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }
}
