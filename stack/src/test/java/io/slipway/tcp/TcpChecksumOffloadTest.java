package io.slipway.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.Bytes;
import io.slipway.base.ManualClock;
import io.slipway.hal.ForwardingAdapter;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.loopback.LoopbackCable;
import io.slipway.ip.IpEvent;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.stack.InterfaceConfig;
import io.slipway.stack.Simulation;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import org.junit.jupiter.api.Test;

/**
 * TCP over a cable with checksum offload (the unframed loopback cable's, as Linux's loopback
 * device marks its packets as checked): data segments leave unsummed and are taken unchecked,
 * every byte still arrives in order; and a router that forwards them from such a cable onto a
 * line without offload sums them first, so the host behind it takes them.
 */
class TcpChecksumOffloadTest {
    private static final long SECOND = 1_000_000_000L;
    private static final int A = Ipv4Address.parse("10.1.0.1");
    private static final int R_A = Ipv4Address.parse("10.1.0.254");
    private static final int C = Ipv4Address.parse("10.2.0.1");
    private static final int R_C = Ipv4Address.parse("10.2.0.254");

    private final ManualClock clock = new ManualClock();

    @Test
    void shouldSendDataUnsummedAndTakeItUncheckedOverTheOffloadingCable() throws Exception {
        LoopbackCable cable = LoopbackCable.builder(clock).mtu(1500).segmentOffload(65_535).checksumOffload().build();
        Stack a = new Stack("a", StackConfig.DEFAULT, 1);
        Stack b = new Stack("b", StackConfig.DEFAULT, 2);
        UnsummedData wire = new UnsummedData(cable.a());
        a.addInterface(wire, InterfaceConfig.pointToPoint(new Ipv4Prefix(A, 24), R_A));
        b.addInterface(cable.b(), InterfaceConfig.pointToPoint(new Ipv4Prefix(R_A, 24), A));

        transfer(new Simulation(clock).add(a).add(b), a, b, R_A, 300_000, 100_000);

        assertTrue(wire.unsummed > 0 && wire.summed == 0, "data segments with the field left 0: " + wire.unsummed
                + ", summed: " + wire.summed);
    }

    @Test
    void shouldSumASegmentForwardedFromTheOffloadingCableOntoALineWithout() throws Exception {
        LoopbackCable offloading = LoopbackCable.builder(clock).name("mem").mtu(1500).segmentOffload(65_535)
                .checksumOffload().build();
        LoopbackCable line = LoopbackCable.builder(clock).name("sl").framing(Framing.SLIP).mtu(1006).build();
        Stack a = new Stack("A", StackConfig.DEFAULT, 11);
        Stack r = new Stack("R", StackConfig.DEFAULT, 12);
        Stack c = new Stack("C", StackConfig.DEFAULT, 13);
        a.addInterface(offloading.a(), InterfaceConfig.pointToPoint(new Ipv4Prefix(A, 24), R_A));
        a.ip().routes().addDefaultGateway(R_A);
        r.addInterface(offloading.b(), InterfaceConfig.pointToPoint(new Ipv4Prefix(R_A, 24), A));
        r.addInterface(line.a(), InterfaceConfig.pointToPoint(new Ipv4Prefix(R_C, 24), C));
        r.ip().setForwarding(true);
        c.addInterface(line.b(), InterfaceConfig.pointToPoint(new Ipv4Prefix(C, 24), R_C));
        c.ip().routes().addDefaultGateway(R_C);

        // Both ways: A's segments reach C through R (summed there); C's, summed, reach A.
        transfer(new Simulation(clock).add(a).add(r).add(c), a, c, C, 200_000, 50_000);

        assertEquals(0, c.tcp().events().get(TcpEvent.DROP_BAD_CHECKSUM), "C found every forwarded segment summed");
        assertTrue(r.ip().events().get(IpEvent.FORWARDED) > 0);
        assertTrue(r.ip().events().get(IpEvent.FRAGMENTS_OUT) > 0, "A's large segments were fragmented for the line");
    }

    /** {@code toServer} bytes from {@code client} to {@code server} at {@code address}, {@code toClient} back. */
    private static void transfer(Simulation sim, Stack client, Stack server, int address, long toServer, long toClient)
            throws Exception {
        TransferService s = TransferService.server(server.sockets(), toClient, toServer);
        TransferService k = TransferService.client(client.sockets(), address, toServer, toClient);
        server.sockets().addService(s);
        client.sockets().addService(k);
        assertTrue(sim.runUntil(() -> k.isDone() && s.isDone(), 600 * SECOND),
                "not done: client got " + k.received() + ", server got " + s.received() + "; " + server.tcp().events());
        assertTrue(k.problems().isEmpty() && s.problems().isEmpty(), k.problems() + " " + s.problems());
    }

    /** Counts the TCP data segments an end sends with the checksum field left 0, and those summed. */
    private static final class UnsummedData extends ForwardingAdapter {
        long unsummed;
        long summed;

        UnsummedData(LanAdapter inner) {
            super(inner);
        }

        @Override
        public boolean transmit(byte[] frame, int off, int len) {
            int ihl = (frame[off] & 0x0F) * 4;
            int tcp = off + ihl;
            if ((frame[off + 9] & 0xFF) == 6 && len - ihl > ((frame[tcp + 12] >> 4) & 0x0F) * 4) {
                if (Bytes.u16(frame, tcp + 16) == 0) {
                    unsummed++;
                } else {
                    summed++;
                }
            }
            return inner.transmit(frame, off, len);
        }
    }
}
