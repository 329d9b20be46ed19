package io.slipway.stack;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.Clock;
import io.slipway.base.Counters;
import io.slipway.base.ManualClock;
import io.slipway.driver.SlipDriver;
import io.slipway.driver.cslip.CslipEvent;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.loopback.Impairments;
import io.slipway.hal.loopback.LoopbackCable;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.socket.SocketException;
import io.slipway.socket.SocketType;
import io.slipway.socket.Sockets;

/**
 * Two stacks on a loopback cable in virtual time, SLIP or CSLIP at both ends, moving a patterned
 * byte stream from a to b over one TCP connection with non-blocking sockets, checking every byte
 * as it arrives. The test thread is both stacks' thread.
 */
final class CslipPair {
    static final int A = Ipv4Address.parse("10.0.0.1");
    static final int B = Ipv4Address.parse("10.0.0.2");
    private static final int PORT = 5001;
    private static final long HOUR = 3_600_000_000_000L;

    final ManualClock clock = new ManualClock();
    final LoopbackCable cable;
    final Stack sender;
    final Stack receiver;
    private final Sockets out;
    private final Sockets in;
    private final byte[] writeBuffer = new byte[8 * 1024];
    private final byte[] readBuffer = new byte[8 * 1024];
    private int client;
    private int server;
    long sent;
    long received;

    CslipPair(Framing framing, Impairments line, long seed) {
        cable = LoopbackCable.builder(clock).framing(framing).mtu(1006).impairments(line).seed(seed).build();
        sender = new Stack("a", StackConfig.DEFAULT, seed * 2 + 1);
        receiver = new Stack("b", StackConfig.DEFAULT, seed * 2 + 2);
        boolean compress = framing.compressesHeaders();
        sender.addInterface(cable.a(), InterfaceConfig.pointToPoint(new Ipv4Prefix(A, 32), B)
                .withHeaderCompression(compress));
        receiver.addInterface(cable.b(), InterfaceConfig.pointToPoint(new Ipv4Prefix(B, 32), A)
                .withHeaderCompression(compress));
        out = sender.sockets();
        in = receiver.sockets();
    }

    /** What a stack's (only) SLIP driver counted of header compression. */
    static Counters<CslipEvent> cslip(Stack stack) {
        return ((SlipDriver) stack.ip().interfaceAt(0).link()).headerCompressionEvents();
    }

    void connect() throws SocketException {
        int listener = in.socket(SocketType.STREAM);
        in.setBlocking(listener, false);
        in.bind(listener, 0, PORT);
        in.listen(listener, 4);
        client = out.socket(SocketType.STREAM);
        out.setBlocking(client, false);
        out.connect(client, B, PORT);
        server = Sockets.WOULD_BLOCK;
        long deadline = clock.nanos() + HOUR;
        while ((server == Sockets.WOULD_BLOCK || !out.isConnected(client)) && clock.nanos() < deadline) {
            step(false);
            if (server == Sockets.WOULD_BLOCK) {
                server = in.accept(listener, null);
            }
        }
        assertTrue(server >= 0 && out.isConnected(client), "connected");
        in.setBlocking(server, false);
    }

    /** Moves {@code bytes} more from a to b; fails on a byte out of order or a stall. */
    void transfer(long bytes) throws SocketException {
        long target = received + bytes;
        long deadline = clock.nanos() + HOUR;
        while (received < target) {
            boolean progress = false;
            if (sent < target) {
                int len = (int) Math.min(writeBuffer.length, target - sent);
                for (int i = 0; i < len; i++) {
                    writeBuffer[i] = pattern(sent + i);
                }
                int n = out.send(client, writeBuffer, 0, len);
                if (n > 0) {
                    sent += n;
                    progress = true;
                }
            }
            int r = in.recv(server, readBuffer, 0, readBuffer.length);
            for (int i = 0; i < r; i++) {
                if (readBuffer[i] != pattern(received + i)) {
                    throw new AssertionError("byte " + (received + i) + " wrong");
                }
            }
            if (r > 0) {
                received += r;
                progress = true;
            }
            if (!step(progress) || clock.nanos() > deadline) {
                throw new AssertionError("the transfer stalled: sent " + sent + ", received " + received);
            }
        }
    }

    private static byte pattern(long at) {
        return (byte) (at * 31 + (at >>> 8));
    }

    /** Polls both; moves the clock to the next deadline when nobody made progress. False: all idle. */
    private boolean step(boolean progress) {
        long now = clock.nanos();
        sender.poll(now);
        receiver.poll(now);
        long next = Math.min(sender.nextDeadline(), receiver.nextDeadline());
        if (next > now && !progress) {
            if (next == Clock.NEVER) {
                return false;
            }
            clock.set(next);
        }
        return true;
    }
}
