package io.slipway.app.inet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.ManualClock;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.loopback.Impairments;
import io.slipway.hal.loopback.LoopbackCable;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.socket.PeerAddress;
import io.slipway.socket.Service;
import io.slipway.socket.Shutdown;
import io.slipway.socket.SocketException;
import io.slipway.socket.SocketType;
import io.slipway.socket.Sockets;
import io.slipway.stack.InterfaceConfig;
import io.slipway.stack.Simulation;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The echo and discard services (RFC 862, 863) answering a client on another stack, in virtual
 * time over a paced SLIP line: TCP echo returns every byte in order, even while the client is
 * still sending (the service's buffer and TCP's flow control keep it bounded); TCP discard takes
 * everything and closes cleanly; UDP echo returns a datagram.
 */
class EchoSimulationTest {
    private static final long SECOND = 1_000_000_000L;

    private final ManualClock clock = new ManualClock();
    private final LoopbackCable cable = LoopbackCable.builder(clock).name("echo").framing(Framing.SLIP).mtu(1006)
            .impairments(Impairments.builder().baud(115_200).build()).build();
    private final Stack client = new Stack("client", StackConfig.DEFAULT, 1);
    private final Stack server = new Stack("server", StackConfig.DEFAULT, 2);
    private final Simulation sim = new Simulation(clock).add(client).add(server);
    private final int serverAddress = Ipv4Address.parse("10.0.0.2");

    EchoSimulationTest() {
        client.addInterface(cable.a(), InterfaceConfig.pointToPoint(Ipv4Prefix.parse("10.0.0.1/24", 24), serverAddress));
        server.addInterface(cable.b(), InterfaceConfig.pointToPoint(Ipv4Prefix.parse("10.0.0.2/24", 24),
                Ipv4Address.parse("10.0.0.1")));
    }

    /** Sends {@code data}, half-closes, and reads what comes back until the end of stream. */
    private static final class StreamClient implements Service {
        private final Sockets sockets;
        private final byte[] data;
        private final ByteArrayOutputStream got = new ByteArrayOutputStream();
        private final byte[] buffer = new byte[2048];
        private final int fd;
        private int sent;
        private boolean shut;
        boolean done;

        StreamClient(Sockets sockets, int server, int port, byte[] data) throws SocketException {
            this.sockets = sockets;
            this.data = data;
            this.fd = sockets.socket(SocketType.STREAM);
            sockets.setBlocking(fd, false);
            sockets.connect(fd, server, port);
        }

        @Override
        public void poll(long nowNanos) {
            try {
                if (done || !sockets.isConnected(fd)) {
                    return;
                }
                while (sent < data.length) {
                    int n = sockets.send(fd, data, sent, Math.min(1000, data.length - sent));
                    if (n == Sockets.WOULD_BLOCK) {
                        break;
                    }
                    sent += n;
                }
                if (sent == data.length && !shut) {
                    sockets.shutdown(fd, Shutdown.WRITE);
                    shut = true;
                }
                for (int n; (n = sockets.recv(fd, buffer, 0, buffer.length)) != Sockets.WOULD_BLOCK; ) {
                    if (n == 0) {
                        sockets.close(fd);
                        done = true;
                        return;
                    }
                    got.write(buffer, 0, n);
                }
            } catch (SocketException e) {
                throw new AssertionError(e);
            }
        }
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new SplittableRandom(n).nextBytes(b);
        return b;
    }

    @Test
    void shouldEchoEveryByteInOrderWhileTheClientIsStillSending() throws Exception {
        TcpEcho echo = new TcpEcho(server.sockets(), TcpEcho.PORT);
        byte[] data = random(100_000);
        StreamClient c = new StreamClient(client.sockets(), serverAddress, TcpEcho.PORT, data);
        client.sockets().addService(c);

        assertTrue(sim.runUntil(() -> c.done, 600 * SECOND), "echoed " + c.got.size() + " of " + data.length
                + "\n client " + client.tcp().events() + " " + client.tcp().connections()
                + "\n server " + server.tcp().events() + " " + server.tcp().connections());
        assertArrayEquals(data, c.got.toByteArray());
        sim.runFor(120 * SECOND);
        assertEquals(1, echo.served());
        assertEquals(0, echo.failed());
    }

    @Test
    void shouldDiscardEverythingAndCloseCleanly() throws Exception {
        TcpDiscard discard = new TcpDiscard(server.sockets(), TcpDiscard.PORT);
        StreamClient c = new StreamClient(client.sockets(), serverAddress, TcpDiscard.PORT, random(20_000));
        client.sockets().addService(c);

        assertTrue(sim.runUntil(() -> c.done, 600 * SECOND));
        assertEquals(0, c.got.size());
        assertEquals(20_000, discard.discarded());
    }

    @Test
    void shouldEchoADatagram() throws Exception {
        new UdpEcho(server.sockets(), 7, true);
        Sockets s = client.sockets();
        int fd = s.socket(SocketType.DATAGRAM);
        s.setBlocking(fd, false);
        byte[] hello = "hello, echo".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        s.sendto(fd, hello, 0, hello.length, serverAddress, 7);
        byte[] back = new byte[64];
        PeerAddress from = new PeerAddress();
        int[] n = {Sockets.WOULD_BLOCK};
        sim.runUntil(() -> {
            try {
                n[0] = s.recvfrom(fd, back, 0, back.length, from);
            } catch (SocketException e) {
                throw new AssertionError(e);
            }
            return n[0] != Sockets.WOULD_BLOCK;
        }, 10 * SECOND);
        assertEquals(hello.length, n[0]);
        assertEquals(7, from.port());
    }
}
