package io.slipway.tcp;

import static io.slipway.tcp.TcpScript.ACK;
import static io.slipway.tcp.TcpScript.FIN;
import static io.slipway.tcp.TcpScript.OUR_MSS;
import static io.slipway.tcp.TcpScript.PSH;
import static io.slipway.tcp.TcpScript.SYN;
import static io.slipway.tcp.TcpScript.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.socket.TimedOutException;
import java.util.ArrayList;
import io.slipway.socket.Shutdown;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ESTABLISHED, sending: Nagle and sender SWS avoidance (RFC 1122 §4.2.3.4), flow control (RFC
 * 9293 §3.8.6), the retransmission timer (RFC 6298), congestion control (RFC 5681, RFC 6582) and
 * zero-window probing (RFC 9293 §3.8.6.1, RFC 1122 §4.2.2.17). The peer offers MSS 1460, so we
 * send segments of 966 (our MTU 1006 - 40).
 */
class TcpEstablishedSendingTest {
    private static final int MSS = OUR_MSS;

    private TcpScript s;
    /** Our first data byte's sequence number (ISS + 1), and the peer's (its ISN + 1). */
    private int snd;
    private int rcv;
    /** What the last round of {@link #segmentsPerRound} released, not yet acknowledged. */
    private List<TcpScript.Out> lastFlight = List.of();

    private void open(TcpScript.Config c, long rttMs, int window) throws Exception {
        s = new TcpScript(c.build());
        s.connect(80);
        s.advance(rttMs);
        s.seg(SYN | ACK, s.irs, s.iss + 1).window(window).mss(1460).send();
        s.expectAck(s.iss + 1, s.irs + 1);
        snd = s.iss + 1;
        rcv = s.irs + 1;
    }

    private void open(long rttMs, int window) throws Exception {
        open(new TcpScript.Config(), rttMs, window);
    }

    private void ack(int ackNumber, int window) {
        s.in(ACK, rcv, ackNumber, window);
    }

    // ---------------------------------------------------------------- Nagle, SWS, windows

    @Test
    void shouldHoldASmallSegmentWhileDataIsUnacknowledgedAndSendItOnTheAck() throws Exception {
        // RFC 1122 §4.2.3.4 (Nagle): with data unacknowledged, small segments wait for the ACK.
        open(0, 65535);
        s.send(bytes(0, 10));
        s.expect(ACK, snd, rcv, 10);

        s.advanceTo(20);
        s.send(bytes(10, 10));
        s.send(bytes(20, 10));
        s.expectNothing();

        s.advanceTo(50);
        ack(snd + 10, 65535);
        TcpScript.Out both = s.expect(ACK, snd + 10, rcv, 20);
        assertArrayEquals(bytes(10, 20), both.data(), "the two small writes in one segment");
        s.expectNothing();
    }

    @Test
    void shouldSendTheHeldSmallSegmentWhenTheFlushTimerExpires() throws Exception {
        TcpScript.Config c = new TcpScript.Config();
        c.flush = 150 * TcpScript.MS;
        open(c, 0, 65535);
        s.send(bytes(0, 10));
        s.expect(ACK, snd, rcv, 10);
        s.advanceTo(30);
        s.send(bytes(10, 10));
        s.expectNothing();

        TcpScript.Out flushed = s.awaitSegment(1000);

        assertEquals(180, flushed.atMs(), "TcpConfig.flushNanos after it was held: " + flushed);
        assertEquals(snd + 10, flushed.seq());
        assertEquals(10, flushed.len());
    }

    @Test
    void shouldSendSmallSegmentsAtOnceWithNoDelay() throws Exception {
        open(0, 65535);
        s.sockets.setNoDelay(s.fd, true);

        s.send(bytes(0, 10));
        s.send(bytes(10, 10));
        s.send(bytes(20, 10));

        s.expect(ACK, snd, rcv, 10);
        s.expect(ACK, snd + 10, rcv, 10);
        s.expect(ACK, snd + 20, rcv, 10);
        s.expectNothing();
    }

    @Test
    void shouldSendFullSegmentsWithoutWaitingForAnAck() throws Exception {
        open(0, 65535);
        s.send(bytes(0, 10));
        s.expect(ACK, snd, rcv, 10);

        s.send(bytes(10, 2 * MSS + 10));

        s.expect(ACK, snd + 10, rcv, MSS);
        s.expect(ACK, snd + 10 + MSS, rcv, MSS);
        s.expectNothing(); // the last 10 bytes wait (Nagle)
    }

