package io.slipway.tcp;

import static io.slipway.tcp.TcpScript.ACK;
import static io.slipway.tcp.TcpScript.FIN;
import static io.slipway.tcp.TcpScript.PSH;
import static io.slipway.tcp.TcpScript.RST;
import static io.slipway.tcp.TcpScript.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.socket.Shutdown;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Closing (RFC 9293 §3.6, §3.10.4 CLOSE, §3.10.7.4 eighth step): FIN-WAIT-1, FIN-WAIT-2,
 * CLOSING, TIME-WAIT, CLOSE-WAIT, LAST-ACK; half-close; the reset for unread data (RFC 2525
 * §2.17); end of stream; a FIN that arrives before the data it follows.
 */
class TcpClosingTest {
    private static final long TIME_WAIT_MS = 5000;
    private static final long FIN_WAIT_2_MS = 3000;

    private final TcpScript s;
    private final int snd;
    private final int rcv;

    TcpClosingTest() throws Exception {
        TcpScript.Config c = new TcpScript.Config();
        c.timeWait = TIME_WAIT_MS * TcpScript.MS;
        c.finWait2 = FIN_WAIT_2_MS * TcpScript.MS;
        s = new TcpScript(c.build());
        s.establish();
        snd = s.iss + 1;
        rcv = s.irs + 1;
    }

    private void shutdownOutput() throws Exception {
        s.sockets.shutdown(s.fd, Shutdown.WRITE);
        s.poll();
    }

    private void close() throws Exception {
        s.sockets.close(s.fd);
        s.poll();
    }

    @Test
    void shouldSendTheFinAfterTheQueuedData() throws Exception {
        s.send(bytes(0, 100));
        s.expect(ACK, snd, rcv, 100);
        s.send(bytes(100, 50)); // held by Nagle's rule
        s.expectNothing();

        close();
        s.in(ACK, rcv, snd + 100, 65535);

        List<TcpScript.Out> out = s.takeAll();
        int end = snd + 100;
        boolean fin = false;
        for (TcpScript.Out o : out) {
            assertEquals(end, o.seq(), "in order, after the data: " + out);
            end += o.len();
            if (o.has(FIN)) {
                fin = true;
                assertEquals(snd + 150, o.seq() + o.len(), "the FIN follows the last byte: " + o);
            }
        }
        assertTrue(fin, "a FIN: " + out);
        assertEquals(TcpState.FIN_WAIT_1, s.state());
    }

    @Test
    void shouldGoFromFinWait1ToFinWait2WhenItsFinIsAcknowledged() throws Exception {
        shutdownOutput();
        s.expect(FIN | ACK, snd, rcv, 0);
        assertEquals(TcpState.FIN_WAIT_1, s.state());

        s.in(ACK, rcv, snd + 1, 65535);

        s.expectNothing();
        assertEquals(TcpState.FIN_WAIT_2, s.state());
    }

    @Test
    void shouldRetransmitAnUnacknowledgedFin() throws Exception {
        shutdownOutput();
        s.expect(FIN | ACK, snd, rcv, 0);

        TcpScript.Out again = s.awaitSegment(5000);

        assertEquals(FIN | ACK, again.flags() & ~PSH, again.toString());
        assertEquals(snd, again.seq());
        assertEquals(200, again.atMs(), "the RTO (the minimum here: the handshake's RTT was 0)");
    }

    @Test
    void shouldEnterTimeWaitOnThePeersFinInFinWait2AndAcknowledgeIt() throws Exception {
        shutdownOutput();
        s.takeAll();
        s.in(ACK, rcv, snd + 1, 65535);

        s.in(FIN | ACK, rcv, snd + 1, 65535);

        s.expectAck(snd + 1, rcv + 1);
        s.expectNothing();
        assertEquals(TcpState.TIME_WAIT, s.state());
    }

