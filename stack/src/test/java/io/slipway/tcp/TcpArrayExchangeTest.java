package io.slipway.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.Bytes;
import io.slipway.base.ManualClock;
import io.slipway.base.PacketBuffer;
import io.slipway.hal.ForwardingAdapter;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.Medium;
import io.slipway.hal.loopback.LoopbackCable;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.stack.InterfaceConfig;
import io.slipway.stack.Simulation;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Two stacks on a cable that exchanges arrays, over bare IP and over Ethernet: every TCP segment
 * crosses in the sending stack's own array and the receiving driver keeps that array (TCP leaves
 * a link header's room in front of its frames for it), while ARP's frames and the segment that
 * waited in ARP's queue, in buffers of fixed arrays, are copied. Every byte arrives.
 */
class TcpArrayExchangeTest {
    private static final int A = Ipv4Address.parse("10.0.0.1");
    private static final int B = Ipv4Address.parse("10.0.0.2");

    /** Counts the frames received by exchange and by copy, ARP's apart. */
    private static final class Counting extends ForwardingAdapter {
        long exchanged;
        long copied;
        long copiedArp;

        Counting(LanAdapter inner) {
            super(inner);
        }

        @Override
        public boolean exchangesArrays() {
            return inner.exchangesArrays();
        }

        @Override
        public boolean transmit(PacketBuffer frame) {
            return inner.transmit(frame);
        }

        @Override
        public int receive(PacketBuffer into, int headroom) {
            byte[] before = into.data();
            int n = inner.receive(into, headroom);
            if (n >= 0) {
                if (into.data() != before) {
                    exchanged++;
                } else if (medium() == Medium.ETHERNET && Bytes.u16(into.data(), into.offset() + 12) == 0x0806) {
                    copiedArp++;
                } else {
                    copied++;
                }
            }
            return n;
        }
    }

    @ParameterizedTest
    @EnumSource(value = Medium.class, names = {"IP", "ETHERNET"})
    void shouldCarryEverySegmentInItsSendersArray(Medium medium) throws Exception {
        ManualClock clock = new ManualClock();
        LoopbackCable cable = LoopbackCable.builder(clock).unframed(medium).mtu(1500).segmentOffload(65_535)
                .exchangeArrays().inFlightFrames(16).receiveQueueFrames(16).build();
        Stack a = new Stack("a", StackConfig.DEFAULT, 1);
        Stack b = new Stack("b", StackConfig.DEFAULT, 2);
        Counting atA = new Counting(cable.a());
        Counting atB = new Counting(cable.b());
        if (medium == Medium.ETHERNET) {
            a.addInterface(atA, InterfaceConfig.ethernet(new Ipv4Prefix(A, 24), 0x02_00_00_00_00_01L));
            b.addInterface(atB, InterfaceConfig.ethernet(new Ipv4Prefix(B, 24), 0x02_00_00_00_00_02L));
        } else {
            a.addInterface(atA, InterfaceConfig.pointToPoint(new Ipv4Prefix(A, 24), B));
            b.addInterface(atB, InterfaceConfig.pointToPoint(new Ipv4Prefix(B, 24), A));
        }
        Simulation sim = new Simulation(clock).add(a).add(b);
        TransferService server = TransferService.server(b.sockets(), 300_000, 2_000_000);
        TransferService client = TransferService.client(a.sockets(), B, 2_000_000, 300_000);
        b.sockets().addService(server);
        a.sockets().addService(client);

        assertTrue(sim.runUntil(() -> client.isDone() && server.isDone(), 600_000_000_000L));
        assertTrue(client.problems().isEmpty() && server.problems().isEmpty(),
                client.problems() + " " + server.problems());
        boolean ethernet = medium == Medium.ETHERNET;
        for (Stack receiver : new Stack[] {a, b}) {
            Counting end = receiver == a ? atA : atB;
            long segments = receiver.tcp().events().get(TcpEvent.SEGMENTS_IN);
            assertTrue(segments > 10, receiver.name() + " got " + segments + " segments");
            // On Ethernet a's SYN waited in ARP's queue, a copy in a pool buffer, until b's
            // address was resolved; b answered a's request, and so knew a's when it replied.
            long waitedForArp = ethernet && receiver == b ? 1 : 0;
            assertEquals(segments - waitedForArp, end.exchanged, receiver.name() + ": segments received by exchange");
            assertEquals(waitedForArp, end.copied, receiver.name() + ": frames copied, ARP's aside");
            assertTrue(ethernet == (end.copiedArp > 0), receiver.name() + ": ARP frames " + end.copiedArp);
        }
    }
}
