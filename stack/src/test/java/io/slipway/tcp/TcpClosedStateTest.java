package io.slipway.tcp;

import static io.slipway.tcp.TcpScript.ACK;
import static io.slipway.tcp.TcpScript.FIN;
import static io.slipway.tcp.TcpScript.PSH;
import static io.slipway.tcp.TcpScript.RST;
import static io.slipway.tcp.TcpScript.SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * CLOSED — no connection and no listener (RFC 9293 §3.10.7.1): "all data in the incoming segment
 * is discarded. An incoming segment containing a RST is discarded. An incoming segment not
 * containing a RST causes a RST to be sent in response", numbered so that the sender accepts it.
 */
class TcpClosedStateTest {
    private final TcpScript s = new TcpScript();

    TcpClosedStateTest() {
        s.localPort = 9999; // nobody listens there
    }

    @Test
    void shouldAnswerASegmentWithAckWithAResetAtItsAcknowledgmentNumber() {
        // "If the ACK bit is on, <SEQ=SEG.ACK><CTL=RST>"
        s.in(ACK | PSH, 1000, 0x7000_0000, 8192, TcpScript.text("hello"));

        TcpScript.Out rst = s.expect(RST, 0x7000_0000, 0, 0);
        assertEquals(0, rst.flags() & ACK, "no ACK bit on this reset");
        s.expectNothing();
        assertEquals(1, s.count(TcpEvent.DROP_NO_CONNECTION));
    }

    @Test
    void shouldAnswerASynWithAResetAcknowledgingIt() {
        // "If the ACK bit is off, sequence number zero is used, <SEQ=0><ACK=SEG.SEQ+SEG.LEN><CTL=RST,ACK>"
        s.in(SYN, 0x1234_5678, 0, 8192);

        s.expect(RST | ACK, 0, 0x1234_5679, 0);
        s.expectNothing();
    }

    @Test
    void shouldCountDataSynAndFinInTheResetsAcknowledgment() {
        // SEG.LEN counts the data and each of SYN and FIN (RFC 9293 §3.4).
        s.in(SYN | FIN, 100, 0, 8192, TcpScript.bytes(10));

        s.expect(RST | ACK, 0, 112, 0);
        s.expectNothing();
    }

    @Test
    void shouldWrapTheResetsAcknowledgmentModulo2To32() {
        s.in(SYN, 0xFFFF_FFFF, 0, 8192);

        s.expect(RST | ACK, 0, 0, 0);
    }

    @Test
    void shouldNotAnswerAReset() {
        s.in(RST, 1000, 0, 0);
        s.in(RST | ACK, 1000, 5000, 0);

        s.expectNothing();
    }

    @Test
    void shouldDropASegmentWithABadChecksumWithoutAnswer() {
        s.seg(SYN, 1000, 0).corrupt().send();

        s.expectNothing();
        assertEquals(1, s.count(TcpEvent.DROP_BAD_CHECKSUM));
    }
}
