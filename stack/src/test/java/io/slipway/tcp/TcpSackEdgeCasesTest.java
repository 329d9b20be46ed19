package io.slipway.tcp;

import static io.slipway.tcp.TcpScript.ACK;
import static io.slipway.tcp.TcpScript.FIN;
import static io.slipway.tcp.TcpScript.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.socket.Shutdown;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The SACK sender's edge cases (RFC 6675) in segment scripts: the same set-up as
 * TcpSackRecoveryTest — a SACK-permitting peer, MSS 966, cwnd grown to 12 segments, then a flight
 * of ten full segments 0..9 at {@code f(i)}. Each test names the rule it checks.
 */
class TcpSackEdgeCasesTest extends SackFlightScript {
    private static final int FLIGHT = 10;

    /** Ten segments out; {@code extraQueued} more queued behind them, of which cwnd (12) lets two go at once. */
    private void tenSegmentsInFlight(int extraQueued) throws Exception {
        segmentsInFlight(true, FLIGHT);
        if (extraQueued > 0) {
            s.send(bytes(18 * MSS, extraQueued * MSS));
            s.takeAll();
        }
    }

    /**
     * RFC 6675 §4 SetPipe(): "for each octet ... between HighACK and HighData that has NOT BEEN
     * SACKed", (a) +1 if not IsLost, (b) +1 if S1 <= HighRxt. SACKed octets below HighRxt count
     * for nothing. Holes 1, 3, 5, 7; 2, 4, 6, 8-9 SACKed in one ACK: cwnd = ssthresh = 4.5
     * segments. After 1 and 3 are resent, the RFC's pipe is 1, 3 (b) + 7 (a) = 3 segments,
     * so 5 (lost: 3 segments SACKed above it) goes too. Counting SACKed 2 in (b) stops at 1, 3.
     */
    @Test
    void pipeShouldNotCountSackedOctetsBelowHighRxt() throws Exception {
        tenSegmentsInFlight(0);
        ack(f(1));
        List<TcpScript.Out> sent = ack(f(1), 8, 10, 6, 7, 4, 5, 2, 3);

        assertEquals(4347, s.connection().congestion.cwnd(), "ssthresh = cwnd = 9 segments / 2");
        assertEquals(List.of(1, 3, 5), indexes(sent), "NextSeg rule (1) three times while cwnd - pipe >= SMSS");
    }

    /**
     * RFC 2018 §8: "the sender MUST retransmit the segment at the left edge of the window after a
     * retransmit timeout, whether or not the SACK bit is on for that segment." A (forged) block
     * that covers SND.UNA itself — here [SND.UNA - 100, SND.MAX) — must not stop the timer's go-back
     * from resending SND.UNA: the cumulative ACK proves the peer lacks it.
     */
    @Test
    void shouldResendTheLeftEdgeAfterATimeoutEvenIfABlockClaimsIt() throws Exception {
        tenSegmentsInFlight(0);
        s.seg(ACK, rcv, f(0)).window(65535).sack(f(0) - 100, f(FLIGHT)).send();
        s.takeAll();

        s.advance(3000); // past the first RTO and its backed-off successor
        List<TcpScript.Out> afterTimeout = s.takeAll();
        assertTrue(s.count(TcpEvent.RETRANSMISSION_TIMEOUTS) >= 1);
        assertTrue(afterTimeout.stream().anyMatch(o -> o.seq() == f(0) && o.len() > 0),
                "segment 0 (SND.UNA) resent after the timeout: " + afterTimeout);
    }