    @Test
    void shouldSendTheShortTailWithTheFinOnceTheApplicationHasClosed() throws Exception {
        open(0, 65535);
        s.send(bytes(0, 10));
        s.expect(ACK | PSH, snd, rcv, 10);
        s.send(bytes(10, 2 * MSS + 10));
        s.expect(ACK, snd + 10, rcv, MSS);
        s.expect(ACK, snd + 10 + MSS, rcv, MSS);
        s.expectNothing(); // Nagle holds the last 10 bytes behind the short segment unacknowledged

        s.sockets.shutdown(s.fd, Shutdown.WRITE);
        s.poll();

        // Nothing more can come to join them: waiting for the ACK (which the peer may delay for
        // 200 ms) would only stall the end of the transfer.
        s.expect(ACK | PSH | FIN, snd + 10 + 2 * MSS, rcv, 10);
        s.expectNothing();
    }

    @Test
    void shouldNotHoldAShortTailBehindFullSegmentsOnly() throws Exception {
        // Minshall's form of Nagle's rule, as Linux's: a response of two full segments and a few
        // bytes goes at once; the peer, with one full segment left to acknowledge, may delay its
        // ACK, and a tail held for it would wait that long.
        open(0, 65535);
        s.send(bytes(0, 2 * MSS + 10));
        s.expect(ACK, snd, rcv, MSS);
        s.expect(ACK, snd + MSS, rcv, MSS);
        s.expect(ACK | PSH, snd + 2 * MSS, rcv, 10);

        s.send(bytes(2 * MSS + 10, 5));
        s.expectNothing(); // a short segment is unacknowledged now: this one waits, as Nagle's rule says
        ack(snd + 2 * MSS + 10, 65535);
        s.expect(ACK | PSH, snd + 2 * MSS + 10, rcv, 5);
    }

    @Test
    void shouldNeverSendBeyondThePeersWindow() throws Exception {
        // RFC 9293 §3.8.6: nothing beyond SND.UNA + SND.WND, whatever timer fires.
        open(0, 2000);
        s.sockets.setNoDelay(s.fd, true);
        s.send(bytes(0, 5000));
        s.advance(1000);
        List<TcpScript.Out> first = s.takeAll();
        assertTrue(!first.isEmpty());
        for (TcpScript.Out o : first) {
            assertTrue(o.seq() + o.len() - snd <= 2000, "beyond the window of 2000: " + o);
        }

        ack(snd + 2000, 2500);
        s.advance(1000);
        for (TcpScript.Out o : s.takeAll()) {
            assertTrue(o.seq() + o.len() - snd <= 4500, "beyond the new right edge: " + o);
        }
    }

    @Test
    void shouldNotSendASillySmallSegmentWhileMoreDataWaits() throws Exception {
        // RFC 1122 §4.2.3.4 (sender SWS): send when a full segment fits, or all that is queued, or
        // at least half the largest window the peer has offered; not the 136 bytes left here.
        open(0, 4000);
        s.send(bytes(0, 20 * MSS));

        for (int i = 0; i < 4; i++) {
            s.expect(ACK, snd + i * MSS, rcv, MSS); // the initial window, 4 segments: 3864 of 4000
        }
        s.expectNothing();

        ack(snd + MSS, 4000); // the right edge moves by 966: one full segment fits, then 136 again
        s.expect(ACK, snd + 4 * MSS, rcv, MSS);
        s.expectNothing();
    }

    @Test
    void shouldSendIntoASmallWindowAfterTheOverrideTimeoutWhenNothingIsInFlight() throws Exception {
        // RFC 1122 §4.2.3.4: SWS avoidance holds 100 bytes for a window of 100, but with nothing in
        // flight no ACK will come; the override timeout (TcpConfig.flushNanos) sends them.
        TcpScript.Config c = new TcpScript.Config();
        c.flush = 150 * TcpScript.MS;
        open(c, 0, 4000);
        s.send(bytes(0, 20 * MSS));
        for (int i = 0; i < 4; i++) {
            s.expect(ACK, snd + i * MSS, rcv, MSS);
        }
        s.advanceTo(10);
        ack(snd + 4 * MSS, 100); // all acknowledged, and the peer's buffer nearly full
        s.advanceTo(100);
        s.expectNothing();

        TcpScript.Out small = s.awaitSegment(1000);

        assertEquals(160, small.atMs(), small.toString());
        assertEquals(snd + 4 * MSS, small.seq());
        assertEquals(100, small.len());
    }

