package io.slipway.tcp;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.Clock;
import io.slipway.base.ManualClock;
import io.slipway.hal.loopback.LoopbackCable;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.socket.SocketException;
import io.slipway.socket.SocketType;
import io.slipway.socket.Sockets;
import io.slipway.stack.InterfaceConfig;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;

/**
 * Two stacks on a loopback cable in virtual time, one TCP connection from sender to receiver,
 * driven on the test's own thread through non-blocking sockets: for tests that measure what a
 * steady bulk transfer allocates, where the test thread is the stack thread.
 */
final class TwoStackBulk {
    static final int A = Ipv4Address.parse("10.0.0.1");
    static final int B = Ipv4Address.parse("10.0.0.2");
    private static final int PORT = 5001;

    final ManualClock clock;
    final LoopbackCable cable;
    final Stack sender = new Stack("sender", StackConfig.DEFAULT, 1);
    final Stack receiver = new Stack("receiver", StackConfig.DEFAULT, 2);
    private final Sockets out = sender.sockets();
    private final Sockets in = receiver.sockets();
    private final byte[] writeBuffer = new byte[8 * 1024];
    private final byte[] readBuffer = new byte[8 * 1024];
    private int client;
    private int server;
    private long sent;
    private long received;

    /** On {@code cable}, whose clock is {@code clock}. */
    TwoStackBulk(ManualClock clock, LoopbackCable cable) {
        this.clock = clock;
        this.cable = cable;
        sender.addInterface(cable.a(), InterfaceConfig.pointToPoint(new Ipv4Prefix(A, 32), B));
        receiver.addInterface(cable.b(), InterfaceConfig.pointToPoint(new Ipv4Prefix(B, 32), A));
        for (int i = 0; i < writeBuffer.length; i++) {
            writeBuffer[i] = (byte) (i * 31);
        }
    }

    long sent() {
        return sent;
    }

    long received() {
        return received;
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
        for (int i = 0; i < 1000 && server == Sockets.WOULD_BLOCK; i++) {
            step(false);
            server = in.accept(listener, null);
        }
        assertTrue(server >= 0, "accepted");
        in.setBlocking(server, false);
        for (int i = 0; i < 1000 && !out.isConnected(client); i++) {
            step(false);
        }
        assertTrue(out.isConnected(client));
    }

    /** Moves {@code bytes} from sender to receiver, polling both and advancing time when they wait. */
    void transfer(long bytes) throws SocketException {
        long target = received + bytes;
        long toSend = sent + bytes;
        int idle = 0;
        while (received < target) {
            boolean progress = false;
            if (sent < toSend) {
                int n = out.send(client, writeBuffer, 0, (int) Math.min(writeBuffer.length, toSend - sent));
                if (n > 0) {
                    sent += n;
                    progress = true;
                }
            }
            int r = in.recv(server, readBuffer, 0, readBuffer.length);
            if (r > 0) {
                received += r;
                progress = true;
            }
            if (!step(progress) && ++idle > 3) {
                throw new AssertionError("the transfer stalled: sent " + sent + ", received " + received + "; "
                        + sender.tcp().connections() + " " + receiver.tcp().connections());
            }
            if (progress) {
                idle = 0;
            }
        }
    }

    /** Polls both stacks; moves the clock to their next deadline when nobody made progress. False: all idle. */
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
