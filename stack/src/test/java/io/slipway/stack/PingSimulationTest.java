package io.slipway.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.ManualClock;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.loopback.Impairments;
import io.slipway.hal.loopback.LoopbackCable;
import io.slipway.icmp.EchoEndpoint;
import io.slipway.icmp.EchoListener;
import io.slipway.icmp.IcmpEvent;
import io.slipway.ip.IpEvent;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.ip.SendResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two stacks on a SLIP cable at 115 200 baud in virtual time: ping, small and fragmented. */
class PingSimulationTest {
    private static final int A = Ipv4Address.parse("10.0.0.1");
    private static final int B = Ipv4Address.parse("10.0.0.2");
    private static final long SECOND = 1_000_000_000L;

    private final ManualClock clock = new ManualClock();
    private final LoopbackCable cable = LoopbackCable.builder(clock).framing(Framing.SLIP).mtu(296)
            .impairments(Impairments.builder().baud(115_200).build()).build();
    private final Stack alice = new Stack("alice", StackConfig.DEFAULT, 1);
    private final Stack bob = new Stack("bob", StackConfig.DEFAULT, 2);
    private final Simulation sim = new Simulation(clock).add(alice).add(bob);
    private final List<String> replies = new ArrayList<>();

    PingSimulationTest() {
        alice.addInterface(cable.a(), InterfaceConfig.pointToPoint(new Ipv4Prefix(A, 32), B));
        bob.addInterface(cable.b(), InterfaceConfig.pointToPoint(new Ipv4Prefix(B, 32), A));
    }

    private final EchoListener recorder = new EchoListener() {
        @Override
        public void onEchoReply(int from, int sequence, int ttl, int payloadLength, long sentNanos, long nowNanos) {
            replies.add(Ipv4Address.format(from) + " seq=" + sequence + " ttl=" + ttl + " len=" + payloadLength
                    + " rtt=" + (nowNanos - sentNanos));
        }
    };

    @Test
    void shouldAnswerAPingAcrossTheLine() {
        EchoEndpoint ping = alice.icmp().openEcho(0x1234, 2000, recorder);
        assertEquals(SendResult.SENT, ping.send(B, 1, 56, 0, clock.nanos()));

        assertTrue(sim.runUntil(() -> replies.size() == 1, SECOND));

        // 84-byte datagram + 2 SLIP ENDs each way = 86 bytes × 10 bits at 115 200 baud, twice.
        long oneWay = 86L * 10 * SECOND / 115_200;
        assertEquals(List.of("10.0.0.2 seq=1 ttl=64 len=56 rtt=" + clock.nanos()), replies);
        assertEquals(2 * oneWay, clock.nanos(), 2);
        assertEquals(1, bob.icmp().events().get(IcmpEvent.ECHO_REPLIES_OUT));
    }

    @Test
    void shouldFragmentALargePingBothWaysAndReassembleIt() {
        EchoEndpoint ping = alice.icmp().openEcho(7, 3000, recorder);
        assertEquals(SendResult.SENT, ping.send(B, 9, 3000, 0, clock.nanos()));

        assertTrue(sim.runUntil(() -> replies.size() == 1, 5 * SECOND));

        assertTrue(replies.get(0).startsWith("10.0.0.2 seq=9 ttl=64 len=3000"), replies.toString());
        // 3008 bytes of ICMP in 272-byte pieces (296 - 20, rounded down to 8): 12 fragments.
        assertEquals(12, alice.ip().events().get(IpEvent.FRAGMENTS_OUT));
        assertEquals(12, bob.ip().events().get(IpEvent.FRAGMENTS_OUT));
        assertEquals(1, bob.ip().events().get(IpEvent.REASSEMBLED));
        assertEquals(1, alice.ip().events().get(IpEvent.REASSEMBLED));
    }

    @Test
    void shouldPingItself() {
        EchoEndpoint ping = alice.icmp().openEcho(1, 100, recorder);
        assertEquals(SendResult.SENT, ping.send(A, 1, 56, 0, clock.nanos()));

        assertTrue(sim.runUntil(() -> replies.size() == 1, SECOND));

        assertEquals(List.of("10.0.0.1 seq=1 ttl=64 len=56 rtt=0"), replies);
        assertEquals(0, cable.a().counters().framesOut());
    }

    @Test
    void shouldSayNoRouteForAnAddressOffTheLink() {
        EchoEndpoint ping = alice.icmp().openEcho(1, 100, recorder);
        assertEquals(SendResult.NO_ROUTE, ping.send(Ipv4Address.parse("192.0.2.1"), 1, 56, 0, 0));
    }
}
