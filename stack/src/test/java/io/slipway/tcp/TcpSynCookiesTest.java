package io.slipway.tcp;

import static io.slipway.tcp.TcpScript.ACK;
import static io.slipway.tcp.TcpScript.PSH;
import static io.slipway.tcp.TcpScript.RST;
import static io.slipway.tcp.TcpScript.SYN;
import static io.slipway.tcp.TcpScript.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * SYN cookies (RFC 4987 §3.6): once the half-open queue is full, a SYN is answered with a SYN-ACK
 * whose ISN encodes what the connection needs, and nothing is kept; the ACK that returns the
 * cookie makes the connection, and its data is delivered. A forged or stale cookie gets a reset.
 */
class TcpSynCookiesTest {
    private static final int PORT = 80;
    private final TcpScript s;

    TcpSynCookiesTest() throws Exception {
        TcpScript.Config c = new TcpScript.Config();
        c.synQueue = 1;
        s = new TcpScript(c.build());
        s.listen(PORT, 4);
        s.peerPort = 40000;
        s.synToListener(8192, 1460); // fills the half-open queue
        s.peerPort = 40001;
    }

    /** The peer's SYN, answered with a cookie: the cookie (the SYN-ACK's ISN). */
    private int cookieFor(int peerMss) {
        s.seg(SYN, s.irs, 0).window(8192).mss(peerMss).send();
        TcpScript.Out synAck = s.next();
        assertEquals(SYN | ACK, synAck.flags(), synAck.toString());
        assertEquals(s.irs + 1, synAck.ack());
        assertEquals(s.peerPort, synAck.destinationPort());
        assertEquals(TcpScript.OUR_MSS, synAck.mss(), "our MSS, as in any SYN-ACK");
        assertEquals(1, s.host.tcp().connectionCount(), "nothing kept for the cookie");
        return synAck.seq();
    }

    @Test
    void shouldOpenTheConnectionWhenTheCookieComesBackAndDeliverItsData() throws Exception {
        int cookie = cookieFor(1460);

        s.in(ACK | PSH, s.irs + 1, cookie + 1, 8192, bytes(40));

        assertEquals(1, s.count(TcpEvent.SYN_COOKIES_ACCEPTED));
        s.fd = s.sockets.accept(s.listenFd, null);
        assertTrue(s.fd >= 0, "accepted");
        s.sockets.setBlocking(s.fd, false);
        assertEquals(TcpState.ESTABLISHED, s.state());
        assertArrayEquals(bytes(40), s.recvAll());
        assertEquals(s.irs + 41, s.awaitSegment(1000).ack(), "the data is acknowledged");
    }

    @Test
    void shouldSendSegmentsOfTheLargestTableMssNotAboveThePeers() throws Exception {
        int cookie = cookieFor(600); // the table has 536 below 600
        s.in(ACK, s.irs + 1, cookie + 1, 65535);
        s.fd = s.sockets.accept(s.listenFd, null);
        s.sockets.setBlocking(s.fd, false);

        s.send(bytes(0, 2000));

        s.expect(ACK, cookie + 1, s.irs + 1, 536);
    }

    @Test
    void shouldResetAnAckWhoseCookieIsForged() throws Exception {
        int cookie = cookieFor(1460);

        s.in(ACK, s.irs + 1, cookie + 2, 8192);

        s.expect(RST, cookie + 2, 0, 0);
        assertEquals(1, s.count(TcpEvent.SYN_COOKIES_REJECTED));
        assertEquals(1, s.host.tcp().connectionCount());
    }

    @Test
    void shouldResetAnAckForTheCookieOfAnotherPeerIsn() throws Exception {
        int cookie = cookieFor(1460);

        s.in(ACK, s.irs + 2, cookie + 1, 8192); // the hash covers the peer's ISN

        s.expect(RST, cookie + 1, 0, 0);
    }

    @Test
    void shouldRefuseACookieOlderThanTwoIntervals() throws Exception {
        int cookie = cookieFor(1460);
        s.advance(2 * 64_000 + 1_000);

        s.in(ACK, s.irs + 1, cookie + 1, 8192);

        java.util.List<TcpScript.Out> out = s.takeAll(); // the first SYN-ACK's repeats, then the reset
        TcpScript.Out last = out.get(out.size() - 1);
        assertTrue(last.has(RST) && last.destinationPort() == 40001, "a reset for the stale cookie: " + out);
        assertEquals(0, s.count(TcpEvent.SYN_COOKIES_ACCEPTED));
        assertEquals(1, s.host.tcp().connectionCount(), "only the first, still half-open");
    }

    @Test
    void shouldAcceptACookieFromTheIntervalBefore() throws Exception {
        long intervalMs = SynCookies.INTERVAL_NANOS / 1_000_000;
        s.advance(intervalMs - s.clock.nanos() / 1_000_000 % intervalMs - 100); // the cookie is made at
        s.takeAll(); // the end of one interval (the first SYN-ACK's repeats set aside) ...
        int cookie = cookieFor(1460);
        s.advance(200); // ... and comes back in the next

        s.in(ACK, s.irs + 1, cookie + 1, 8192);

        assertEquals(1, s.count(TcpEvent.SYN_COOKIES_ACCEPTED));
    }
}