    @Test
    void shouldForgetTheConnectionWhenTimeWaitIsOver() throws Exception {
        close();
        s.takeAll();
        s.in(ACK, rcv, snd + 1, 65535);
        s.advanceTo(1000);
        s.in(FIN | ACK, rcv, snd + 1, 65535);
        s.expectAck(snd + 1, rcv + 1);

        s.advanceTo(1000 + TIME_WAIT_MS - 1);
        assertEquals(TcpState.TIME_WAIT, s.state());
        s.advanceTo(1000 + TIME_WAIT_MS);

        assertEquals(TcpState.CLOSED, s.state());
        assertEquals(0, s.host.tcp().connectionCount(), "the slot is free");
        s.expectNothing();
        s.in(ACK, rcv + 1, snd + 1, 65535); // now nobody knows the connection: a reset
        s.expect(RST, snd + 1, 0, 0);
    }

    @Test
    void shouldAcknowledgeARetransmittedFinInTimeWaitAndRestartTheTimer() throws Exception {
        close();
        s.takeAll();
        s.in(ACK, rcv, snd + 1, 65535);
        s.in(FIN | ACK, rcv, snd + 1, 65535);
        s.expectAck(snd + 1, rcv + 1);

        s.advanceTo(3000);
        s.in(FIN | ACK, rcv, snd + 1, 65535); // our ACK was lost

        s.expectAck(snd + 1, rcv + 1);
        s.advanceTo(3000 + TIME_WAIT_MS - 1);
        assertEquals(TcpState.TIME_WAIT, s.state(), "2 MSL again from the repeated FIN");
        s.advanceTo(3000 + TIME_WAIT_MS);
        assertEquals(TcpState.CLOSED, s.state());
        s.expectNothing();
    }

    @Test
    void shouldCloseFromCloseWaitThroughLastAck() throws Exception {
        s.in(FIN | ACK, rcv, snd, 65535);
        s.expectAck(snd, rcv + 1);
        assertEquals(TcpState.CLOSE_WAIT, s.state());
        assertEquals(0, s.recv(100).length, "end of stream");

        close();
        s.expect(FIN | ACK, snd, rcv + 1, 0);
        assertEquals(TcpState.LAST_ACK, s.state());

        s.in(ACK, rcv + 1, snd + 1, 65535);

        s.expectNothing();
        assertEquals(TcpState.CLOSED, s.state());
        assertEquals(0, s.host.tcp().connectionCount());
    }

    @Test
    void shouldGoThroughClosingToTimeWaitOnASimultaneousClose() throws Exception {
        shutdownOutput();
        s.expect(FIN | ACK, snd, rcv, 0);

        s.in(FIN | ACK, rcv, snd, 65535); // the peer's FIN crossed ours
        s.expectAck(snd + 1, rcv + 1);
        assertEquals(TcpState.CLOSING, s.state());

        s.in(ACK, rcv + 1, snd + 1, 65535);
        s.expectNothing();
        assertEquals(TcpState.TIME_WAIT, s.state());
    }

    @Test
    void shouldGoStraightToTimeWaitOnAFinThatAlsoAcknowledgesOurs() throws Exception {
        shutdownOutput();
        s.expect(FIN | ACK, snd, rcv, 0);

        s.in(FIN | ACK, rcv, snd + 1, 65535);

        s.expectAck(snd + 1, rcv + 1);
        assertEquals(TcpState.TIME_WAIT, s.state());
    }

    @Test
    void shouldGiveUpAnOrphanedConnectionInFinWait2AfterTheTimeout() throws Exception {
        close();
        s.takeAll();
        s.advanceTo(100);
        s.in(ACK, rcv, snd + 1, 65535);
        assertEquals(TcpState.FIN_WAIT_2, s.state());

        s.advanceTo(100 + FIN_WAIT_2_MS - 1);
        assertEquals(TcpState.FIN_WAIT_2, s.state());
        s.advanceTo(100 + FIN_WAIT_2_MS);

        assertEquals(TcpState.CLOSED, s.state());
        assertEquals(0, s.host.tcp().connectionCount());
    }

