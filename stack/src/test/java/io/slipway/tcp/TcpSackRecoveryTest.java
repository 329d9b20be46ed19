package io.slipway.tcp;

import static io.slipway.tcp.TcpScript.ACK;
import static io.slipway.tcp.TcpScript.SYN;
import static io.slipway.tcp.TcpScript.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SACK, the sending side: the peer's SACK blocks fill a scoreboard, and loss recovery follows
 * RFC 6675 — several holes in one window are resent in about one round trip, SACKed data is
 * never sent again, a loss at the tail gets a rescue retransmission, and a receiver that reneges
 * is caught. The peer offers SACK-permitted and MSS 1460, so we send segments of 966; no time
 * passes in these scripts, so nothing here is the retransmission timer's doing unless a test
 * advances the clock to it.
 */
class TcpSackRecoveryTest extends SackFlightScript {
    private static final int FLIGHT = 10;

    /** A peer SACKing or not; cwnd grown to 12 segments; then a flight of {@code FLIGHT} full segments. */
    private void tenSegmentsInFlight(boolean peerOffersSack) throws Exception {
        segmentsInFlight(peerOffersSack, FLIGHT);
    }

    @Test
    void shouldResendTwoHolesOfOneWindowBeforeAnyTimer() throws Exception {
        tenSegmentsInFlight(true);
        List<TcpScript.Out> sent = new ArrayList<>();
        // Segments 1 and 4 are lost; the peer reports each later arrival, the latest block first.
        sent.addAll(ack(f(1)));
        sent.addAll(ack(f(1), 2, 3));
        sent.addAll(ack(f(1), 2, 4));
        assertEquals(List.of(), sent, "two SACKed segments above the hole: not yet a loss");
        sent.addAll(ack(f(1), 5, 6, 2, 4));
        assertEquals(List.of(1), indexes(sent), "IsLost(1): three segments SACKed above it");
        sent.addAll(ack(f(1), 5, 7, 2, 4));
        sent.addAll(ack(f(1), 5, 8, 2, 4));

        assertEquals(List.of(1, 4), indexes(sent), "the second hole once three segments lie above it");
        assertEquals(MSS, sent.get(1).len());
        sent.clear();
        sent.addAll(ack(f(1), 5, 9, 2, 4));
        sent.addAll(ack(f(1), 5, 10, 2, 4));
        sent.addAll(ack(f(4), 5, 10)); // the resent 1 arrives: a partial ACK
        sent.addAll(ack(f(10))); // the resent 4: everything
        assertEquals(List.of(), indexes(sent), "nothing SACKed is sent again");
        assertEquals(0, s.count(TcpEvent.RETRANSMISSION_TIMEOUTS));
        assertEquals(1, s.count(TcpEvent.SACK_RECOVERIES));
        assertFalse(s.connection().congestion.inFastRecovery(), "the full ACK ends recovery");
        assertEquals(s.connection().congestion.ssthresh(), s.connection().congestion.cwnd());
    }

    @Test
    void shouldStartRecoveryFromOneAckWhoseBlocksShowTheLoss() throws Exception {
        tenSegmentsInFlight(true);
        ack(f(1));
        // The ACKs for 2, 3 and 4 were lost on the way; the one for 5 says it all (RFC 6675 §5 step 4).
        List<TcpScript.Out> sent = ack(f(1), 2, 6);

        assertEquals(List.of(1), indexes(sent));
        assertEquals(1, s.count(TcpEvent.SACK_RECOVERIES));
        assertEquals(1, s.connection().congestion.duplicateAcks(), "one duplicate was enough");
    }

    @Test
    void shouldLimitWhatItSendsInRecoveryByThePipe() throws Exception {
        tenSegmentsInFlight(true);
        ack(f(1));
        // Segments 1 to 4 lost, 5 to 9 SACKed: ssthresh = cwnd = 9 segments / 2; the pipe holds
        // only what was resent, so holes go one by one while cwnd - pipe is an SMSS or more.
        List<TcpScript.Out> sent = ack(f(1), 5, 10);

        assertEquals(List.of(1, 2, 3, 4), indexes(sent), "cwnd = 4.5 segments: four resent at once");
        assertEquals((FLIGHT - 1) * MSS / 2, s.connection().congestion.ssthresh(), "half the flight");
        assertEquals(s.connection().congestion.ssthresh(), s.connection().congestion.cwnd(), "RFC 6675 (4.2)");
    }

