package io.slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.SystemClock;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.loopback.Impairments;
import io.slipway.hal.loopback.LoopbackCable;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.stack.InterfaceConfig;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import io.slipway.stack.StackRunner;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The ping loop on real stacks in real time, joined by in-memory SLIP cables (no serial port):
 *
 * <pre>
 *   alice 10.0.1.2 ──cable1── 10.0.1.1 router 10.0.2.1 ──cable2── 10.0.2.2 bob
 * </pre>
 *
 * Output is compared line by line with the round-trip figures masked, since they are measured.
 */
@Timeout(30)
class PingerTest {
    private static final int ALICE = Ipv4Address.parse("10.0.1.2");
    private static final int ROUTER_1 = Ipv4Address.parse("10.0.1.1");
    private static final int ROUTER_2 = Ipv4Address.parse("10.0.2.1");
    private static final int BOB = Ipv4Address.parse("10.0.2.2");
    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Deque<AutoCloseable> cleanup = new ArrayDeque<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @AfterEach
    void tearDown() throws Exception {
        while (!cleanup.isEmpty()) {
            cleanup.pop().close();
        }
    }

    @Test
    void shouldPingThroughARouterAndSeeTheTtlItTookOff() throws Exception {
        HostStack alice = routedNetwork();

        int status = ping(alice, settings("10.0.2.2", BOB, 3, 0));

        assertEquals(Slipway.EXIT_OK, status, err.toString());
        assertEquals(List.of(
                "PING 10.0.2.2 (10.0.2.2) 56(84) bytes of data.",
                "64 bytes from 10.0.2.2: icmp_seq=1 ttl=63 time=T ms",
                "64 bytes from 10.0.2.2: icmp_seq=2 ttl=63 time=T ms",
                "64 bytes from 10.0.2.2: icmp_seq=3 ttl=63 time=T ms",
                "",
                "--- 10.0.2.2 ping statistics ---",
                "3 packets transmitted, 3 received, 0% packet loss, time Tms",
                "rtt min/avg/max/mdev = R ms"), masked(out));
        assertEquals("", err.toString());
    }

    @Test
    void shouldReportTimeExceededFromTheRouterAndStopOnceEveryRequestIsAnswered() throws Exception {
        HostStack alice = routedNetwork();
        long start = System.nanoTime();

        int status = ping(alice, new Pinger.Settings("10.0.2.2", BOB, 2, 56, 50 * MS, 30_000 * MS, 1, 0x5150));

        assertEquals(Slipway.EXIT_FAILED, status);
        assertEquals(List.of(
                "PING 10.0.2.2 (10.0.2.2) 56(84) bytes of data.",
                "From 10.0.1.1 icmp_seq=1 Time to live exceeded",
                "From 10.0.1.1 icmp_seq=2 Time to live exceeded",
                "",
                "--- 10.0.2.2 ping statistics ---",
                "2 packets transmitted, 0 received, +2 errors, 100% packet loss, time Tms",
                ""), masked(out));
        assertTrue(System.nanoTime() - start < 10_000 * MS, "waited for -W although every request was answered");
    }

    @Test
    void shouldGiveUpAfterTheTimeoutWhenNothingAnswers() throws Exception {
        HostStack alice = routedNetwork();
        long start = System.nanoTime();

        int status = ping(alice, new Pinger.Settings("10.0.1.77", Ipv4Address.parse("10.0.1.77"), 1, 56, 1000 * MS,
                300 * MS, 0, 0x5150));

        assertEquals(Slipway.EXIT_FAILED, status);
        assertEquals(List.of(
                "PING 10.0.1.77 (10.0.1.77) 56(84) bytes of data.",
                "",
                "--- 10.0.1.77 ping statistics ---",
                "1 packets transmitted, 0 received, 100% packet loss, time Tms",
                ""), masked(out));
        assertTrue(System.nanoTime() - start >= 300 * MS, "gave up before the timeout");
    }

    @Test
    void shouldStopWhenSignalledAndStillSummarise() throws Exception {
        HostStack alice = routedNetwork();
        StopSignal stop = StopSignal.manual();
        Thread ctrlC = new Thread(() -> {
            try {
                Thread.sleep(400);
            } catch (InterruptedException e) {
                return;
            }
            stop.raise();
        });
        ctrlC.start();

        int status = new Pinger(alice, settings("10.0.2.2", BOB, 0, 0), writer(out), writer(err), stop).run();

        assertEquals(Slipway.EXIT_OK, status);
        List<String> lines = masked(out);
        String counts = lines.get(lines.size() - 2);
        assertTrue(counts.matches("\\d+ packets transmitted, \\d+ received, .*% packet loss, time Tms"), counts);
        assertTrue(lines.size() >= 1 + 1 + 4, "expected a reply before the stop: " + lines);
        assertEquals("rtt min/avg/max/mdev = R ms", lines.get(lines.size() - 1));
    }

