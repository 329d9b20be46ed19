package io.slipway.tcp;

import static io.slipway.tcp.TcpScript.ACK;
import static io.slipway.tcp.TcpScript.FIN;
import static io.slipway.tcp.TcpScript.RST;
import static io.slipway.tcp.TcpScript.SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.socket.Sockets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** LISTEN (RFC 9293 §3.10.7.2), and the bounds of a listener's queues. */
class TcpListenStateTest {
    private static final int PORT = 80;

    @Test
    void shouldAnswerASynWithASynAckAcknowledgingItAndAnnouncingMtuMinus40() throws Exception {
        TcpScript s = new TcpScript();
        s.listen(PORT, 4);

        s.seg(SYN, s.irs, 0).window(8192).mss(1460).send();

        // "<SEQ=ISS><ACK=RCV.NXT><CTL=SYN,ACK>", RCV.NXT = SEG.SEQ + 1; MSS option (RFC 9293 §3.7.1)
        TcpScript.Out synAck = s.next();
        assertEquals(SYN | ACK, synAck.flags(), synAck.toString());
        assertEquals(s.irs + 1, synAck.ack(), synAck.toString());
        assertEquals(TcpScript.OUR_MSS, synAck.mss(), "MSS = MTU 1006 - 40");
        assertEquals(0, synAck.len());
        s.expectNothing();
        assertEquals(TcpState.SYN_RECEIVED, s.state());
    }

    @Test
    void shouldChooseInitialSequenceNumbersThatDifferPerConnection() throws Exception {
        // RFC 6528 §3: ISN = M + F(4-tuple, secret): different connections' ISNs are unrelated.
        TcpScript s = new TcpScript();
        s.listen(PORT, 16);
        Set<Integer> isns = new HashSet<>();
        int previous = 0;
        for (int i = 0; i < 8; i++) {
            s.peerPort = 40000 + i;
            int isn = s.synToListener(8192, 1460).seq();
            isns.add(isn);
            if (i > 0) {
                // not a counter: the next ISN is not a small step from the last one (at the same instant)
                int step = isn - previous;
                assertTrue(Math.abs((long) step) > 1_000_000, "ISNs " + previous + " then " + isn);
            }
            previous = isn;
        }
        assertEquals(8, isns.size());
    }

    @Test
    void shouldChooseDifferentInitialSequenceNumbersInRunsWithDifferentSecrets() throws Exception {
        // The same 4-tuple at the same time on two stacks with different seeds (secret keys).
        TcpScript a = new TcpScript(TcpConfig.DEFAULT, 1);
        TcpScript b = new TcpScript(TcpConfig.DEFAULT, 2);
        a.listen(PORT, 4);
        b.listen(PORT, 4);

        int isnA = a.synToListener(8192, 1460).seq();
        int isnB = b.synToListener(8192, 1460).seq();

        assertNotEquals(isnA, isnB);
    }

    @Test
    void shouldAnswerAnAckInListenWithAResetAtSegAck() throws Exception {
        TcpScript s = new TcpScript();
        s.listen(PORT, 4);

        // "any acknowledgment is bad if it arrives on a connection still in the LISTEN state":
        // <SEQ=SEG.ACK><CTL=RST>
        s.in(ACK, 5000, 0x0abc_def0, 8192);

        s.expect(RST, 0x0abc_def0, 0, 0);
        s.expectNothing();
    }

    @Test
    void shouldAnswerASynAckInListenWithAResetAtSegAck() throws Exception {
        TcpScript s = new TcpScript();
        s.listen(PORT, 4);

        s.in(SYN | ACK, 5000, 777, 8192);

        s.expect(RST, 777, 0, 0);
        s.expectNothing();
        assertEquals(0, s.host.tcp().connectionCount());
    }

    @Test
    void shouldIgnoreAResetInListen() throws Exception {
        TcpScript s = new TcpScript();
        s.listen(PORT, 4);

        s.in(RST, 5000, 0, 0);
        s.in(RST | ACK, 5000, 1, 0);
        s.in(RST | SYN, 5000, 0, 0);

        s.expectNothing();
        assertEquals(0, s.host.tcp().connectionCount());
    }

    @Test
    void shouldDropASegmentWithNeitherSynNorAckInListen() throws Exception {
        // "Any other control or text-bearing segment (not containing SYN) must have an ACK and
        // thus would be discarded by the ACK processing."
        TcpScript s = new TcpScript();
        s.listen(PORT, 4);

        s.in(FIN, 5000, 0, 8192, TcpScript.bytes(10));

        s.expectNothing();
        assertEquals(0, s.host.tcp().connectionCount());
    }