    /**
     * A SACK block may end at SND.MAX when it covers the FIN (RFC 2018 §3: the right edge is the
     * sequence number after the block; Linux's blocks use end_seq, which counts the FIN). The
     * block is valid — not "beyond SND.MAX" — so its data must be SACKed (the FIN itself may be
     * left unSACKed, as the code intends). Segment 1 lost, 2..9 and the FIN SACKed: IsLost(1), so
     * recovery resends 1 (RFC 6675 §5 step 2 / (4)).
     */
    @Test
    void shouldUseABlockThatReachesTheFin() throws Exception {
        tenSegmentsInFlight(0);
        s.sockets.shutdown(s.fd, Shutdown.WRITE);
        s.poll();
        List<TcpScript.Out> fin = s.takeAll();
        assertEquals(1, fin.size(), "the FIN alone: " + fin);
        assertTrue(fin.get(0).has(FIN));
        assertEquals(f(FLIGHT), fin.get(0).seq());
        ack(f(1));

        s.seg(ACK, rcv, f(1)).window(65535).sack(f(2), f(FLIGHT) + 1).send();
        List<TcpScript.Out> sent = s.takeAll();

        assertFalse(s.connection().scoreboard.isEmpty(), "the block's data [2, 10) is SACKed");
        assertEquals(f(FLIGHT), s.connection().scoreboard.highestSacked(), "cut at the FIN");
        assertEquals(List.of(1), indexes(sent));
    }

    /**
     * FIN at the end, the data just before it SACKed, segment 1 and the FIN lost: 1 is resent by
     * rule (1); when its ACK comes, only the FIN is outstanding and nothing SACKed lies above
     * it — rule (4) (one rescue) resends the FIN without waiting for the RTO.
     */
    @Test
    void shouldRescueALostFinAfterTheHoleBeforeItIsFilled() throws Exception {
        tenSegmentsInFlight(0);
        s.sockets.shutdown(s.fd, Shutdown.WRITE);
        s.poll();
        s.takeAll();
        ack(f(1));
        ack(f(1), 2, 4);
        assertEquals(List.of(1), indexes(ack(f(1), 2, 10)));

        List<TcpScript.Out> rescue = ack(f(FLIGHT));

        assertEquals(1, rescue.size(), "the FIN again: " + rescue);
        assertTrue(rescue.get(0).has(FIN));
        assertEquals(f(FLIGHT), rescue.get(0).seq());
        assertEquals(0, rescue.get(0).len());
        assertEquals(0, s.count(TcpEvent.RETRANSMISSION_TIMEOUTS));
    }

    /**
     * A retransmitted hole lost again: RFC 6675 has no detection of that but the RTO. §5.1: after
     * the timeout, recovery ends, RecoveryPoint = HighData and no new recovery starts until
     * HighACK reaches it; the go-back sends SND.UNA first (RFC 2018 §8) and never the SACKed data.
     */
    @Test
    void shouldRecoverALostRetransmissionByTheTimerAndNotResendSackedData() throws Exception {
        tenSegmentsInFlight(0);
        ack(f(1));
        ack(f(1), 2, 4);
        assertEquals(List.of(1), indexes(ack(f(1), 2, 5)));
        for (int top = 6; top <= FLIGHT; top++) {
            assertEquals(List.of(), indexes(ack(f(1), 2, top)), "nothing more to send, top " + top);
        }
        long fastBefore = s.count(TcpEvent.FAST_RETRANSMITS);

        TcpScript.Out timeout = s.awaitSegment(5000); // the resent 1 was lost too
        assertEquals(1, s.count(TcpEvent.RETRANSMISSION_TIMEOUTS));
        assertEquals(f(1), timeout.seq(), "SND.UNA first");
        assertEquals(MSS, timeout.len());
        assertEquals(List.of(), indexes(s.takeAll()), "cwnd is one segment");
        assertFalse(s.connection().congestion.inFastRecovery(), "the RTO ends loss recovery (RFC 6675 §5.1)");

        // More duplicates after the timeout: no new recovery before HighACK reaches RecoveryPoint.
        List<TcpScript.Out> dups = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            dups.addAll(ack(f(1), 2, 10));
        }
        assertEquals(List.of(), indexes(dups));
        assertEquals(fastBefore, s.count(TcpEvent.FAST_RETRANSMITS));