    @Test
    void shouldSendWhenAWindowUpdateReopensTheWindow() throws Exception {
        open(0, 65535);
        ack(snd, 0);
        s.send(bytes(0, 100));
        s.expectNothing();

        s.in(ACK, rcv, snd, 1000); // a window update

        s.expect(ACK, snd, rcv, 100);
        s.expectNothing();
    }

    // ---------------------------------------------------------------- the retransmission timer

    @Test
    void shouldComputeTheRtoFromTheFirstSample() throws Exception {
        // RFC 6298 §2.2: SRTT = R, RTTVAR = R/2, RTO = SRTT + max(G, 4 RTTVAR): 300 + 600 ms.
        open(300, 65535);
        s.advanceTo(1000);
        s.send(bytes(100));
        s.expect(ACK, snd, rcv, 100);

        TcpScript.Out again = s.awaitSegment(10_000);

        assertEquals(1900, again.atMs(), again.toString());
        assertEquals(snd, again.seq());
        assertEquals(100, again.len());
    }

    @Test
    void shouldUpdateTheRtoWithEachLaterSample() throws Exception {
        // RFC 6298 §2.3, R' = 100 ms: RTTVAR = 3/4 150 + 1/4 |300 - 100| = 162.5,
        // SRTT = 7/8 300 + 1/8 100 = 275, RTO = 275 + 650 = 925 ms.
        open(300, 65535);
        s.advanceTo(1000);
        s.send(bytes(0, 100));
        s.expect(ACK, snd, rcv, 100);
        s.advanceTo(1100);
        ack(snd + 100, 65535);
        s.advanceTo(2000);
        s.send(bytes(100, 100));
        s.expect(ACK, snd + 100, rcv, 100);

        assertEquals(2925, s.awaitSegment(10_000).atMs());
    }

    @Test
    void shouldTakeNoSampleFromARetransmittedSegmentAndKeepTheBackedOffRto() throws Exception {
        // RTT 100 ms: RTO 300 ms. The data is retransmitted at 1300 (RTO now 600) and acknowledged
        // at 1350: by Karn's rule (RFC 6298 §3) no sample, so the backed-off 600 ms stays (§5.5).
        open(100, 65535);
        s.advanceTo(1000);
        s.send(bytes(0, 100));
        s.expect(ACK, snd, rcv, 100);
        assertEquals(1300, s.awaitSegment(10_000).atMs());
        s.advanceTo(1350);
        ack(snd + 100, 65535);

        s.advanceTo(2000);
        s.send(bytes(100, 100));
        s.expect(ACK, snd + 100, rcv, 100);

        assertEquals(2600, s.awaitSegment(10_000).atMs(), "neither a 350 ms nor a 50 ms sample was taken");
    }

    @Test
    void shouldRetransmitFromSndUnaWithTheSameBytesAfterAPartialAcknowledgment() throws Exception {
        // RFC 9293 §3.10.7.4: SND.UNA moves to SEG.ACK, even into a segment; RFC 6298 §5.4: on
        // expiry retransmit "the earliest segment that has not been acknowledged".
        open(0, 65535);
        s.send(bytes(0, 3 * MSS));
        assertEquals(3, s.takeAll().size());
        ack(snd + 500, 65535);
        s.takeAll(); // slow start may send more

        TcpScript.Out again = s.awaitSegment(5000);

        assertEquals(snd + 500, again.seq(), again.toString());
        assertArrayEquals(bytes(500, again.len()), again.data(), "the stream's bytes from offset 500");
        assertTrue(again.len() <= MSS);
    }