    /** A SYN-ACK for the peer's last SYN, whatever its ISN (a cookie, here). */
    static void assertCookieSynAck(TcpScript s) {
        TcpScript.Out synAck = s.next();
        assertEquals(SYN | ACK, synAck.flags(), "a SYN-ACK: " + synAck);
        assertEquals(s.irs + 1, synAck.ack(), synAck.toString());
        assertEquals(s.peerPort, synAck.destinationPort(), synAck.toString());
    }

    @Test
    void shouldAnswerSynsBeyondTheSynQueueWithCookiesAndKeepNothingForThem() throws Exception {
        // RFC 4987 §3.6: with the half-open queue full, a SYN-ACK whose ISN is a cookie, no state.
        TcpScript.Config c = new TcpScript.Config();
        c.synQueue = 3;
        TcpScript s = new TcpScript(c.build());
        s.listen(PORT, 8);

        for (int i = 0; i < 3; i++) {
            s.peerPort = 41000 + i;
            s.synToListener(8192, 1460);
        }
        s.peerPort = 41003;
        s.in(SYN, s.irs, 0, 8192);
        assertCookieSynAck(s);
        s.peerPort = 41004;
        s.in(SYN, s.irs, 0, 8192);
        assertCookieSynAck(s);

        s.expectNothing();
        assertEquals(2, s.count(TcpEvent.SYN_COOKIES_SENT));
        assertEquals(3, s.host.tcp().connectionCount(), "nothing kept for the cookies");
    }

    @Test
    void shouldLetCompletedHandshakesBeyondTheBacklogWaitHalfOpenUntilAcceptMakesRoom() throws Exception {
        TcpScript s = new TcpScript();
        s.listen(PORT, 1);
        int[] isn = new int[2];
        for (int i = 0; i < 2; i++) {
            s.peerPort = 42000 + i;
            isn[i] = s.synToListener(8192, 1460).seq();
            s.in(ACK, s.irs + 1, isn[i] + 1, 8192);
        }
        s.expectNothing();
        assertEquals(1, s.count(TcpEvent.DROP_ACCEPT_QUEUE_FULL));
        assertEquals(TcpState.SYN_RECEIVED, s.state(), "the second waits half-open");

        int first = s.sockets.accept(s.listenFd, null);
        assertTrue(first >= 0);
        assertEquals(Sockets.WOULD_BLOCK, s.sockets.accept(s.listenFd, null), "only one was queued");

        // The peer's ACK comes again (after our SYN-ACK's retransmission): now there is room.
        s.in(ACK, s.irs + 1, isn[1] + 1, 8192);
        assertEquals(TcpState.ESTABLISHED, s.state());
        int second = s.sockets.accept(s.listenFd, null);
        assertTrue(second >= 0);
        assertEquals(42001, s.sockets.remoteAddress(second).port());
    }

    @Test
    void shouldHonourTheMssOfThePeersSyn() throws Exception {
        TcpScript s = new TcpScript();
        s.listen(PORT, 4);
        s.acceptConnection(65535, 300);

        s.send(TcpScript.bytes(1200));

        int total = 0;
        for (TcpScript.Out o : s.takeAll()) {
            assertTrue(o.len() <= 300, "larger than the peer's MSS 300: " + o);
            total += o.len();
        }
        assertEquals(1200, total);
    }

    @Test
    void shouldNotAcknowledgeDataCarriedOnASyn() throws Exception {
        // The data may be kept for after the handshake (RFC 9293 §3.10.7.2) but slipway drops it:
        // then it must not acknowledge it either — the peer will send it again.
        TcpScript s = new TcpScript();
        s.listen(PORT, 4);

        s.seg(SYN, s.irs, 0).window(8192).data(TcpScript.bytes(100)).send();

        TcpScript.Out synAck = s.next();
        assertEquals(SYN | ACK, synAck.flags());
        assertEquals(s.irs + 1, synAck.ack(), "only the SYN is acknowledged");
        s.iss = synAck.seq();
        s.in(ACK, s.irs + 1, s.iss + 1, 8192);
        s.fd = s.sockets.accept(s.listenFd, null);
        s.sockets.setBlocking(s.fd, false);
        assertEquals(null, s.recv(200), "nothing to read");
    }
}