    @Test
    void shouldSendARescueRetransmissionForALossAtTheTail() throws Exception {
        tenSegmentsInFlight(true);
        // Segments 1, 5 and 9 are lost: nothing is ever SACKed above 9, so only the timer would find it.
        ack(f(1));
        assertEquals(List.of(1), indexes(ack(f(1), 2, 5)));
        ack(f(1), 6, 7, 2, 5);
        ack(f(1), 6, 8, 2, 5);
        assertEquals(List.of(5), indexes(ack(f(1), 6, 9, 2, 5)), "three SACKed above 5: lost");

        List<TcpScript.Out> rescue = ack(f(5), 6, 9); // the resent 1 arrived: a partial ACK

        assertEquals(List.of(9), indexes(rescue), "NextSeg() rule (4), without waiting for the RTO");
        assertEquals(1, s.count(TcpEvent.SACK_RESCUE_RETRANSMITS));
        assertEquals(0, s.count(TcpEvent.RETRANSMISSION_TIMEOUTS));
        assertEquals(List.of(), ack(f(5), 6, 9), "one rescue per recovery");
    }

    @Test
    void shouldResendAtOnceWhatAPartialAckLeavesWhenThePeerSendsNoBlocks() throws Exception {
        tenSegmentsInFlight(true); // SACK agreed, but this peer never sends a block
        ack(f(1));
        ack(f(1));
        ack(f(1));
        assertEquals(List.of(1), indexes(ack(f(1))), "the third duplicate");

        List<TcpScript.Out> partial = ack(f(4)); // 1 arrived; 4 was lost too

        assertEquals(List.of(4), indexes(partial), "as NewReno would (RFC 6582 §3.2)");
        assertEquals(0, s.count(TcpEvent.RETRANSMISSION_TIMEOUTS));
    }

    @Test
    void shouldNotResendSackedDataWhenGoingBackAfterATimeout() throws Exception {
        tenSegmentsInFlight(true);
        ack(f(0), 3, 5); // 0, 1, 2 lost; 3 and 4 arrived; the rest of the ACKs lost too
        s.awaitSegment(2000); // the retransmission timer: cwnd one segment, back to SND.UNA
        assertEquals(List.of(), s.takeAll(), "one segment");
        assertEquals(1, s.count(TcpEvent.RETRANSMISSION_TIMEOUTS));

        List<TcpScript.Out> second = ack(f(1), 3, 5);
        assertEquals(List.of(1, 2), indexes(second), "slow start: two segments");
        List<TcpScript.Out> third = ack(f(2), 3, 5); // 1 arrived, 2 was lost again

        assertEquals(List.of(5, 6), indexes(third), "3 and 4 are skipped: the peer holds them");
    }

    @Test
    void shouldSendAgainWhenAWindowThatShutInRecoveryOpens() throws Exception {
        tenSegmentsInFlight(true);
        ack(f(1));
        assertEquals(List.of(1), indexes(ack(f(1), 2, 6)), "recovery: 1 resent");
        s.seg(ACK, rcv, f(1)).window(0).sack(f(2), f(6)).send(); // the reader stalls: the window shuts
        s.awaitSegment(5000); // the timer finds a shut window: not a loss, SND.NXT back to SND.UNA, probing
        s.takeAll();

        List<TcpScript.Out> opened = ack(f(1), 2, 6); // the window opens again

        // Nothing of 6-9 is in flight any more; the pipe, counted to SND.MAX, must not hold them back.
        assertEquals(1, indexes(opened).get(0), "sending resumes at SND.UNA: " + opened);
        assertFalse(indexes(opened).contains(2), "2-5 are SACKed");
    }

    @Test
    void shouldForgetTheScoreboardWhenThePeerReneges() throws Exception {
        tenSegmentsInFlight(true);
        ack(f(1), 2, 4);
        assertFalse(s.connection().scoreboard.isEmpty());

        ack(f(2)); // the ACK stops where a SACKed range began: the peer dropped 2 and 3 (RFC 2018 §8)

        assertEquals(1, s.count(TcpEvent.SACK_RENEGED));
        assertTrue(s.connection().scoreboard.isEmpty());
        // Nothing SACKed is left, so the tail loss probe (RFC 8985 §7) is first: the last segment.
        assertEquals(9, (s.awaitSegment(2000).seq() - f0) / MSS, "the probe: the last segment again");
        assertEquals(2, (s.awaitSegment(2000).seq() - f0) / MSS, "segment 2 goes again after all");
    }

