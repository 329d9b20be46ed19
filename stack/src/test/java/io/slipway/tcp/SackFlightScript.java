package io.slipway.tcp;

import static io.slipway.tcp.TcpScript.ACK;
import static io.slipway.tcp.TcpScript.OUR_MSS;
import static io.slipway.tcp.TcpScript.SYN;
import static io.slipway.tcp.TcpScript.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

/**
 * The set-up the loss-recovery scripts share: an active open to a peer offering MSS 1460 (so we
 * send 966) and, if asked, SACK-permitted; a warm-up that grows cwnd to 12 segments; then flights
 * of full segments whose segment {@code i} starts at {@link #f(int)}, and the peer's ACKs with SACK
 * blocks given as segment indexes.
 */
abstract class SackFlightScript {
    static final int MSS = OUR_MSS;

    final TcpScript s;
    /** The peer's next sequence number: ours to acknowledge. */
    int rcv;
    /** The sequence number of segment 0 of the flight under test. */
    int f0;

    SackFlightScript() {
        this(new TcpScript.Config().build());
    }

    SackFlightScript(TcpConfig config) {
        s = new TcpScript(config);
    }

    int f(int i) {
        return f0 + i * MSS;
    }

    /**
     * The open, then 8 segments each acknowledged alone: slow start (RFC 5681 §3.1) adds one SMSS
     * per ACK, from 4 segments to 12. Nothing is left in flight; {@link #f0} is SND.NXT.
     */
    void warmUp(boolean peerOffersSack) throws Exception {
        warmUp(peerOffersSack, 0);
    }

    /** The same with every answer from the peer {@code roundTripMs} after what it answers, so that SRTT means something. */
    void warmUp(boolean peerOffersSack, int roundTripMs) throws Exception {
        s.connect(80);
        s.advance(roundTripMs);
        TcpScript.Seg synAck = s.seg(SYN | ACK, s.irs, s.iss + 1).window(65535).mss(1460);
        (peerOffersSack ? synAck.sackPermitted() : synAck).send();
        s.expectAck(s.iss + 1, s.irs + 1);
        rcv = s.irs + 1;
        int next = s.iss + 1;
        s.send(bytes(0, 8 * MSS));
        for (int acked = 0; acked < 8; acked++) {
            s.takeAll();
            s.advance(roundTripMs);
            next += MSS;
            s.in(ACK, rcv, next, 65535);
        }
        s.takeAll();
        f0 = next;
    }

    /** The warm-up, then a flight of {@code segments} full segments that go at once. */
    void segmentsInFlight(boolean peerOffersSack, int segments) throws Exception {
        warmUp(peerOffersSack);
        s.send(bytes(8 * MSS, segments * MSS));
        List<TcpScript.Out> flight = s.takeAll();
        assertEquals(segments, flight.size(), "the whole flight goes at once: " + flight);
        assertEquals(f(segments - 1), flight.get(segments - 1).seq());
    }

    /** An ACK from the peer: cumulative {@code ack}, SACK blocks as segment indexes [from, to); what we sent in answer. */
    List<TcpScript.Out> ack(int ack, int... blockSegments) {
        int[] edges = new int[blockSegments.length];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = f(blockSegments[i]);
        }
        s.seg(ACK, rcv, ack).window(65535).sack(edges).send();
        return s.takeAll();
    }

    /** The flight's segment index of each segment in {@code sent} that takes sequence space. */
    List<Integer> indexes(List<TcpScript.Out> sent) {
        List<Integer> indexes = new ArrayList<>();
        for (TcpScript.Out o : sent) {
            if (o.segLen() > 0) {
                indexes.add((o.seq() - f0) / MSS);
            }
        }
        return indexes;
    }
}
