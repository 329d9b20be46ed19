package io.slipway.tcp;

import static io.slipway.tcp.TcpScript.ACK;
import static io.slipway.tcp.TcpScript.RST;
import static io.slipway.tcp.TcpScript.SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.socket.Sockets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SYN-RECEIVED after a passive open (RFC 9293 §3.10.7.4, first and fifth checks). */
class TcpSynReceivedStateTest {
    private final TcpScript s = new TcpScript();

    @BeforeEach
    void synArrives() throws Exception {
        s.listen(80, 4);
        s.synToListener(8192, 1460);
        s.expectNothing();
    }

    @Test
    void shouldAnswerARetransmittedSynWithTheSynAckAgain() {
        s.advanceTo(300);
        s.seg(SYN, s.irs, 0).window(8192).mss(1460).send();

        TcpScript.Out synAck = s.expect(SYN | ACK, s.iss, s.irs + 1, 0);
        assertEquals(TcpScript.OUR_MSS, synAck.mss());
        s.expectNothing();
        assertEquals(TcpState.SYN_RECEIVED, s.state());
    }

    @Test
    void shouldRetransmitTheSynAckWhenItsTimerExpires() {
        TcpScript.Out again = s.awaitSegment(5000);

        assertEquals(SYN | ACK, again.flags());
        assertEquals(s.iss, again.seq());
        assertEquals(1000, again.atMs(), "RFC 6298 §2.1: the initial RTO, 1 s");
        assertEquals(3000, s.awaitSegment(5000).atMs(), "then doubled");
    }

    @Test
    void shouldCompleteTheHandshakeOnTheAckAndBeAccepted() throws Exception {
        assertEquals(Sockets.WOULD_BLOCK, s.sockets.accept(s.listenFd, null), "not before the ACK");

        s.in(ACK, s.irs + 1, s.iss + 1, 8192);

        s.expectNothing();
        assertEquals(TcpState.ESTABLISHED, s.state());
        int fd = s.sockets.accept(s.listenFd, null);
        assertTrue(fd >= 0);
        assertEquals(TcpScript.DEFAULT_PEER_PORT, s.sockets.remoteAddress(fd).port());
        s.advanceTo(10_000);
        s.expectNothing(); // the SYN-ACK's timer was stopped
    }

    @Test
    void shouldDeliverDataCarriedOnTheHandshakesAck() throws Exception {
        s.in(ACK | TcpScript.PSH, s.irs + 1, s.iss + 1, 8192, TcpScript.bytes(30));

        assertEquals(TcpState.ESTABLISHED, s.state());
        s.fd = s.sockets.accept(s.listenFd, null);
        s.sockets.setBlocking(s.fd, false);
        org.junit.jupiter.api.Assertions.assertArrayEquals(TcpScript.bytes(30), s.recvAll());
        assertEquals(s.irs + 31, s.awaitSegment(1000).ack());
    }

    @Test
    void shouldGiveUpTheHalfOpenConnectionAfterTheSynAckRetriesAndFreeItsPlaceInTheSynQueue() throws Exception {
        TcpScript.Config c = new TcpScript.Config();
        c.synRetries = 2;
        c.synQueue = 1;
        TcpScript t = new TcpScript(c.build());
        t.listen(80, 4);
        t.synToListener(8192, 1460);
        t.peerPort = 40001;
        t.in(SYN, t.irs, 0, 8192);
        // The SYN queue (1) is full: a cookie SYN-ACK (RFC 4987), with nothing kept to repeat it.
        TcpListenStateTest.assertCookieSynAck(t);
        assertEquals(1, t.count(TcpEvent.SYN_COOKIES_SENT));

        t.advanceTo(7000); // the first one's SYN-ACKs again at 1 s and 3 s, given up at 7 s
        assertEquals(2, t.takeAll().size());
        assertEquals(0, t.host.tcp().connectionCount());

        t.synToListener(8192, 1460);
        assertEquals(TcpState.SYN_RECEIVED, t.state());
    }

    @Test
    void shouldResetConnectionsNotYetAcceptedWhenTheListenerCloses() throws Exception {
        // RFC 9293 §3.10.4: CLOSE of a listener; queued and half-open connections are reset.
        s.in(ACK, s.irs + 1, s.iss + 1, 8192);
        s.expectNothing();

        s.sockets.close(s.listenFd);
        s.poll();

        TcpScript.Out rst = s.next();
        assertEquals(RST, rst.flags() & RST, "a reset: " + rst);
        assertEquals(s.iss + 1, rst.seq());
        s.expectNothing();
        assertEquals(0, s.host.tcp().connectionCount());
    }

    @Test
    void shouldAnswerAnAckOfNothingWithAReset() {
        // "If SND.UNA < SEG.ACK =< SND.NXT, then enter ESTABLISHED ... If the segment acknowledgment
        // is not acceptable, form a reset segment <SEQ=SEG.ACK><CTL=RST> and send it."
        s.in(ACK, s.irs + 1, s.iss, 8192);

        s.expect(RST, s.iss, 0, 0);
        s.expectNothing();
        assertEquals(TcpState.SYN_RECEIVED, s.state());
    }

    @Test
    void shouldNotStaySilentOnAnAckBeyondWhatWasSent() {
        // SEG.ACK = ISS + 2 > SND.NXT. RFC 9293 SYN-RECEIVED: a reset <SEQ=SEG.ACK><CTL=RST> (what
        // Linux sends); with RFC 5961 §5.2's check first: "discarded and an ACK sent back". Either
        // answer tells a confused peer; silence leaves it hanging.
        s.in(ACK, s.irs + 1, s.iss + 2, 8192);

        TcpScript.Out answer = s.next();
        assertTrue(answer.flags() == RST && answer.seq() == s.iss + 2
                || answer.flags() == (SYN | ACK) || answer.flags() == ACK, "RST or ACK expected: " + answer);
        assertEquals(TcpState.SYN_RECEIVED, s.state());
    }

    @Test
    void shouldAnswerASegmentOutsideTheWindowWithAnAck() {
        // RFC 9293 §3.10.7.4, first check, for SYN-RECEIVED too: "If an incoming segment is not
        // acceptable, an acknowledgment should be sent in reply (unless the RST bit is set)".
        s.in(ACK | TcpScript.PSH, s.irs + 100_000, s.iss + 1, 8192, TcpScript.bytes(10));

        s.expectAck(s.iss + 1, s.irs + 1);
        assertEquals(TcpState.SYN_RECEIVED, s.state());
    }

    @Test
    void shouldForgetTheHalfOpenConnectionOnAResetAndKeepListening() throws Exception {
        s.in(RST, s.irs + 1, 0, 0);

        s.expectNothing();
        assertEquals(0, s.host.tcp().connectionCount());
        assertEquals(Sockets.WOULD_BLOCK, s.sockets.accept(s.listenFd, null));
        s.advanceTo(5000);
        s.expectNothing(); // no SYN-ACK retransmitted for it

        // the listener is still there: a new SYN is answered
        s.peerPort = 40001;
        s.synToListener(8192, 1460);
        assertEquals(TcpState.SYN_RECEIVED, s.state());
    }

    @Test
    void shouldChallengeAResetInTheWindowButNotAtRcvNxt() {
        // RFC 5961 §3.2 holds in every synchronized state.
        s.in(RST, s.irs + 100, 0, 0);

        s.expectAck(s.iss + 1, s.irs + 1);
        assertEquals(TcpState.SYN_RECEIVED, s.state());
    }
}
