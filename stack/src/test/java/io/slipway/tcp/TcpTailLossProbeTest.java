package io.slipway.tcp;

import static io.slipway.tcp.TcpScript.ACK;
import static io.slipway.tcp.TcpScript.FIN;
import static io.slipway.tcp.TcpScript.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.socket.Shutdown;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tail loss probe (RFC 8985 §7), segment by segment on a manual clock: when the ACKs for
 * the last segments of a flight are overdue by 2·SRTT, one segment goes — new data if cwnd alone
 * held it back, else the last segment again — and what the peer answers decides the rest: a
 * SACK of the probe above a hole starts recovery at once, a resend that alone repaired the tail
 * halves cwnd, a duplicate ACK for the probe's second copy says nothing was lost. The peer
 * answers 10 ms after each segment during the warm-up, so SRTT is a real figure; the timer's
 * deadlines are computed from the connection's own SRTT and RTO.
 */
class TcpTailLossProbeTest extends SackFlightScript {
    private static final int ROUND_TRIP_MS = 10;
    private static final long MS = 1_000_000L;

    /** Warmed up with a 10 ms round trip, then {@code segments} full segments in flight, and the clock one round trip on. */
    private void flight(boolean peerOffersSack, int segments) throws Exception {
        warmUp(peerOffersSack, ROUND_TRIP_MS);
        s.send(bytes(8 * MSS, segments * MSS));
        assertEquals(segments, s.takeAll().size(), "the whole flight goes at once");
        s.advance(ROUND_TRIP_MS);
    }

    /**
     * RFC 8985 §7.2's PTO from now, just after an ACK of new data or a send that restarted the
     * RTO: 2·SRTT and slipway's 2 ms of slack, or with {@code oneSegment} out 2·SRTT and the
     * peer's delayed ACK (200 ms); never later than the RTO.
     */
    private long probeDeadline(boolean oneSegment) {
        TcpConnection c = s.connection();
        long pto = 2 * c.rtt.srtt() + (oneSegment ? 200 * MS : 2 * MS);
        return s.clock.nanos() + Math.min(pto, c.rtt.rto());
    }

    private TcpScript.Out probeAt(long deadline) {
        s.advanceToNanos(deadline - 1);
        s.expectNothing();
        s.advanceToNanos(deadline);
        List<TcpScript.Out> sent = s.takeAll();
        assertEquals(1, sent.size(), "one probe: " + sent);
        assertEquals(1, s.count(TcpEvent.LOSS_PROBES));
        return sent.get(0);
    }

    @Test
    void shouldProbeWithTheLastSegmentAndRecoverTheTailFromTheProbesSack() throws Exception {
        flight(true, 10);
        ack(f(6)); // 6 to 9 were lost: nothing after them can be SACKed
        long deadline = probeDeadline(false);
        assertTrue(deadline < s.clock.nanos() + s.connection().rtt.rto(), "the probe comes before the RTO");

        TcpScript.Out probe = probeAt(deadline);

        assertEquals(f(9), probe.seq(), "the last segment again: " + probe);
        assertEquals(MSS, probe.len());
        // The peer SACKs the probe: 6 to 8, sent a PTO before it and still missing, are lost —
        // where RFC 6675's IsLost, with one segment SACKed above them, would wait for the timer.
        // cwnd = ssthresh = 4 segments / 2, and the lost holes take no room in the pipe.
        assertEquals(List.of(6, 7), indexes(ack(f(6), 9, 10)), "recovery resends the holes at once");
        assertEquals(1, s.count(TcpEvent.LOSS_PROBE_RECOVERIES));
        assertEquals(1, s.count(TcpEvent.SACK_RECOVERIES));
        assertEquals(List.of(8), indexes(ack(f(7), 9, 10)), "the last hole as the first resend arrives");
        ack(f(8), 9, 10);
        assertEquals(List.of(), indexes(ack(f(10))), "everything is acknowledged");
        assertEquals(0, s.count(TcpEvent.RETRANSMISSION_TIMEOUTS));
        assertFalse(s.connection().congestion.inFastRecovery());
    }

