package io.slipway.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.ManualClock;
import io.slipway.hal.Medium;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.loopback.Impairments;
import io.slipway.hal.loopback.LoopbackCable;
import io.slipway.hal.mock.MockAdapter;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.stack.InterfaceConfig;
import io.slipway.stack.Simulation;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A SYN flood (RFC 4987): 10 000 SYNs from forged addresses reach the server on a second link,
 * 1 000 a second; nine seconds in, a real client on the serial line connects and exchanges 100 kB.
 * The forged SYNs fill the half-open queue at once and never complete; with SYN cookies the
 * client still gets in — its handshake completes through a cookie — and the server keeps no
 * more than its half-open queue for the flood. In virtual time: exact and repeatable.
 */
class TcpSynFloodSimulationTest {
    private static final long MS = 1_000_000L;
    private static final int FLOOD = 10_000;
    /** The server's listener takes one connection and then closes: the flood's tail meets a closed port. */
    private static final int CLIENT_TICK = 900;

    @Test
    void shouldLetARealClientConnectAndTransferDuringAFloodOfForgedSyns() throws Exception {
        ManualClock clock = new ManualClock();
        LoopbackCable cable = LoopbackCable.builder(clock).name("line").framing(Framing.SLIP).mtu(1006)
                .impairments(Impairments.builder().baud(115_200).build()).build();
        MockAdapter attackers = new MockAdapter("flood0", Medium.IP, 1500, clock);
        StackConfig config = StackConfig.DEFAULT;
        Stack client = new Stack("client", config, 1);
        Stack server = new Stack("server", config, 2);
        client.addInterface(cable.a(), InterfaceConfig.pointToPoint(Ipv4Prefix.parse("10.0.0.1/24", 24),
                Ipv4Address.parse("10.0.0.2")));
        server.addInterface(cable.b(), InterfaceConfig.pointToPoint(Ipv4Prefix.parse("10.0.0.2/24", 24),
                Ipv4Address.parse("10.0.0.1")));
        server.addInterface(attackers, InterfaceConfig.pointToPoint(Ipv4Prefix.parse("10.9.0.1/16", 16),
                Ipv4Address.parse("10.9.0.2")));
        Simulation sim = new Simulation(clock).add(client).add(server);
        TransferService service = TransferService.server(server.sockets(), 50_000, 50_000);
        server.sockets().addService(service);

        SplittableRandom r = new SplittableRandom(4987);
        int sent = 0;
        int maxConnections = 0;
        TransferService user = null;
        for (int tick = 0; sent < FLOOD || user == null || !user.isDone() || !service.isDone(); tick++) {
            for (int i = 0; i < 10 && sent < FLOOD; i++, sent++) {
                String forged = "10.9." + r.nextInt(1, 255) + "." + r.nextInt(1, 255);
                attackers.script(TcpScript.tcpPacket(forged, "10.0.0.2", r.nextInt(1024, 65536), TransferService.PORT,
                        r.nextInt(), 0, TcpHeader.SYN, 8192, 1460, new byte[0], false, sent));
            }
            if (tick == CLIENT_TICK) { // nine seconds in: 9 000 SYNs, the half-open queue long full
                user = TransferService.client(client.sockets(), Ipv4Address.parse("10.0.0.2"), 50_000, 50_000);
                client.sockets().addService(user);
            }
            sim.runFor(10 * MS);
            attackers.takeTransmitted(); // the SYN-ACKs to the forged addresses go nowhere
            maxConnections = Math.max(maxConnections, server.tcp().connectionCount());
            assertTrue(tick < 100_000, "the client did not finish within 1000 s");
        }

        assertTrue(user.problems().isEmpty() && service.problems().isEmpty(), user.problems() + " "
                + service.problems());
        assertEquals(50_000, user.received());
        assertEquals(50_000, service.received());
        var events = server.tcp().events();
        assertTrue(events.get(TcpEvent.SYN_COOKIES_SENT) >= CLIENT_TICK * 10 - TcpConfig.DEFAULT.synQueueLength(),
                "every forged SYN beyond the half-open queue got a cookie while the port listened: " + events);
        assertEquals(1, events.get(TcpEvent.SYN_COOKIES_ACCEPTED), "the client came in by its cookie: " + events);
        // The flood's half-open connections, the client's, and its TIME-WAIT-free end: no more.
        assertTrue(maxConnections <= TcpConfig.DEFAULT.synQueueLength() + 2, "connections held: " + maxConnections);
    }
}
