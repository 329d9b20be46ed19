package io.slipway.tcp;

import static io.slipway.tcp.TcpScript.ACK;
import static io.slipway.tcp.TcpScript.PSH;
import static io.slipway.tcp.TcpScript.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.socket.TimedOutException;
import org.junit.jupiter.api.Test;

/** Keep-alives (RFC 1122 §4.2.3.6): off by default; when on, probes after idle, then a limit. */
class TcpKeepaliveTest {
    private static final long IDLE_MS = 10_000;
    private static final long INTERVAL_MS = 2_000;

    private TcpScript s;
    private int snd;
    private int rcv;

    private void open(boolean keepalive) throws Exception {
        TcpScript.Config c = new TcpScript.Config();
        if (keepalive) {
            c.keepaliveIdle = IDLE_MS * TcpScript.MS;
            c.keepaliveInterval = INTERVAL_MS * TcpScript.MS;
            c.keepaliveProbes = 3;
        }
        s = new TcpScript(c.build());
        s.establish();
        snd = s.iss + 1;
        rcv = s.irs + 1;
        if (keepalive) {
            s.sockets.setKeepalive(s.fd, true);
            s.poll();
        }
    }

    /** RFC 1122 §4.2.3.6: SEG.SEQ = SND.NXT - 1, with no data or one garbage byte. */
    private TcpScript.Out assertKeepalive(TcpScript.Out probe) {
        assertEquals(snd - 1, probe.seq(), "a keep-alive: " + probe);
        assertTrue(probe.len() <= 1, probe.toString());
        assertEquals(rcv, probe.ack());
        return probe;
    }

    @Test
    void shouldSendNoKeepalivesByDefault() throws Exception {
        open(false);

        s.advanceTo(3 * 3600 * 1000L); // past the default two hours' idle time

        s.expectNothing();
        assertEquals(TcpState.ESTABLISHED, s.state());
    }

    @Test
    void shouldProbeAfterTheIdleTimeWhenKeepaliveIsOn() throws Exception {
        open(true);

        TcpScript.Out probe = assertKeepalive(s.awaitSegment(60_000));

        assertEquals(IDLE_MS, probe.atMs());
    }

    @Test
    void shouldMeasureTheIdleTimeFromTheLastSegmentReceived() throws Exception {
        open(true);
        s.advanceTo(4000);
        s.in(ACK | PSH, rcv, snd, 65535, bytes(10));
        s.awaitSegment(5000); // the delayed ACK
        rcv += 10;

        assertEquals(4000 + IDLE_MS, assertKeepalive(s.awaitSegment(60_000)).atMs());
    }

    @Test
    void shouldKeepTheConnectionWhileTheProbesAreAnswered() throws Exception {
        open(true);
        for (int i = 1; i <= 5; i++) {
            TcpScript.Out probe = assertKeepalive(s.awaitSegment(600_000));
            assertEquals(i * IDLE_MS, probe.atMs(), "idle again after each answer");
            s.in(ACK, rcv, snd, 65535);
        }
        assertEquals(TcpState.ESTABLISHED, s.state());
    }

    @Test
    void shouldDropTheConnectionAfterTheConfiguredNumberOfUnansweredProbes() throws Exception {
        open(true);
        for (int i = 0; i < 3; i++) {
            assertEquals(IDLE_MS + i * INTERVAL_MS, assertKeepalive(s.awaitSegment(60_000)).atMs());
        }
        s.advanceTo(IDLE_MS + 3 * INTERVAL_MS - 1);
        assertEquals(TcpState.ESTABLISHED, s.state());

        s.advanceTo(IDLE_MS + 3 * INTERVAL_MS);

        assertEquals(TcpState.CLOSED, s.state());
        assertThrows(TimedOutException.class, () -> s.recv(10));
    }
}