    @Test
    void shouldDoubleTheRtoOnEachRetransmissionUpToTheMaximum() throws Exception {
        TcpScript.Config c = new TcpScript.Config();
        c.maxRto = 4 * TcpScript.SECOND;
        open(c, 300, 65535); // RTO 900 ms
        s.advanceTo(1000);
        s.send(bytes(100));
        s.expect(ACK, snd, rcv, 100);

        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            TcpScript.Out o = s.awaitSegment(60_000);
            assertEquals(snd, o.seq(), o.toString());
            times.add(o.atMs());
        }
        assertEquals(List.of(1900L, 3700L, 7300L, 11_300L, 15_300L), times, "+900, +1800, +3600, +4000, +4000");
    }

    @Test
    void shouldWaitTheMinimumRtoBeyondTheSmoothedRoundTrip() throws Exception {
        // RTT 10 ms: RTO = SRTT + max(G, 4 RTTVAR) with G = TcpConfig.minRtoNanos (200 ms), as
        // Linux computes it: 10 + max(200, 20) = 210 ms (RFC 6298 §2.3).
        open(10, 65535);
        s.advanceTo(1000);
        s.send(bytes(100));
        s.expect(ACK, snd, rcv, 100);

        assertEquals(1210, s.awaitSegment(10_000).atMs());
    }

    @Test
    void shouldNotResendWhatThePeersDelayedAckIsAboutToAcknowledge() throws Exception {
        // A lone segment: the peer holds its ACK for its 200 ms delayed-ACK limit (RFC 1122
        // §4.2.3.2) after the 5 ms it took to arrive, and the ACK takes 4 ms back. An RTO of
        // max(200 ms, SRTT + 4 RTTVAR) would have resent at 1200 ms what was never lost.
        open(10, 65535);
        s.advanceTo(1000);
        s.send(bytes(100));
        s.expect(ACK, snd, rcv, 100);

        s.advanceTo(1209);
        s.expectNothing();
        ack(snd + 100, 65535);
        s.advanceTo(5000);
        s.expectNothing();
        assertEquals(0, s.count(TcpEvent.RETRANSMITTED_SEGMENTS));
    }

    @Test
    void shouldAbortTheConnectionAfterTheRetransmissionLimitWithTimedOut() throws Exception {
        // RFC 1122 §4.2.3.5: after R2 the connection is closed and the application told.
        TcpScript.Config c = new TcpScript.Config();
        c.dataRetries = 3;
        open(c, 100, 65535); // RTO 300 ms
        s.advanceTo(1000);
        s.send(bytes(100));
        s.expect(ACK, snd, rcv, 100);

        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            times.add(s.awaitSegment(60_000).atMs());
        }
        assertEquals(List.of(1300L, 1900L, 3100L), times);
        s.advanceTo(5499);
        assertEquals(TcpState.ESTABLISHED, s.state());
        s.advanceTo(5500);

        assertEquals(TcpState.CLOSED, s.state(), "the fourth expiry ends it");
        assertThrows(TimedOutException.class, () -> s.send(bytes(10)));
        assertThrows(TimedOutException.class, () -> s.recv(10));
    }

    // ---------------------------------------------------------------- congestion control

    @Test
    void shouldFastRetransmitOnTheThirdDuplicateAck() throws Exception {
        open(0, 65535);
        s.send(bytes(0, 30 * MSS));
        assertEquals(4, s.takeAll().size(), "the initial window");
        ack(snd + MSS, 65535); // segment 0 arrived; segment 1 is lost
        assertEquals(2, s.takeAll().size(), "slow start: two for one");

        ack(snd + MSS, 65535);
        assertNewDataOnly(s.takeAll(), snd + 6 * MSS);
        ack(snd + MSS, 65535);
        assertNewDataOnly(s.takeAll(), snd + 6 * MSS);
        s.expectNothing();
        ack(snd + MSS, 65535); // the third duplicate

        s.expect(ACK, snd + MSS, rcv, MSS);
        assertEquals(1, s.count(TcpEvent.FAST_RETRANSMITS));
    }

    @Test
    void shouldNotTakeWindowUpdatesForDuplicateAcks() throws Exception {
        // RFC 5681 §2: a duplicate ACK leaves the advertised window unchanged.
        open(0, 65535);
        s.send(bytes(0, 30 * MSS));
        s.takeAll();
        for (int i = 0; i < 4; i++) {
            ack(snd, 60000 - i * 1000);
        }

        assertEquals(0, s.count(TcpEvent.FAST_RETRANSMITS));
        for (TcpScript.Out o : s.takeAll()) {
            assertTrue(o.seq() - (snd + 4 * MSS) >= 0, "no retransmission: " + o);
        }
    }

    @Test
    void shouldNotTakeAcksCarryingDataForDuplicateAcks() throws Exception {
        // RFC 5681 §2 (c): "the incoming acknowledgment carries no data".
        open(0, 65535);
        s.send(bytes(0, 30 * MSS));
        s.takeAll();
        for (int i = 0; i < 4; i++) {
            s.in(ACK | TcpScript.PSH, rcv + i * 10, snd, 65535, bytes(i * 10, 10));
        }

        assertEquals(0, s.count(TcpEvent.FAST_RETRANSMITS));
        for (TcpScript.Out o : s.takeAll()) {
            assertTrue(o.seq() - (snd + 4 * MSS) >= 0 || o.len() == 0, "no retransmission: " + o);
        }
    }

    @Test
    void shouldRetransmitTheNextHoleAtOnceOnAPartialAck() throws Exception {
        // RFC 6582 §3.2 step 3: segments 1 and 3 are lost; the ACK of the retransmitted segment 1
        // acknowledges up to segment 3 only: retransmit segment 3 at once, without a timeout.
        open(0, 65535);
        s.send(bytes(0, 30 * MSS));
        s.takeAll();
        ack(snd + MSS, 65535);
        s.takeAll(); // segments 4 and 5
        for (int i = 0; i < 3; i++) {
            ack(snd + MSS, 65535); // for segments 2, 4, 5
        }
        s.takeAll(); // limited transmit (6, 7) and the fast retransmission of 1
        ack(snd + MSS, 65535); // for 6
        ack(snd + MSS, 65535); // for 7
        s.takeAll();

        ack(snd + 3 * MSS, 65535); // the retransmitted 1 arrived; 2 was there; 3 is missing

        TcpScript.Out first = s.next();
        assertEquals(snd + 3 * MSS, first.seq(), "segment 3 again: " + first);
        assertEquals(MSS, first.len());
        assertEquals(0, s.count(TcpEvent.RETRANSMISSION_TIMEOUTS));
    }

    @Test
    void shouldDoubleTheSegmentsSentEachRoundTripInSlowStart() throws Exception {
        // RFC 5681 §3.1: cwnd += SMSS per ACK: 4, 8, 16 segments in successive round trips.
        open(0, 65535);
        s.send(bytes(0, 45 * MSS));
        List<TcpScript.Out> initial = s.takeAll();
        assertEquals(4, initial.size(), "the initial window (RFC 5681 §3.1, eq. 1)");

        assertEquals(List.of(8, 16), segmentsPerRound(initial, 2));
    }

    @Test
    void shouldNotCountTheAcknowledgedSynAsDataInTheCongestionWindow() throws Exception {
        // RFC 5681 §3.1: IW = 4 SMSS here, and slow start adds min(N, SMSS) for N *data* bytes
        // acknowledged. On a passive open the ACK of our SYN-ACK acknowledges no data: after the
        // first flight's ACK cwnd must be 5 SMSS exactly, leaving no odd byte for a 1-byte segment.
        s = new TcpScript();
        s.listen(80, 4);
        s.acceptConnection(65535, 1460);
        snd = s.iss + 1;
        rcv = s.irs + 1;
        s.send(bytes(0, 20 * MSS));
        assertEquals(4, s.takeAll().size());
        s.advanceTo(50);
        ack(snd + 4 * MSS, 65535);
        assertEquals(5, s.takeAll().size(), "five full segments");

        s.advanceTo(240); // before the retransmission timeout at 250 ms

        s.expectNothing();
    }

    @Test
    void shouldAddOneSegmentPerRoundTripInCongestionAvoidance() throws Exception {
        // After a timeout: cwnd = 1 SMSS, ssthresh = FlightSize / 2 = 2 SMSS (RFC 5681 §3.1, eq. 4);
        // slow start to ssthresh, then one more segment each round trip.
        open(0, 65535); // RTO 200 ms (the minimum)
        s.send(bytes(0, 40 * MSS));
        assertEquals(4, s.takeAll().size());
        TcpScript.Out again = s.awaitSegment(1000);
        assertEquals(snd, again.seq(), "the timeout resends segment 0 alone");
        s.expectNothing();

        assertEquals(List.of(2, 3, 4, 5), segmentsPerRound(List.of(again), 4));
    }

    @Test
    void shouldRestartFromTheInitialWindowAfterAnIdlePeriod() throws Exception {
        // RFC 5681 §4.1: after more than an RTO without sending, cwnd SHOULD be at most
        // RW = min(IW, cwnd): 4 segments here, however large cwnd had grown.
        open(0, 65535);
        s.send(bytes(0, 28 * MSS));
        assertEquals(List.of(8, 16), segmentsPerRound(s.takeAll(), 2));
        TcpScript.Out last = lastFlight.get(lastFlight.size() - 1);
        ack(last.seq() + last.len(), 65535); // all acknowledged: cwnd has grown to 32 segments
        s.expectNothing();
        s.advance(10_000);
        s.expectNothing();

        s.send(bytes(0, 20 * MSS));

        assertEquals(4, s.takeAll().size(), "restart window after 10 s idle");
    }

    // ---------------------------------------------------------------- zero window

    @Test
    void shouldProbeAZeroWindowWithExponentialBackoff() throws Exception {
        // RFC 9293 §3.8.6.1 (MUST-36, SHLD-29, SHLD-30): first probe after an RTO, then doubling.
        open(0, 65535); // RTO 200 ms; TcpConfig.persistMinNanos is 200 ms
        ack(snd, 0);
        s.send(bytes(100));
        s.expectNothing();

        List<Long> times = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            TcpScript.Out probe = s.awaitSegment(60_000);
            assertIsWindowProbe(probe);
            times.add(probe.atMs());
            ack(snd, 0); // the peer answers: still closed
            s.expectNothing();
        }
        assertEquals(List.of(200L, 600L, 1400L, 3000L), times);
    }

    @Test
    void shouldNeverGiveUpProbingWhileThePeerAnswers() throws Exception {
        // RFC 1122 §4.2.2.17: the sender "MUST NOT close the connection as long as the receiving TCP
        // continues to send acknowledgments in response to the probe segments".
        TcpScript.Config c = new TcpScript.Config();
        c.dataRetries = 3;
        c.maxRto = 2 * TcpScript.SECOND;
        open(c, 0, 65535);
        ack(snd, 0);
        s.send(bytes(100));

        for (int i = 0; i < 12; i++) {
            assertIsWindowProbe(s.awaitSegment(600_000));
            ack(snd, 0);
        }
        assertEquals(TcpState.ESTABLISHED, s.state());

        s.in(ACK, rcv, snd, 1000);
        s.expect(ACK, snd, rcv, 100);
    }

    @Test
    void shouldKeepTheConnectionWhenThePeerShrinksTheWindowToZeroWithDataInFlight() throws Exception {
        // The peer acknowledges segment 0 and closes its window with segment 1 in flight. RFC 9293
        // §3.8.6: a sender MUST be robust against a shrinking window (MUST-34), "SHOULD NOT time out
        // the connection if data beyond the right window edge is not acknowledged" (SHLD-17), and
        // MUST probe a zero window the standard way (MUST-35); RFC 1122 §4.2.2.17: it MUST NOT
        // close the connection while the peer answers. The peer answers everything we send.
        TcpScript.Config c = new TcpScript.Config();
        c.dataRetries = 3;
        c.maxRto = 2 * TcpScript.SECOND;
        open(c, 0, 65535);
        s.send(bytes(0, 2 * MSS));
        assertEquals(2, s.takeAll().size());
        ack(snd + MSS, 0);

        for (int t = 0; t < 60_000 && s.state() == TcpState.ESTABLISHED; ) {
            TcpScript.Out o = s.awaitSegment(120_000);
            t = (int) o.atMs();
            ack(snd + MSS, 0);
        }

        assertEquals(TcpState.ESTABLISHED, s.state(), "aborted at t=" + s.nowMs() + " ms with "
                + s.count(TcpEvent.RETRANSMISSION_TIMEOUTS) + " timeouts and " + s.count(TcpEvent.WINDOW_PROBES)
                + " window probes answered");
    }

    // ---------------------------------------------------------------- helpers

    /** A zero-window probe: an old, empty segment (SND.UNA - 1), or one new byte at SND.UNA. */
    private void assertIsWindowProbe(TcpScript.Out probe) {
        assertTrue(probe.seq() == snd - 1 && probe.len() == 0 || probe.seq() == snd && probe.len() == 1,
                "a window probe: " + probe);
        assertEquals(rcv, probe.ack());
    }

    /** New data only: nothing below {@code from}. */
    private static void assertNewDataOnly(List<TcpScript.Out> out, int from) {
        for (TcpScript.Out o : out) {
            assertTrue(o.seq() - from >= 0, "a retransmission before the third duplicate: " + o);
        }
    }

    /**
     * Acknowledges the segments of each round trip one by one, in order, and counts what each
     * round's ACKs release: the next round's flight.
     */
    private List<Integer> segmentsPerRound(List<TcpScript.Out> flight, int rounds) {
        List<Integer> counts = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            List<TcpScript.Out> next = new ArrayList<>();
            for (TcpScript.Out o : flight) {
                ack(o.seq() + o.len(), 65535);
                next.addAll(s.takeAll());
            }
            for (TcpScript.Out o : next) {
                assertEquals(MSS, o.len(), "full segments only: " + o);
            }
            counts.add(next.size());
            flight = next;
        }
        lastFlight = flight;
        return counts;
    }
}
