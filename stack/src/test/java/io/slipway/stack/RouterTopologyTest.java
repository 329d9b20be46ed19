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
import io.slipway.ip.IcmpTypes;
import io.slipway.ip.IpEvent;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.ip.SendResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 3's topology, in virtual time: host A on Ethernet (MTU 1500) — router R — host B on a
 * SLIP line (MTU 296), both cables paced at 115 200 baud. A pings B through R; big pings are
 * fragmented by R on the way in and by B on the way back, and reassembled at each end.
 */
class RouterTopologyTest {
    private static final long SECOND = 1_000_000_000L;
    private static final int B = Ipv4Address.parse("10.2.0.1");

    private final ManualClock clock = new ManualClock();
    private final LoopbackCable ethernet = LoopbackCable.builder(clock).name("eth").framing(Framing.ETHERNET)
            .mtu(1500).impairments(Impairments.builder().baud(115_200).build()).build();
    private final LoopbackCable slip = LoopbackCable.builder(clock).name("sl").framing(Framing.SLIP).mtu(296)
            .impairments(Impairments.builder().baud(115_200).build()).build();
    private final Stack a = new Stack("A", StackConfig.DEFAULT, 11);
    private final Stack r = new Stack("R", StackConfig.DEFAULT, 12);
    private final Stack b = new Stack("B", StackConfig.DEFAULT, 13);
    private final Simulation sim = new Simulation(clock).add(a).add(r).add(b);
    private final List<String> heard = new ArrayList<>();
    private final EchoEndpoint ping;

    RouterTopologyTest() {
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
        ping = a.icmp().openEcho(77, 4000, new EchoListener() {
            @Override
            public void onEchoReply(int from, int sequence, int ttl, int length, long sentNanos, long nowNanos) {
                heard.add("reply from " + Ipv4Address.format(from) + " seq=" + sequence + " ttl=" + ttl + " len="
                        + length);
            }

            @Override
            public void onEchoError(int from, int type, int code, int info, int sequence, long nowNanos) {
                heard.add("error from " + Ipv4Address.format(from) + " seq=" + sequence + " type=" + type
                        + " code=" + code);
            }
        });
    }

    private void pingAndWait(int sequence, int size, int ttl) {
        int before = heard.size();
        assertEquals(SendResult.SENT, ping.send(B, sequence, size, ttl, clock.nanos()));
        assertTrue(sim.runUntil(() -> heard.size() > before, 10 * SECOND), "nothing heard for seq " + sequence
                + "\nA " + a.ip().events() + " " + arp(a) + "\nR " + r.ip().events() + " " + arp(r) + " "
                + r.ip().interfaceAt(0).link().events() + "\nB " + b.ip().events());
    }

    private static String arp(Stack s) {
        return "arp " + ((io.slipway.arp.Arp) s.ip().interfaceAt(0).resolver()).events() + " "
                + ((io.slipway.arp.Arp) s.ip().interfaceAt(0).resolver()).entries();
    }

    @Test
    void shouldPingAcrossTheRouterWithTheTtlOneLess() {
        pingAndWait(1, 56, 0);

        assertEquals(List.of("reply from 10.2.0.1 seq=1 ttl=63 len=56"), heard);
        assertEquals(2, r.ip().events().get(IpEvent.FORWARDED));
    }

    @Test
    void shouldFragmentAtTheRouterAndReassembleAtEachEnd() {
        pingAndWait(2, 1400, 0);

        assertEquals(List.of("reply from 10.2.0.1 seq=2 ttl=63 len=1400"), heard);
        // 1428-byte request: whole on Ethernet; R cuts it into 272-byte pieces for the SLIP line.
        assertEquals(0, a.ip().events().get(IpEvent.FRAGMENTS_OUT));
        assertEquals(6, r.ip().events().get(IpEvent.FRAGMENTS_OUT));
        assertEquals(1, b.ip().events().get(IpEvent.REASSEMBLED));
        // The reply is cut by B itself; R forwards the 6 pieces as they are.
        assertEquals(6, b.ip().events().get(IpEvent.FRAGMENTS_OUT));
        assertEquals(1, a.ip().events().get(IpEvent.REASSEMBLED));
        assertEquals(0, r.ip().events().get(IpEvent.REASSEMBLED), "routers do not reassemble");
    }

    @Test
    void shouldHearTimeExceededFromTheRouterWhenTheTtlRunsOut() {
        pingAndWait(3, 56, 1);

        assertEquals(List.of("error from 10.1.0.254 seq=3 type=" + IcmpTypes.TIME_EXCEEDED + " code=0"), heard);
    }

    @Test
    void shouldPingManyTimesWithoutLosingOne() {
        for (int seq = 0; seq < 50; seq++) {
            pingAndWait(seq, 8 + seq * 57 % 3000, 0);
        }
        assertEquals(50, heard.stream().filter(s -> s.startsWith("reply")).count());
        assertEquals(0, a.ip().reassembler().inProgress() + b.ip().reassembler().inProgress());
    }
}