    @Test
    void shouldMarkDuplicatedRepliesAndCountThemApart() throws Exception {
        LoopbackCable cable = cable("dup", Impairments.PERFECT, Impairments.builder().duplication(1.0).build());
        cleanup.push(peer("bob", false, Ipv4Address.ANY, cable.b(), "10.0.1.1/24"));
        HostStack alice = host(cable.a(), "10.0.1.2/24", null);

        int status = ping(alice, settings("10.0.1.1", ROUTER_1, 3, 0));

        assertEquals(Slipway.EXIT_OK, status);
        String all = String.join("\n", masked(out));
        assertTrue(all.contains("64 bytes from 10.0.1.1: icmp_seq=1 ttl=64 time=T ms (DUP!)"), all);
        assertTrue(all.matches("(?s).*\n3 packets transmitted, 3 received, \\+[23] duplicates, 0% packet loss.*"),
                all);
    }

    @Test
    void shouldPingItsOwnAddress() throws Exception {
        HostStack alice = routedNetwork();

        int status = ping(alice, settings("10.0.1.2", ALICE, 2, 0));

        assertEquals(Slipway.EXIT_OK, status);
        assertEquals("64 bytes from 10.0.1.2: icmp_seq=2 ttl=64 time=T ms", masked(out).get(2));
    }

    @Test
    void shouldPrintNoTimesForRequestsTooShortToCarryOne() throws Exception {
        HostStack alice = routedNetwork();

        int status = ping(alice, new Pinger.Settings("10.0.2.2", BOB, 1, 4, 50 * MS, 1000 * MS, 0, 0x5150));

        assertEquals(Slipway.EXIT_OK, status);
        assertEquals(List.of(
                "PING 10.0.2.2 (10.0.2.2) 4(32) bytes of data.",
                "12 bytes from 10.0.2.2: icmp_seq=1 ttl=63",
                "",
                "--- 10.0.2.2 ping statistics ---",
                "1 packets transmitted, 1 received, 0% packet loss, time Tms",
                ""), masked(out));
    }

    // ---------------------------------------------------------------- the network

    /** alice, a router and bob on two cables; returns alice's host. */
    private HostStack routedNetwork() {
        LoopbackCable one = cable("cable1", Impairments.PERFECT, Impairments.PERFECT);
        LoopbackCable two = cable("cable2", Impairments.PERFECT, Impairments.PERFECT);
        cleanup.push(peer("router", true, Ipv4Address.ANY, one.b(), "10.0.1.1/24", two.a(), "10.0.2.1/24"));
        cleanup.push(peer("bob", false, ROUTER_2, two.b(), "10.0.2.2/24"));
        return host(one.a(), "10.0.1.2/24", "10.0.1.1");
    }

    private LoopbackCable cable(String name, Impairments aToB, Impairments bToA) {
        LoopbackCable cable = LoopbackCable.builder(SystemClock.INSTANCE).name(name).framing(Framing.SLIP)
                .mtu(1006).impairments(aToB, bToA).build();
        cleanup.push(cable);
        return cable;
    }

    /** The host under test, over one cable end, as the commands build it. */
    private HostStack host(LanAdapter end, String ip, String gateway) {
        LinkSettings settings = LinkSettings.of(end.name(), ip, null, gateway, "slip", 115_200, null, null, null, true);
        HostStack host = HostStack.start("alice", List.of(new HostStack.Attachment(settings, end, null)), false);
        cleanup.push(host);
        return host;
    }

    /**
     * Another stack on its own runner, configured before it starts: interfaces as (adapter,
     * "a.b.c.d/n") pairs, a default gateway unless {@link Ipv4Address#ANY}.
     */
    private static StackRunner peer(String name, boolean forwarding, int gateway, Object... interfaces) {
        Stack stack = new Stack(name, StackConfig.DEFAULT);
        for (int i = 0; i < interfaces.length; i += 2) {
            Ipv4Prefix prefix = Ipv4Prefix.parse((String) interfaces[i + 1], 24);
            stack.addInterface((LanAdapter) interfaces[i], InterfaceConfig.pointToPoint(prefix, Ipv4Address.ANY));
        }
        if (gateway != Ipv4Address.ANY) {
            stack.ip().routes().addDefaultGateway(gateway);
        }
        stack.ip().setForwarding(forwarding);
        return new StackRunner(stack, SystemClock.INSTANCE).start();
    }

    private static Pinger.Settings settings(String host, int target, int count, int ttl) {
        return new Pinger.Settings(host, target, count, 56, 50 * MS, 2_000 * MS, ttl, 0x5150);
    }

    private int ping(HostStack host, Pinger.Settings settings) throws InterruptedException {
        return new Pinger(host, settings, writer(out), writer(err), StopSignal.manual()).run();
    }

    private static PrintWriter writer(StringWriter w) {
        return new PrintWriter(w, true);
    }

    /** The output's lines with measured times replaced: {@code time=T ms}, {@code time Tms}, {@code = R ms}. */
    private static List<String> masked(StringWriter out) {
        return out.toString().lines()
                .map(l -> l.replaceAll("time=\\d+(\\.\\d+)? ms", "time=T ms")
                        .replaceAll("time \\d+ms", "time Tms")
                        .replaceAll("rtt min/avg/max/mdev = [\\d./]+ ms", "rtt min/avg/max/mdev = R ms"))
                .collect(Collectors.toList());
    }
}