    @Test
    void shouldIgnoreBlocksOutsideTheDataInFlight() throws Exception {
        tenSegmentsInFlight(true);
        int beyond = f(FLIGHT);
        s.seg(ACK, rcv, f(1)).window(65535).sack(beyond, beyond + MSS, f(0) - 2 * MSS, f(0)).send();

        assertTrue(s.connection().scoreboard.isEmpty(), "beyond SND.MAX, and below SND.UNA (a D-SACK)");
    }

    @Test
    void shouldIgnoreSackBlocksWhenSackWasNotAgreed() throws Exception {
        tenSegmentsInFlight(false);
        ack(f(1));
        ack(f(1), 2, 3);
        ack(f(1), 2, 4);
        List<TcpScript.Out> sent = ack(f(1), 2, 5);

        assertTrue(s.connection().scoreboard.isEmpty());
        assertEquals(List.of(1), indexes(sent), "NewReno's fast retransmit on the third duplicate");
        assertEquals(0, s.count(TcpEvent.SACK_RECOVERIES));
    }

    @Test
    void shouldOfferNoSackWhenTheFeatureIsOff() throws Exception {
        TcpScript off = new TcpScript(TcpConfig.DEFAULT.withFeatures(TcpFeatures.NONE));
        assertFalse(off.connect(80).sackPermitted(), "not in our SYN");

        TcpScript server = new TcpScript(TcpConfig.DEFAULT.withFeatures(TcpFeatures.NONE));
        server.listen(80, 4);
        server.seg(SYN, server.irs, 0).window(65535).mss(1460).sackPermitted().send();
        assertFalse(server.next().sackPermitted(), "not in our SYN-ACK, though the peer offered it");
    }
    @Test
    void shouldRetransmitEarlyWhenTooFewSegmentsAreOutForThreeDuplicates() throws Exception {
        segmentsInFlight(true, 2); // two segments, nothing more to send
        // The first is lost; the second's ACK is the only duplicate there will ever be.
        List<TcpScript.Out> sent = ack(f(0), 1, 2);

        assertEquals(List.of(0), indexes(sent), "RFC 5827: threshold = segments out - 1");
        assertEquals(1, s.count(TcpEvent.EARLY_RETRANSMITS));
        assertEquals(0, s.count(TcpEvent.RETRANSMISSION_TIMEOUTS));
    }

    @Test
    void shouldNotRetransmitEarlyWithFourSegmentsOut() throws Exception {
        segmentsInFlight(true, 4); // enough for three duplicates: RFC 5827 does not apply
        List<TcpScript.Out> sent = ack(f(0), 1, 2);

        assertEquals(List.of(), sent, "one duplicate of a possible three: could be reordering");
        assertEquals(0, s.count(TcpEvent.EARLY_RETRANSMITS));
    }

    @Test
    void shouldResendARetransmissionThatWasLostToo() throws Exception {
        segmentsInFlight(true, FLIGHT); // ten segments out
        ack(f(0), 1, 2);
        ack(f(0), 1, 3);
        List<TcpScript.Out> recovery = ack(f(0), 1, 4); // IsLost(0): segment 0 resent
        assertEquals(List.of(0), indexes(recovery).subList(0, 1), recovery.toString());
        s.send(bytes((8 + FLIGHT) * MSS, 500)); // the application writes a short tail
        for (int top = 5; top <= FLIGHT; top++) {
            ack(f(0), 1, top); // the segments sent before the resend keep arriving
        }
        assertTrue(s.connection().congestion.inSackRecovery());

        // The short tail went out in recovery (rule 2; Nagle would hold it for the ACK recovery
        // waits for), after the resend; its arrival, SND.UNA unmoved, shows the resend was lost.
        List<TcpScript.Out> again = ack(f(0), 1, FLIGHT); // (the peer's SACK of the tail:)
        s.seg(ACK, rcv, f(0)).window(65535).sack(f(1), f(FLIGHT) + 500).send();
        again.addAll(s.takeAll());

        assertEquals(List.of(0), indexes(again), "segment 0 a third time, before any timer");
        assertEquals(1, s.count(TcpEvent.LOST_RETRANSMISSIONS));
        assertEquals(0, s.count(TcpEvent.RETRANSMISSION_TIMEOUTS));
    }
}
