package io.slipway.tcp;

import static io.slipway.tcp.TcpScript.ACK;
import static io.slipway.tcp.TcpScript.RST;
import static io.slipway.tcp.TcpScript.SYN;
import static io.slipway.tcp.TcpScript.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SYN cookies (RFC 4987 §3.6) at their limits: a cookie must be good for its interval and the next
 * only, and must not make the stack send segments larger than the peer's MSS (RFC 9293 §3.7.1).
 */
class TcpSynCookieLimitsTest {
    private static final int PORT = 80;
    private final TcpScript s;

    TcpSynCookieLimitsTest() throws Exception {
        TcpScript.Config c = new TcpScript.Config();
        c.synQueue = 1;
        s = new TcpScript(c.build());
        s.listen(PORT, 4);
        s.peerPort = 40000;
        s.synToListener(8192, 1460); // fills the half-open queue
        s.peerPort = 40001;
    }

    private int cookieFor(int peerMss) {
        s.seg(SYN, s.irs, 0).window(8192).mss(peerMss).send();
        TcpScript.Out synAck = s.next();
        assertEquals(SYN | ACK, synAck.flags(), synAck.toString());
        assertEquals(1, s.host.tcp().connectionCount(), "nothing kept for the cookie");
        return synAck.seq();
    }

    /**
     * The cookie's counter is 5 bits and only those 5 bits are hashed (SynCookies.hash), so a
     * cookie comes back to life every 32 intervals (34 min 8 s): an ACK captured (or delayed in
     * the network) is accepted again, for two intervals, every 34 minutes. Linux hashes the whole
     * counter (cookie_hash(..., count - diff, 1)), so its cookies stay dead.
     */
    @Test
    void shouldNotAcceptACookieReplayedThirtyTwoIntervalsLater() throws Exception {
        int cookie = cookieFor(1460); // never completed: the ACK is captured, not delivered

        long interval = SynCookies.INTERVAL_NANOS / TcpScript.MS;
        s.advance(32 * interval); // the first half-open connection gives up long before
        s.takeAll();
        assertEquals(0, s.host.tcp().connectionCount());
        // Another flood now, so that cookies are being sent (openFromCookie looks only then).
        s.peerPort = 40002;
        s.synToListener(8192, 1460);
        s.peerPort = 40003;
        cookieFor(1460);

        s.peerPort = 40001; // the replay of the ACK captured 34 minutes ago
        s.in(ACK, s.irs + 1, cookie + 1, 8192);

        assertEquals(0, s.count(TcpEvent.SYN_COOKIES_ACCEPTED), "a 34-minute-old cookie was accepted");
        s.expect(RST, cookie + 1, 0, 0);
    }

    /**
     * A peer that announces an MSS below the table's smallest entry (536) gets index 0, and the
     * connection then sends 536-byte segments: larger than the peer said it can take (RFC 9293
     * §3.7.1: the effective send MSS is at most the MSS received).
     */
    @Test
    void shouldNotSendSegmentsLargerThanAPeerMssBelowTheTable() throws Exception {
        int cookie = cookieFor(300);
        s.in(ACK, s.irs + 1, cookie + 1, 65535);
        s.fd = s.sockets.accept(s.listenFd, null);
        assertTrue(s.fd >= 0);
        s.sockets.setBlocking(s.fd, false);

        s.send(bytes(0, 2000));

        List<TcpScript.Out> out = s.takeAll();
        assertTrue(!out.isEmpty());
        for (TcpScript.Out o : out) {
            assertTrue(o.len() <= 300, "a segment larger than the peer's MSS of 300: " + o);
        }
    }
}
