package io.slipway.tcp;

import static io.slipway.tcp.TcpScript.ACK;
import static io.slipway.tcp.TcpScript.RST;
import static io.slipway.tcp.TcpScript.SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.socket.ConnectionRefusedException;
import io.slipway.socket.TimedOutException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** SYN-SENT, after a non-blocking connect (RFC 9293 §3.10.7.3, RFC 5961 §3.2, RFC 6298 §5.7). */
class TcpSynSentStateTest {

    @Test
    void shouldSendASynWithTheMssOptionAndNoAck() throws Exception {
        TcpScript s = new TcpScript();

        TcpScript.Out syn = s.connect(80);

        assertEquals(SYN, syn.flags());
        assertEquals(TcpScript.OUR_MSS, syn.mss(), "RFC 9293 §3.7.1: MSS = MTU 1006 - 40");
        assertEquals(0, syn.len());
        assertTrue(syn.window() > 0, "a window for the peer's data");
        s.expectNothing();
        assertEquals(TcpState.SYN_SENT, s.state());
        assertFalse(s.sockets.isConnected(s.fd));
    }

    @Test
    void shouldRetransmitTheSynWithTheRtoDoublingThenTimeOut() throws Exception {
        // RFC 6298 §2.1 initial RTO 1 s, §5.5 doubled on each expiry; 3 retries then "timed out".
        TcpScript.Config c = new TcpScript.Config();
        c.synRetries = 3;
        TcpScript s = new TcpScript(c.build());
        s.connect(80);

        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TcpScript.Out syn = s.awaitSegment(60_000);
            assertEquals(SYN, syn.flags());
            assertEquals(s.iss, syn.seq(), "the same ISN each time");
            times.add(syn.atMs());
        }
        assertEquals(List.of(1000L, 3000L, 7000L), times);

