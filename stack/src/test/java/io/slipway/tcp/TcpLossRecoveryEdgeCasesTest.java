package io.slipway.tcp;

import static io.slipway.tcp.TcpScript.ACK;
import static io.slipway.tcp.TcpScript.FIN;
import static io.slipway.tcp.TcpScript.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Edge cases of loss recovery with SACK, from an independent review: echo duplicates after a
 * recovery must not start another (RFC 6582 §3.2 step 2), and early retransmit (RFC 5827) counts
 * segments of data, not the FIN riding on the last one.
 */
class TcpLossRecoveryEdgeCasesTest extends SackFlightScript {
    /** RFC 5827: two segments out (the FIN rides on the second), the first lost, the second SACKed: ER_thresh = 1. */
    @Test
    void shouldRetransmitEarlyWithTheFinOnTheLastSegment() throws Exception {
        warmUp(true);
        s.sockets.send(s.fd, bytes(0, 2 * MSS), 0, 2 * MSS);
        s.sockets.shutdown(s.fd, io.slipway.socket.Shutdown.WRITE);
        s.poll();
        List<TcpScript.Out> flight = s.takeAll();
        assertEquals(2, flight.size());
        assertTrue(flight.get(1).has(FIN), "FIN on the second segment");
        s.seg(ACK, rcv, f(0)).window(65535).sack(f(1), f(2) + 1).send(); // the FIN's octet in the block or not
        List<TcpScript.Out> sent = s.takeAll();
        assertEquals(1, s.count(TcpEvent.EARLY_RETRANSMITS), "2 segments out, 1 SACKed: ER_thresh met; got " + sent);
    }

    /** The same without a FIN. */
    @Test
    void shouldRetransmitEarlyWithoutAFin() throws Exception {
        warmUp(true);
        s.send(bytes(0, 2 * MSS));
        assertEquals(2, s.takeAll().size());
        s.seg(ACK, rcv, f(0)).window(65535).sack(f(1), f(2)).send();
        s.takeAll();
        assertEquals(1, s.count(TcpEvent.EARLY_RETRANSMITS));
    }

    /**
     * After a SACK recovery ends (SND.UNA = RecoveryPoint + 1), three pure duplicate ACKs with
     * no SACK information at all (echoes of the recovery's own retransmissions) must not start a
     * new recovery: RFC 6582 §3.2 step 2's guard still holds for plain duplicates.
     */
    @Test
    void shouldNotRecoverAgainFromEchoDuplicatesAfterARecovery() throws Exception {
        warmUp(true);
        s.send(bytes(0, 10 * MSS));
        assertEquals(10, s.takeAll().size());
        s.seg(ACK, rcv, f(0)).window(65535).sack(f(1), f(2)).send();
        s.seg(ACK, rcv, f(0)).window(65535).sack(f(1), f(3)).send();
        s.seg(ACK, rcv, f(0)).window(65535).sack(f(1), f(4)).send();
        s.takeAll();
        assertEquals(1, s.count(TcpEvent.SACK_RECOVERIES));
        for (int top = 5; top <= 10; top++) {
            s.seg(ACK, rcv, f(0)).window(65535).sack(f(1), f(top)).send();
        }
        s.takeAll();
        s.in(ACK, rcv, f(10), 65535); // the full ACK: recovery over
        assertFalse(s.connection().congestion.inFastRecovery());
        s.send(bytes(0, 4 * MSS)); // new data out after the recovery
        List<TcpScript.Out> fresh = s.takeAll();
        assertFalse(fresh.isEmpty());
        for (int i = 0; i < 3; i++) {
            s.in(ACK, rcv, f(10), 65535); // no SACK blocks: nothing new reported
        }
        List<TcpScript.Out> after = s.takeAll();
        assertEquals(1, s.count(TcpEvent.SACK_RECOVERIES), "no second recovery from ACKs that report nothing new: " + after);
    }
}