    @Test
    void shouldProbeWithNewDataThatCwndHeldBack() throws Exception {
        warmUp(true, ROUND_TRIP_MS); // cwnd is 12 segments
        s.send(bytes(8 * MSS, 14 * MSS));
        assertEquals(12, s.takeAll().size(), "cwnd holds the last two");
        long deadline = probeDeadline(false); // no ACK comes at all: the whole flight, or its ACKs, lost

        TcpScript.Out probe = probeAt(deadline);

        assertEquals(f(12), probe.seq(), "new data, beyond cwnd (RFC 8985 §7.3): " + probe);
        assertEquals(0, s.count(TcpEvent.RETRANSMITTED_SEGMENTS));
        // Only the probe arrived: everything below it is lost. cwnd = ssthresh = 13 segments / 2,
        // and lost holes take no room in the pipe, so six go at once.
        assertEquals(List.of(0, 1, 2, 3, 4, 5), indexes(ack(f(0), 12, 13)));
        assertEquals(13 * MSS / 2, s.connection().congestion.ssthresh());
        assertEquals(1, s.count(TcpEvent.LOSS_PROBE_RECOVERIES));
    }

    @Test
    void shouldTakeADuplicateAckForTheProbesCopyAsNoLoss() throws Exception {
        flight(true, 10);
        ack(f(8)); // the ACK for 8 and 9 is only late
        probeAt(probeDeadline(false));
        ack(f(10)); // the originals' ACK...
        ack(f(10)); // ...and the probe's copy's duplicate: both arrived
        int cwnd = s.connection().congestion.cwnd();

        s.send(bytes(18 * MSS, 2 * MSS));
        assertEquals(2, s.takeAll().size());
        s.advance(ROUND_TRIP_MS);
        ack(f(12));

        assertEquals(0, s.count(TcpEvent.LOSS_PROBE_RECOVERIES));
        assertTrue(s.connection().congestion.cwnd() >= cwnd, "no reduction: nothing was lost");
    }

    @Test
    void shouldTakeADSackOfTheProbeOnTheDataOfThePeerAsNoLoss() throws Exception {
        flight(true, 10);
        ack(f(8));
        probeAt(probeDeadline(false));
        ack(f(10)); // the originals' ACK; the probe's copy is answered on the peer's data, with a D-SACK
        s.seg(ACK, rcv, f(10)).window(65535).sack(f(9), f(10)).data(bytes(0, 100)).send();
        rcv += 100;
        s.takeAll();
        int cwnd = s.connection().congestion.cwnd();

        s.send(bytes(18 * MSS, 2 * MSS));
        s.takeAll();
        s.advance(ROUND_TRIP_MS);
        ack(f(12));

        assertEquals(0, s.count(TcpEvent.LOSS_PROBE_RECOVERIES), "RFC 8985 §7.4.2: both copies arrived");
        assertTrue(s.connection().congestion.cwnd() >= cwnd);
    }

    @Test
    void shouldProbeWithTheLastSegmentSentWhenTheWindowHoldsBackTheRest() throws Exception {
        warmUp(true, ROUND_TRIP_MS);
        s.send(bytes(8 * MSS, 14 * MSS));
        assertEquals(12, s.takeAll().size(), "cwnd holds the last two");
        s.advance(ROUND_TRIP_MS);
        // 10 and 11 were lost; the peer's window now ends where they do: nothing new may go.
        s.seg(ACK, rcv, f(10)).window(2 * MSS).send();
        s.takeAll();

        TcpScript.Out probe = probeAt(probeDeadline(false));

        assertEquals(f(11), probe.seq(), "the last segment sent, not the ring's last bytes: " + probe);
        assertEquals(MSS, probe.len());
    }

    @Test
    void shouldHalveCwndWhenTheProbeAloneRepairedTheTail() throws Exception {
        flight(true, 10);
        ack(f(9)); // 9 was lost
        probeAt(probeDeadline(true));
        ack(f(10)); // the probe's ACK; no duplicate follows, as there was no second copy
        s.send(bytes(18 * MSS, 2 * MSS));
        assertEquals(2, s.takeAll().size());
        s.advance(ROUND_TRIP_MS);
        int cwnd = s.connection().congestion.cwnd();

        ack(f(12)); // past the probe, with no duplicate first: the probe repaired a loss (RFC 8985 §7.4.2)

        assertEquals(1, s.count(TcpEvent.LOSS_PROBE_RECOVERIES));
        assertEquals(Math.max(cwnd / 2, 2 * MSS), s.connection().congestion.ssthresh());
        assertEquals(s.connection().congestion.ssthresh(), s.connection().congestion.cwnd());
        assertEquals(0, s.count(TcpEvent.RETRANSMISSION_TIMEOUTS));
    }