        s.advanceTo(14_999);
        assertEquals(TcpState.SYN_SENT, s.state());
        s.advanceTo(15_000);
        s.expectNothing();
        assertEquals(TcpState.CLOSED, s.state());
        assertEquals(TcpError.TIMED_OUT, lastError(s));
        assertThrows(TimedOutException.class, () -> s.sockets.awaitConnected(s.fd, 1));
        assertThrows(TimedOutException.class, () -> s.recv(10));
    }

    @Test
    void shouldKeepTryingTheSynForAtLeastThreeMinutesByDefault() throws Exception {
        // RFC 1122 §4.2.3.5: "R2 for a SYN segment MUST be set large enough to provide
        // retransmission of the segment for at least 3 minutes."
        TcpScript s = new TcpScript();
        s.connect(80);

        s.advanceTo(179_999);

        assertEquals(TcpState.SYN_SENT, s.state(), "gave up after " + s.takeAll().size() + " retransmissions");
    }

    @Test
    void shouldCapTheSynBackoffAtTheMaximumRto() throws Exception {
        TcpScript.Config c = new TcpScript.Config();
        c.maxRto = 3 * TcpScript.SECOND;
        c.synRetries = 4;
        TcpScript s = new TcpScript(c.build());
        s.connect(80);

        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            times.add(s.awaitSegment(60_000).atMs());
        }
        assertEquals(List.of(1000L, 3000L, 6000L, 9000L), times);
    }

    @Test
    void shouldReportRefusedOnAResetWithAnAcceptableAck() throws Exception {
        TcpScript s = new TcpScript();
        s.connect(80);

        s.in(RST | ACK, 0, s.iss + 1, 0);

        s.expectNothing();
        assertEquals(TcpState.CLOSED, s.state());
        assertThrows(ConnectionRefusedException.class, () -> s.sockets.awaitConnected(s.fd, 1));
        assertThrows(ConnectionRefusedException.class, () -> s.recv(10));
    }

    @Test
    void shouldIgnoreAResetWithAnUnacceptableAck() throws Exception {
        // RFC 9293 §3.10.7.3: "If the ACK bit is set, if SEG.ACK =< ISS or SEG.ACK > SND.NXT, send a
        // reset (unless the RST bit is set, if so drop the segment and return)".
        TcpScript s = new TcpScript();
        s.connect(80);

        s.in(RST | ACK, 0, s.iss + 2, 0);
        s.in(RST | ACK, 0, s.iss, 0);

        s.expectNothing();
        assertEquals(TcpState.SYN_SENT, s.state());
    }

    @Test
    void shouldIgnoreAResetWithoutAck() throws Exception {
        // "If the RST bit is set ... Otherwise (no ACK), drop the segment and return" (RFC 5961 §3.2)
        TcpScript s = new TcpScript();
        s.connect(80);

        s.in(RST, 0, 0, 0);

        s.expectNothing();
        assertEquals(TcpState.SYN_SENT, s.state());
    }

    @Test
    void shouldAnswerASynAckWithABadAckWithAResetAtSegAck() throws Exception {
        TcpScript s = new TcpScript();
        s.connect(80);

        s.seg(SYN | ACK, s.irs, s.iss + 5).send();
        s.expect(RST, s.iss + 5, 0, 0);
        s.seg(SYN | ACK, s.irs, s.iss).send();
        s.expect(RST, s.iss, 0, 0);

        s.expectNothing();
        assertEquals(TcpState.SYN_SENT, s.state(), "the connection waits on for a good answer");
    }

    @Test
    void shouldEnterEstablishedOnASynAckAndAcknowledgeIt() throws Exception {
        TcpScript s = new TcpScript();
        s.connect(80);

        s.seg(SYN | ACK, s.irs, s.iss + 1).window(4000).mss(1460).send();

        s.expectAck(s.iss + 1, s.irs + 1);
        s.expectNothing();
        assertEquals(TcpState.ESTABLISHED, s.state());
        assertTrue(s.sockets.isConnected(s.fd));
        assertTrue(s.sockets.awaitConnected(s.fd, 1));
    }

    @Test
    void shouldDeliverDataCarriedOnTheSynAck() throws Exception {
        // RFC 9293 §3.10.7.3: "If there are other controls or text in the segment, continue
        // processing at the sixth step": the data after the SYN is taken and acknowledged.
        TcpScript s = new TcpScript();
        s.connect(80);

        s.seg(SYN | ACK, s.irs, s.iss + 1).mss(1460).data(TcpScript.bytes(20)).send();

        TcpScript.Out ack = s.awaitSegment(1000);
        assertEquals(ACK, ack.flags());
        assertEquals(s.irs + 21, ack.ack());
        assertEquals(TcpState.ESTABLISHED, s.state());
        org.junit.jupiter.api.Assertions.assertArrayEquals(TcpScript.bytes(20), s.recvAll());
    }

    @Test
    void shouldEnterSynReceivedOnASimultaneousOpen() throws Exception {
        // RFC 9293 §3.5 figure 8: a SYN without ACK in SYN-SENT: <SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>
        TcpScript s = new TcpScript();
        s.connect(80);

        s.seg(SYN, s.irs, 0).mss(1460).send();

        TcpScript.Out synAck = s.expect(SYN | ACK, s.iss, s.irs + 1, 0);
        assertEquals(TcpScript.OUR_MSS, synAck.mss());
        s.expectNothing();
        assertEquals(TcpState.SYN_RECEIVED, s.state());
    }

    @Test
    void shouldCompleteASimultaneousOpenWhenThePeersSynAckArrives() throws Exception {
        // RFC 9293 §3.5 figure 8, line 6: in SYN-RECEIVED the peer's <SEQ=IRS><ACK=ISS+1><CTL=SYN,ACK>
        // arrives. Figure 8 shows ESTABLISHED; read strictly by §3.10.7.4 the segment (its SYN
        // before RCV.NXT) is not acceptable and gets "<SEQ=SND.NXT><ACK=RCV.NXT><CTL=ACK>". Either
        // way our ACK must go out, or two such peers wait for ever (each ignores the other's SYN-ACK).
        TcpScript s = new TcpScript();
        s.connect(80);
        s.seg(SYN, s.irs, 0).mss(1460).send();
        s.expect(SYN | ACK, s.iss, s.irs + 1, 0);

        s.seg(SYN | ACK, s.irs, s.iss + 1).mss(1460).send();

        s.expectAck(s.iss + 1, s.irs + 1);
    }

    @Test
    void shouldCompleteASimultaneousOpenOnThePeersAck() throws Exception {
        TcpScript s = new TcpScript();
        s.connect(80);
        s.seg(SYN, s.irs, 0).mss(1460).send();
        s.expect(SYN | ACK, s.iss, s.irs + 1, 0);

        s.in(ACK, s.irs + 1, s.iss + 1, 8192);

        s.expectNothing();
        assertEquals(TcpState.ESTABLISHED, s.state());
        assertTrue(s.sockets.isConnected(s.fd));
    }

    @Test
    void shouldNeverSendSegmentsLargerThanThePeersMss() throws Exception {
        TcpScript s = new TcpScript();
        s.establish(65535, 300);

        s.send(TcpScript.bytes(1200)); // the initial window: 4 segments of 300 (RFC 5681 §3.1)

        List<TcpScript.Out> out = s.takeAll();
        int total = 0;
        for (TcpScript.Out o : out) {
            assertTrue(o.len() <= 300, "segment of " + o.len() + " > peer MSS 300: " + o);
            total += o.len();
        }
        assertEquals(1200, total, "within the initial window: " + out);
    }

    @Test
    void shouldNeverSendSegmentsLargerThanOurMtuAllowsWhenThePeersMssIsLarger() throws Exception {
        TcpScript s = new TcpScript();
        s.establish(65535, 1460);

        s.send(TcpScript.bytes(3000));

        List<TcpScript.Out> out = s.takeAll();
        assertEquals(TcpScript.OUR_MSS, out.get(0).len(), "min(peer 1460, MTU - 40): " + out);
        for (TcpScript.Out o : out) {
            assertTrue(o.len() <= TcpScript.OUR_MSS, o.toString());
        }
    }

    @Test
    void shouldAssume536WhenThePeerSendsNoMss() throws Exception {
        // RFC 9293 §3.7.1 (MUST-15): without the option, SendMSS = 536.
        TcpScript s = new TcpScript();
        s.connect(80);
        s.seg(SYN | ACK, s.irs, s.iss + 1).window(65535).send();
        s.expectAck(s.iss + 1, s.irs + 1);

        s.send(TcpScript.bytes(2000));

        List<TcpScript.Out> out = s.takeAll();
        assertEquals(536, out.get(0).len(), out.toString());
        for (TcpScript.Out o : out) {
            assertTrue(o.len() <= 536, o.toString());
        }
    }

    @Test
    void shouldReinitialiseTheRtoToThreeSecondsForDataAfterASynTimedOut() throws Exception {
        // RFC 6298 §5.7: "If the timer expires awaiting the ACK of a SYN segment and the TCP
        // implementation is using an RTO less than 3 seconds, the RTO MUST be re-initialized to 3
        // seconds when data transmission begins (i.e., after the three-way handshake completes)."
        TcpScript s = new TcpScript();
        s.connect(80);
        s.awaitSegment(2000); // the SYN again at 1 s
        s.advanceTo(1100);
        s.seg(SYN | ACK, s.irs, s.iss + 1).mss(1460).send(); // ambiguous: Karn allows no sample
        s.expectAck(s.iss + 1, s.irs + 1);

        s.advanceTo(2000);
        s.send(TcpScript.bytes(100));
        s.expect(ACK, s.iss + 1, s.irs + 1, 100);

        TcpScript.Out again = s.awaitSegment(20_000);
        assertEquals(5000, again.atMs(), "retransmitted 3 s after it was sent: " + again);
    }

    private static TcpError lastError(TcpScript s) {
        for (TcpConnection c : s.host.tcp().connections()) {
            if (c.localPort() == s.localPort) {
                return c.error();
            }
        }
        return null;
    }
}
