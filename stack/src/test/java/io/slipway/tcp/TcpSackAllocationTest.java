package io.slipway.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.Clock;
import io.slipway.base.ManualClock;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.loopback.CableDirection;
import io.slipway.hal.loopback.Impairments;
import io.slipway.hal.loopback.LoopbackCable;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.socket.SocketException;
import io.slipway.socket.SocketType;
import io.slipway.socket.Sockets;
import io.slipway.stack.InterfaceConfig;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import io.slipway.testing.SteadyState;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md, Memory: after warm-up a steady bulk transfer allocates 0 bytes per segment on the
 * stack thread — here the test thread, which polls both stacks (sender and receiver, on an
 * unpaced SLIP loopback cable in virtual time) and calls their non-blocking sockets.
 */
class TcpSackAllocationTest {
    /** Full segments per measured round. */
    private static final int SEGMENTS = 2_000;
    private static final int MSS = 1006 - 40;
    private static final int A = Ipv4Address.parse("10.0.0.1");
    private static final int B = Ipv4Address.parse("10.0.0.2");
    private static final int PORT = 5001;

    private final ManualClock clock = new ManualClock();
    /** 2 % of the data segments lost: the sender recovers by SACK (RFC 6675) again and again. */
    private final LoopbackCable cable = LoopbackCable.builder(clock).framing(Framing.SLIP).mtu(1006).seed(11)
            .impairments(CableDirection.A_TO_B, Impairments.builder().loss(0.02).build()).build();
    private final Stack sender = new Stack("sender", StackConfig.DEFAULT, 1);
    private final Stack receiver = new Stack("receiver", StackConfig.DEFAULT, 2);
    private final Sockets out = sender.sockets();
    private final Sockets in = receiver.sockets();
    private final byte[] writeBuffer = new byte[8 * 1024];
    private final byte[] readBuffer = new byte[8 * 1024];
    private int client;
    private int server;
    private long sent;
    private long received;

    TcpSackAllocationTest() {
        sender.addInterface(cable.a(), InterfaceConfig.pointToPoint(new Ipv4Prefix(A, 32), B));
        receiver.addInterface(cable.b(), InterfaceConfig.pointToPoint(new Ipv4Prefix(B, 32), A));
        for (int i = 0; i < writeBuffer.length; i++) {
            writeBuffer[i] = (byte) (i * 31);
        }
    }

    /**
     * DESIGN.md, Memory, for the SACK sender: a bulk transfer through 2 % loss, so that the
     * scoreboard fills and RFC 6675 recovery (NextSeg, SetPipe, rescue) runs in every round,
     * allocates 0 bytes per segment once warm — sender and receiver together on this thread.
     */
    @Test
    void shouldRecoverBySackWithoutAllocating() throws Exception {
        connect();
        assertTrue(sender.tcp().connections().iterator().next().sackOk, "SACK agreed");
        long recoveriesBefore = sender.tcp().events().get(TcpEvent.SACK_RECOVERIES);

        SteadyState.assertAllocatesNothingChecked("a lossy bulk TCP transfer with SACK (bytes per " + SEGMENTS
                + " segments)", SEGMENTS, () -> transfer((long) SEGMENTS * MSS));

        long recoveries = sender.tcp().events().get(TcpEvent.SACK_RECOVERIES) - recoveriesBefore;
        assertTrue(recoveries > 10, "SACK recoveries while measured: " + recoveries);
        assertEquals(sent, received);
    }

    private void connect() throws SocketException {
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
    private void transfer(long bytes) throws SocketException {
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