    @Test
    void shouldProbeOncePerFlightAndThenLeaveItToTheTimer() throws Exception {
        flight(true, 10);
        ack(f(8));
        TcpScript.Out probe = probeAt(probeDeadline(false));
        long rtoDeadline = probe.atNanos() + s.connection().rtt.rto();

        s.advanceToNanos(rtoDeadline - 1);
        s.expectNothing();
        s.advanceToNanos(rtoDeadline);

        assertEquals(f(8), s.next().seq(), "the timer goes back to SND.UNA");
        assertEquals(1, s.count(TcpEvent.LOSS_PROBES), "no second probe of the same flight");
        assertEquals(1, s.count(TcpEvent.RETRANSMISSION_TIMEOUTS));
    }

    @Test
    void shouldNotProbeWhileSackedDataWaitsForRecovery() throws Exception {
        flight(true, 10);
        ack(f(1));
        long rtoDeadline = s.clock.nanos() + s.connection().rtt.rto();
        ack(f(1), 2, 3); // one segment SACKed above the hole: not yet lost, and no probe either

        s.advanceToNanos(rtoDeadline - 1);
        s.expectNothing();
        s.advanceToNanos(rtoDeadline);

        assertEquals(f(1), s.next().seq(), "the timer, at the deadline the last new ACK set");
        assertEquals(0, s.count(TcpEvent.LOSS_PROBES));
    }

    @Test
    void shouldProbeALoneSegmentNoLaterThanItsRetransmissionTimeout() throws Exception {
        warmUp(true, ROUND_TRIP_MS);
        long rto = s.connection().rtt.rto();
        long sentAt = s.clock.nanos();
        s.send(bytes(8 * MSS, MSS));
        s.takeAll();
        // PTO = 2·SRTT + the peer's delayed ACK (200 ms), but never later than the RTO.
        assertTrue(2 * s.connection().rtt.srtt() + TailLossProbe.MAX_ACK_DELAY_NANOS > rto);

        TcpScript.Out probe = probeAt(sentAt + rto);

        assertEquals(f(0), probe.seq());
        assertEquals(0, s.count(TcpEvent.RETRANSMISSION_TIMEOUTS), "a probe, not a timeout");
        assertEquals(rto, s.connection().rtt.rto(), "so no backoff");
        assertEquals(12 * MSS, s.connection().congestion.cwnd(), "and no loss window");
    }

    @Test
    void shouldProbeTheLastSegmentWithItsFin() throws Exception {
        warmUp(true, ROUND_TRIP_MS);
        s.send(bytes(8 * MSS, 3 * MSS));
        s.sockets.shutdown(s.fd, Shutdown.WRITE);
        s.poll();
        List<TcpScript.Out> flight = s.takeAll();
        assertTrue(flight.get(flight.size() - 1).has(FIN), "the FIN rides on the last segment: " + flight);
        s.advance(ROUND_TRIP_MS);
        ack(f(2)); // the last segment and its FIN were lost

        TcpScript.Out probe = probeAt(probeDeadline(true));

        assertEquals(f(2), probe.seq());
        assertEquals(MSS, probe.len());
        assertTrue(probe.has(FIN), "the FIN goes with it: " + probe);
    }

    @Test
    void shouldNotProbeWithoutSack() throws Exception {
        flight(false, 10);
        ack(f(8));
        long rtoDeadline = s.clock.nanos() + s.connection().rtt.rto();

        s.advanceToNanos(rtoDeadline - 1);
        s.expectNothing();
        s.advanceToNanos(rtoDeadline);

        assertEquals(f(8), s.next().seq());
        assertEquals(0, s.count(TcpEvent.LOSS_PROBES), "a duplicate ACK without SACK blocks could not say what was lost");
        assertEquals(1, s.count(TcpEvent.RETRANSMISSION_TIMEOUTS));
    }

    @Test
    void shouldNotProbeWhenTheFeatureIsOff() throws Exception {
        SackFlightScript off = new SackFlightScript(
                TcpConfig.DEFAULT.withFeatures(TcpFeatures.ALL.withoutTailLossProbe())) { };
        off.warmUp(true, ROUND_TRIP_MS);
        off.s.send(bytes(8 * MSS, 10 * MSS));
        off.s.takeAll();
        off.s.advance(ROUND_TRIP_MS);
        off.ack(off.f(8));
        long rtoDeadline = off.s.clock.nanos() + off.s.connection().rtt.rto();

        off.s.advanceToNanos(rtoDeadline - 1);
        off.s.expectNothing();
        off.s.advanceToNanos(rtoDeadline);

        assertEquals(off.f(8), off.s.next().seq());
        assertEquals(0, off.s.count(TcpEvent.LOSS_PROBES));
    }
}
