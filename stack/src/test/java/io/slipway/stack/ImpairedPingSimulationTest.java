package io.slipway.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.ManualClock;
import io.slipway.driver.MacAddress;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.loopback.Impairments;
import io.slipway.hal.loopback.LoopbackCable;
import io.slipway.icmp.EchoEndpoint;
import io.slipway.icmp.EchoListener;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The A — R — B topology on hostile cables, many seeds: frames lost, corrupted, duplicated and
 * reordered on both cables while A pings B with sizes that need fragmenting. Invariants: nothing
 * on the stack thread throws; a reply comes back only for a request that was sent, with the size
 * it was sent with; at least half the pings get through (the seeds give 53–68 %; before stalled
 * datagrams could give way in reassembly, 26–30 %); and once the lines fall quiet and the reassembly
 * timeout has passed, no reassembly slot or ARP wait buffer is left held.
 */
class ImpairedPingSimulationTest {
    private static final long SECOND = 1_000_000_000L;
    private static final int PINGS = 150;
    private static final int B = Ipv4Address.parse("10.2.0.1");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})
    void shouldSurviveAHostileLineAndLeaveNothingHeld(long seed) {
        ManualClock clock = new ManualClock();
        Impairments hostile = Impairments.builder().baud(115_200).loss(0.03).corruption(0.02).duplication(0.03)
                .reorder(0.05, 20_000_000L).build();
        LoopbackCable ethernet = LoopbackCable.builder(clock).name("eth").framing(Framing.ETHERNET).mtu(1500)
                .impairments(hostile).seed(seed).build();
        LoopbackCable slip = LoopbackCable.builder(clock).name("sl").framing(Framing.SLIP).mtu(296)
                .impairments(hostile).seed(seed * 31 + 7).build();
        Stack a = new Stack("A", StackConfig.DEFAULT, seed);
        Stack r = new Stack("R", StackConfig.DEFAULT, seed + 100);
        Stack b = new Stack("B", StackConfig.DEFAULT, seed + 200);
        a.addInterface(ethernet.a(), InterfaceConfig.ethernet(Ipv4Prefix.parse("10.1.0.1/24", 24),
                MacAddress.parse("02:00:00:00:01:01")));
        a.ip().routes().addDefaultGateway(Ipv4Address.parse("10.1.0.254"));
        r.addInterface(ethernet.b(), InterfaceConfig.ethernet(Ipv4Prefix.parse("10.1.0.254/24", 24),
                MacAddress.parse("02:00:00:00:01:fe")));
        r.addInterface(slip.a(), InterfaceConfig.pointToPoint(Ipv4Prefix.parse("10.2.0.254/24", 24), B));
        r.ip().setForwarding(true);
        b.addInterface(slip.b(), InterfaceConfig.pointToPoint(Ipv4Prefix.parse("10.2.0.1/24", 24),
                Ipv4Address.parse("10.2.0.254")));
        b.ip().routes().addDefaultGateway(Ipv4Address.parse("10.2.0.254"));
        Simulation sim = new Simulation(clock).add(a).add(r).add(b);

        int[] sentSize = new int[PINGS];
        boolean[] answered = new boolean[PINGS];
        int[] replies = {0};
        EchoEndpoint ping = a.icmp().openEcho(9, 2000, new EchoListener() {
            @Override
            public void onEchoReply(int from, int sequence, int ttl, int length, long sentNanos, long nowNanos) {
                assertEquals(B, from);
                assertTrue(sequence < PINGS && sentSize[sequence] == length,
                        "reply " + sequence + " of " + length + " bytes, sent " + sentSize[sequence]);
                if (!answered[sequence]) {
                    answered[sequence] = true;
                    replies[0]++;
                }
            }
        });
        SplittableRandom sizes = new SplittableRandom(seed);
        for (int seq = 0; seq < PINGS; seq++) {
            sentSize[seq] = 8 + sizes.nextInt(1400);
            ping.send(B, seq, sentSize[seq], 0, clock.nanos());
            sim.runFor(SECOND / 2);
        }
        // Quiet lines, then past the reassembly timeout (30 s) and ARP's ageing.
        sim.runFor(120 * SECOND);

        System.out.println("seed " + seed + ": " + replies[0] + " of " + PINGS + " answered");
        assertTrue(replies[0] >= PINGS / 2, "replies " + replies[0] + " of " + PINGS + "; A " + a.ip().events()
                + " R " + r.ip().events() + " B " + b.ip().events());
        for (Stack s : new Stack[] {a, r, b}) {
            assertEquals(0, s.ip().reassembler().inProgress(), s.name() + " reassembly slots held");
        }
        assertEquals(0, ((io.slipway.arp.Arp) a.ip().interfaceAt(0).resolver()).queuedPackets(), "A's ARP queue");
        assertEquals(0, ((io.slipway.arp.Arp) r.ip().interfaceAt(0).resolver()).queuedPackets(), "R's ARP queue");
    }
}