        assertEquals(List.of(), indexes(ack(f(FLIGHT))), "2-9 were SACKed: never sent again");
        assertEquals(s.connection().sndMax, s.connection().sndUna);
    }

    /**
     * SACK blocks on a data segment (a piggybacked ACK) are blocks all the same (RFC 2018 §3;
     * RFC 6675 §5: "Upon the receipt of any ACK containing SACK information, the scoreboard
     * MUST be updated"); IsLost(HighACK + 1) starts recovery.
     */
    @Test
    void shouldTakeBlocksFromADataSegment() throws Exception {
        tenSegmentsInFlight(0);
        ack(f(1));
        s.seg(ACK, rcv, f(1)).window(65535).sack(f(2), f(6)).data(bytes(0, 100)).send();
        rcv += 100;
        List<TcpScript.Out> sent = s.takeAll();

        assertEquals(List.of(1), indexes(sent));
        assertEquals(1, s.count(TcpEvent.SACK_RECOVERIES));
    }

    /**
     * NextSeg rule (2): new data only "if the receiver's advertised window allows". The peer's
     * window shrinks to exactly the flight in recovery: cwnd may allow more, the window not;
     * nothing may go beyond SND.UNA + SND.WND.
     */
    @Test
    void shouldKeepNewDataInsideASmallWindowInRecovery() throws Exception {
        tenSegmentsInFlight(20);
        ack(f(1)); // slow start: segments 10-13 go, SND.MAX = f(14)
        int sndMax = s.connection().sndMax;
        assertEquals(f(14), sndMax);
        int window = sndMax - f(1) + MSS; // room for one more segment only
        List<TcpScript.Out> sent = new ArrayList<>();
        for (int top = 3; top <= 13; top++) {
            s.seg(ACK, rcv, f(1)).window(window).sack(f(2), f(top)).send();
            sent.addAll(s.takeAll());
        }

        assertTrue(s.connection().congestion.inSackRecovery());
        for (TcpScript.Out o : sent) {
            assertTrue(Seq.le(o.seq() + o.segLen(), f(1) + window), "beyond the window: " + o + " in " + sent);
        }
        List<Integer> indexes = indexes(sent);
        assertEquals(2, indexes.size(), "the hole, and one new segment (limited transmit or rule 2): " + indexes);
        assertTrue(indexes.contains(1) && indexes.contains(14), "the hole, and one new segment: " + indexes);
    }

    /**
     * The peer reneges in the middle of recovery (RFC 2018 §8): the ACK for the resent 1 stops at
     * the left edge of SACKed 2. The scoreboard is cleared, and the data it held must still be
     * delivered — by the timer at worst — with the connection completing.
     */
    @Test
    void shouldDeliverEverythingWhenThePeerRenegesInRecovery() throws Exception {
        tenSegmentsInFlight(0);
        ack(f(1));
        assertEquals(List.of(1), indexes(ack(f(1), 2, 6)));

        List<TcpScript.Out> sent = new ArrayList<>(ack(f(2)));
        assertEquals(1, s.count(TcpEvent.SACK_RENEGED));
        assertTrue(s.connection().scoreboard.isEmpty());
        // Now an honest receiver that kept nothing out of order: it acknowledges what arrives in order.
        int peerNext = f(2);
        for (int round = 0; round < 60 && s.connection().sndUna != s.connection().sndMax; round++) {
            if (sent.isEmpty()) {
                sent.add(s.awaitSegment(s.nowMs() + 70_000));
                sent.addAll(s.takeAll());
            }
            List<TcpScript.Out> next = new ArrayList<>();
            for (TcpScript.Out o : sent) {
                if (o.len() > 0 && Seq.le(o.seq(), peerNext) && Seq.gt(o.seq() + o.len(), peerNext)) {
                    peerNext = o.seq() + o.len();
                    next.addAll(ack(peerNext));
                }
            }
            sent = next;
        }
        assertEquals(s.connection().sndMax, s.connection().sndUna, "everything acknowledged in the end");
    }

    /**
     * An attacker's ACKs: every one carries four absurd blocks — huge ranges, blocks past SND.MAX,
     * empty and backwards ones, duplicates, blocks below SND.UNA, blocks straddling it — mixed
     * with plausible ones. The sender must not throw, must only ever send sequence numbers in
     * [SND.UNA, SND.MAX] for old data, nothing beyond the peer's window, and must finish once the
     * peer finally acknowledges everything; the scoreboard stays inside (SND.UNA, SND.MAX].
     */
    @Test
    void shouldSurviveForgedBlocksOnEveryAck() throws Exception {
        tenSegmentsInFlight(20);
        Random random = new Random(42);
        int lastWindow = 65535;
        for (int n = 0; n < 400; n++) {
            TcpConnection c = s.connection();
            int una = c.sndUna;
            int max = c.sndMax;
            int[] edges = new int[8];
            for (int b = 0; b < 4; b++) {
                int left;
                int right;
                switch (random.nextInt(9)) {
                    case 0 -> { left = una + 1; right = una + 0x7FFF_FFF0; }
                    case 1 -> { left = max; right = max + 1 + random.nextInt(5000); }
                    case 2 -> { left = una + random.nextInt(Math.max(1, max - una)); right = left; }
                    case 3 -> { right = una + random.nextInt(Math.max(1, max - una)); left = right + 10; }
                    case 4 -> { left = una - 5000; right = una - random.nextInt(100); }
                    case 5 -> { left = random.nextInt(); right = random.nextInt(); }
                    case 6 -> { left = una - 100; right = una + 1 + random.nextInt(Math.max(1, max - una)); }
                    default -> {
                        left = una + random.nextInt(Math.max(1, max - una));
                        right = left + 1 + random.nextInt(Math.max(1, max - left));
                    }
                }
                edges[2 * b] = left;
                edges[2 * b + 1] = right;
            }
            int ack = random.nextInt(4) == 0 ? una + random.nextInt(Math.max(1, Math.min(MSS, max - una) + 1)) : una;
            ack = Seq.gt(ack, max) ? max : ack;
            s.seg(ACK, rcv, ack).window(lastWindow).sack(edges).send();
            if (random.nextInt(20) == 0) {
                s.advance(1500);
            }
            TcpConnection now = s.connection();
            for (TcpScript.Out o : s.takeAll()) {
                if (o.segLen() == 0) {
                    continue;
                }
                assertTrue(Seq.ge(o.seq(), now.sndUna), "below SND.UNA: " + o);
                assertTrue(Seq.le(o.seq() + o.segLen(), ack + lastWindow), "beyond the window: " + o);
            }
            SackScoreboard board = now.scoreboard;
            for (int i = 0; i < board.rangeCount(); i++) {
                assertTrue(Seq.gt(board.left(i), now.sndUna) || board.left(i) == now.sndUna,
                        "range below SND.UNA");
                assertTrue(Seq.le(board.right(i), now.sndMax), "range beyond SND.MAX");
                assertTrue(Seq.lt(board.left(i), board.right(i)));
                if (i > 0) {
                    assertTrue(Seq.lt(board.right(i - 1), board.left(i)), "sorted, disjoint, not touching");
                }
            }
        }
        // Finally the peer acknowledges all that was sent, repeatedly, and the rest goes.
        for (int n = 0; n < 200 && s.connection().sndUna != s.connection().sndMax; n++) {
            s.in(ACK, rcv, s.connection().sndMax, 65535);
            s.takeAll();
            if (s.connection().sndUna == s.connection().sndMax) {
                break;
            }
        }
        assertEquals(s.connection().sndMax, s.connection().sndUna);
        assertEquals(0, s.connection().sendRing.size(), "all 30 segments delivered");
    }
}
