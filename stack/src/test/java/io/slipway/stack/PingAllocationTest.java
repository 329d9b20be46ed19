package io.slipway.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slipway.base.Clock;
import io.slipway.base.ManualClock;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.loopback.Impairments;
import io.slipway.hal.loopback.LoopbackCable;
import io.slipway.icmp.EchoEndpoint;
import io.slipway.icmp.EchoListener;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.ip.SendResult;
import io.slipway.testing.SteadyState;
import org.junit.jupiter.api.Test;

/**
 * Issue 3: echo request and reply allocate nothing per packet in steady state — on both hosts:
 * the pinger builds requests and takes replies, the other answers in place.
 */
class PingAllocationTest {
    private static final int PINGS = 5_000;
    private static final int A = Ipv4Address.parse("10.0.0.1");
    private static final int B = Ipv4Address.parse("10.0.0.2");

    private final ManualClock clock = new ManualClock();
    private final LoopbackCable cable = LoopbackCable.builder(clock).framing(Framing.SLIP).mtu(1006)
            .impairments(Impairments.builder().baud(115_200).build()).build();
    private final Stack alice = new Stack("alice", StackConfig.DEFAULT, 1);
    private final Stack bob = new Stack("bob", StackConfig.DEFAULT, 2);
    private int replies;
    private long rttSum;
    private final EchoEndpoint ping;

    PingAllocationTest() {
        alice.addInterface(cable.a(), InterfaceConfig.pointToPoint(new Ipv4Prefix(A, 32), B));
        bob.addInterface(cable.b(), InterfaceConfig.pointToPoint(new Ipv4Prefix(B, 32), A));
        ping = alice.icmp().openEcho(0x5150, 1000, new EchoListener() {
            @Override
            public void onEchoReply(int from, int sequence, int ttl, int length, long sentNanos, long nowNanos) {
                replies++;
                rttSum += nowNanos - sentNanos;
            }
        });
    }

    @Test
    void shouldPingWithoutAllocating() {
        SteadyState.assertAllocatesNothing("echo requests and replies", PINGS, this::pingRepeatedly);

        assertEquals(0, replies % PINGS, "every ping answered");
        assertEquals(0, cable.a().counters().totalDrops() + cable.b().counters().totalDrops());
    }

    /** One ping at a time, of sizes from 8 to 1000 bytes, each waited for. */
    private void pingRepeatedly() {
        int target = replies + PINGS;
        for (int seq = 0; replies < target; seq++) {
            int expected = replies + 1;
            if (ping.send(B, seq, 8 + seq % 900, 0, clock.nanos()) != SendResult.SENT) {
                throw new AssertionError("send failed at " + seq);
            }
            while (replies < expected) {
                long now = clock.nanos();
                alice.poll(now);
                bob.poll(now);
                long next = Math.min(alice.nextDeadline(), bob.nextDeadline());
                if (next == Clock.NEVER && replies < expected) {
                    throw new AssertionError("ping " + seq + " was lost: " + bob.ip().events());
                }
                if (next > now) {
                    clock.set(next);
                }
            }
        }
    }
}