    @Test
    void shouldResetAnOrphanWhosePeerKeepsItsWindowShutOnceItHasProbedEightTimes() throws Exception {
        // RFC 1122 §4.2.2.17 lets a receiver keep its window shut for ever, and a sender MUST NOT
        // give up while the probes are answered: that protects an application still waiting to
        // send. An orphan's application has closed; held for ever, it would keep its slot from
        // every new connection (a client that stops reading could lock a server out). Linux
        // drops such an orphan after tcp_orphan_retries (8) probes; so do we, with a reset.
        s.in(ACK, rcv, snd, 0);
        s.send(bytes(100));
        close();
        s.expectNothing();

        int probes = 0;
        TcpScript.Out o = s.awaitSegment(600_000);
        for (; !o.has(RST) && probes < 20; o = s.awaitSegment(600_000)) {
            assertEquals(snd - 1, o.seq(), "a window probe: " + o);
            probes++;
            s.in(ACK, rcv, snd, 0); // answered: the window is still shut
        }

        assertTrue(o.has(RST), "still probing after " + probes + " answered probes: " + o);
        assertEquals(8, probes);
        assertEquals(TcpState.CLOSED, s.state());
        assertEquals(0, s.host.tcp().connectionCount());
    }

    @Test
    void shouldWaitInFinWait2ForAsLongAsTheApplicationStillHoldsTheSocket() throws Exception {
        shutdownOutput();
        s.takeAll();
        s.in(ACK, rcv, snd + 1, 65535);

        s.advanceTo(10 * FIN_WAIT_2_MS);

        assertEquals(TcpState.FIN_WAIT_2, s.state(), "a half-closed connection may receive for ever");
    }

    @Test
    void shouldStillDeliverThePeersDataAfterShutdownOutput() throws Exception {
        shutdownOutput();
        s.takeAll();
        s.in(ACK, rcv, snd + 1, 65535);

        s.in(ACK | PSH, rcv, snd + 1, 65535, bytes(0, 300));
        s.in(FIN | ACK, rcv + 300, snd + 1, 65535);

        s.expectAck(snd + 1, rcv + 301);
        assertEquals(TcpState.TIME_WAIT, s.state());
        assertArrayEquals(bytes(0, 300), s.recv(1000));
        assertEquals(0, s.recv(1000).length);
    }

    @Test
    void shouldResetWhenTheApplicationClosesWithUnreadData() throws Exception {
        // RFC 2525 §2.17 (RFC 9293 §3.10.4's "data lost"): unread data is lost, and the peer is told.
        s.in(ACK | PSH, rcv, snd, 65535, bytes(0, 100));

        close();

        TcpScript.Out rst = s.next();
        assertTrue(rst.has(RST), "a reset: " + rst);
        assertEquals(snd, rst.seq(), "at SND.NXT");
        s.expectNothing();
        assertEquals(0, s.host.tcp().connectionCount());
    }

    @Test
    void shouldReturnZeroFromRecvAtTheEndOfTheStream() throws Exception {
        s.in(ACK | PSH | FIN, rcv, snd, 65535, bytes(0, 50));

        assertArrayEquals(bytes(0, 50), s.recv(100));
        assertEquals(0, s.recv(100).length);
        assertEquals(0, s.recv(100).length);
    }

    @Test
    void shouldHoldAFinThatArrivesBeforeTheDataItFollows() throws Exception {
        s.in(ACK | PSH | FIN, rcv + 100, snd, 65535, bytes(100, 100));
        s.expectAck(snd, rcv); // out of order: a duplicate ACK, the FIN not yet taken
        assertEquals(TcpState.ESTABLISHED, s.state());
        assertEquals(null, s.recv(100));

        s.in(ACK | PSH, rcv, snd, 65535, bytes(0, 100));

        s.expectAck(snd, rcv + 201); // the data and the FIN
        assertEquals(TcpState.CLOSE_WAIT, s.state());
        assertArrayEquals(bytes(0, 200), s.recvAll());
        assertEquals(0, s.recv(100).length);
    }

    @Test
    void shouldHoldABareFinThatArrivesBeforeTheDataItFollows() throws Exception {
        s.in(FIN | ACK, rcv + 100, snd, 65535);
        s.expectAck(snd, rcv);
        assertEquals(TcpState.ESTABLISHED, s.state());

        s.in(ACK | PSH, rcv, snd, 65535, bytes(0, 100));

        s.expectAck(snd, rcv + 101);
        assertEquals(TcpState.CLOSE_WAIT, s.state());
        assertArrayEquals(bytes(0, 100), s.recvAll());
    }
}
