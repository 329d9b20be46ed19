package io.slipway.tcp;

import static io.slipway.tcp.TcpScript.ACK;
import static io.slipway.tcp.TcpScript.OUR_MSS;
import static io.slipway.tcp.TcpScript.RST;
import static io.slipway.tcp.TcpScript.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Low-delay marking with the driver's two lanes: no segment of a connection may leave
 * before an earlier one of the same connection. Segments that take no sequence space still carry
 * a sequence number — SND.MAX for an ACK, SND.NXT for a reset — that only makes sense to the
 * peer once the data before it has arrived.
 */
class TcpLowDelayOrderTest {
    private final TcpScript s = new TcpScript(new TcpScript.Config().build());

    /**
     * The peer's window is 2·MSS and we fill it; while both segments wait in the driver's bulk
     * lane, the ACK we owe for the peer's data is marked low delay and leaves first. Its sequence
     * number, SND.MAX, is then RCV.NXT + RCV.WND at the peer: by the letter of RFC 9293
     * §3.10.7.4's acceptance test the peer drops it and answers with an ACK of its own (a
     * duplicate ACK for our fast retransmit count). BSD, Linux and slipway accept an empty segment
     * at the right edge, but a stack that follows the letter does not: the ACK must follow its
     * connection's data.
     */
    @Test
    void shouldNotLetAPureAckOvertakeTheDataOfItsConnection() throws Exception {
        s.establish(2 * OUR_MSS, 1460);
        int snd = s.iss + 1;
        int rcv = s.irs + 1;

        s.line.setTransmitQueueFull(true); // a slow line: frames wait in the driver's backlog
        s.send(bytes(0, 2 * OUR_MSS));
        s.in(ACK, rcv, snd, 2 * OUR_MSS, bytes(0, 100));
        s.in(ACK, rcv + 100, snd, 2 * OUR_MSS, bytes(100, 100)); // the second segment: ACK at once
        s.line.setTransmitQueueFull(false);
        s.poll();

        List<TcpScript.Out> wire = s.takeAll();
        assertEquals(3, wire.size(), wire.toString());
        TcpScript.Out ack = wire.stream().filter(o -> o.len() == 0).findFirst().orElseThrow();
        assertEquals(snd + 2 * OUR_MSS, ack.seq());
        assertEquals(snd, wire.get(0).seq(), "the data must leave first, in sequence order: " + wire);
        assertEquals(snd + OUR_MSS, wire.get(1).seq(), "in sequence order: " + wire);
    }

    /**
     * An abort while data waits in the bulk lane: the reset (SEQ = SND.NXT) leaves first. At the
     * peer RCV.NXT is still before it, so by RFC 5961 §3.2 it is not exact and earns a challenge
     * ACK instead of resetting; then the data arrives after the reset.
     */
    @Test
    void shouldNotLetAResetOvertakeTheDataOfItsConnection() throws Exception {
        s.establish(65535, 1460);
        int snd = s.iss + 1;

        s.line.setTransmitQueueFull(true);
        s.send(bytes(0, 2 * OUR_MSS));
        s.host.tcp().abort(s.connection(), s.clock.nanos());
        s.line.setTransmitQueueFull(false);
        s.poll();

        List<TcpScript.Out> wire = s.takeAll();
        assertEquals(3, wire.size(), wire.toString());
        assertTrue(wire.get(2).has(RST), "the reset must come after the data it follows: " + wire);
        assertEquals(snd, wire.get(0).seq());
    }
}
