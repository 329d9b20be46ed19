package io.slipway.tcp;

import static io.slipway.tcp.TcpScript.ACK;
import static io.slipway.tcp.TcpScript.FIN;
import static io.slipway.tcp.TcpScript.SYN;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slipway.socket.Shutdown;
import org.junit.jupiter.api.Test;

/**
 * What {@code Sockets.table()} (netstat) shows in each state, with Linux's names, while the
 * descriptor is open (a closed one may have left the table already).
 */
class TcpNetstatTest {
    private final TcpScript s = new TcpScript();

    private String state() throws Exception {
        return s.netstatState(s.fd);
    }

    private void shutdownOutput() throws Exception {
        s.sockets.shutdown(s.fd, Shutdown.WRITE);
        s.poll();
    }

    @Test
    void shouldShowListenSynSentAndSynRecv() throws Exception {
        int listener = s.listen(8080, 4);
        assertEquals("LISTEN", s.netstatState(listener));

        s.connect(80);
        assertEquals("SYN_SENT", state());

        s.seg(SYN, s.irs, 0).mss(1460).send(); // simultaneous open
        assertEquals("SYN_RECV", state());
    }

    @Test
    void shouldShowEstablishedFinWait1FinWait2AndTimeWait() throws Exception {
        s.establish();
        assertEquals("ESTABLISHED", state());

        shutdownOutput();
        assertEquals("FIN_WAIT1", state());

        s.in(ACK, s.irs + 1, s.iss + 2, 65535);
        assertEquals("FIN_WAIT2", state());

        s.in(FIN | ACK, s.irs + 1, s.iss + 2, 65535);
        assertEquals("TIME_WAIT", state());
    }

    @Test
    void shouldShowCloseWaitAndLastAck() throws Exception {
        s.establish();
        s.in(FIN | ACK, s.irs + 1, s.iss + 1, 65535);
        assertEquals("CLOSE_WAIT", state());

        shutdownOutput();
        assertEquals("LAST_ACK", state());
    }

    @Test
    void shouldShowClosing() throws Exception {
        s.establish();
        shutdownOutput();
        s.in(FIN | ACK, s.irs + 1, s.iss + 1, 65535);

        assertEquals("CLOSING", state());
    }
}
