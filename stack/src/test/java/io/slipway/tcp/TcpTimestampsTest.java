package io.slipway.tcp;

import static io.slipway.tcp.TcpScript.ACK;
import static io.slipway.tcp.TcpScript.OUR_MSS;
import static io.slipway.tcp.TcpScript.RST;
import static io.slipway.tcp.TcpScript.SYN;
import static io.slipway.tcp.TcpScript.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Timestamps (RFC 7323 §3–5), offered on an interface that asks for them: negotiated in the
 * SYNs; then in every segment, TSecr echoing TS.Recent as §4.3 keeps it; the MSS less their 12
 * bytes (RFC 6691); an RTT sample from every ACK of new data (§4.1); PAWS (§5) dropping old
 * duplicates; a segment without them dropped (§3.2).
 */
class TcpTimestampsTest {
    private static final long PEER_TS = 5_000;
    private TcpScript s;
    private int rcv;
    private int snd;

    /** An active open with the peer's SYN-ACK carrying TSval {@link #PEER_TS} and echoing ours. */
    private void open() throws Exception {
        s = new TcpScript(TcpConfig.DEFAULT, 7, true);
        TcpScript.Out syn = s.connect(80);
        assertNotNull(syn.timestamps(), "offered in our SYN: " + syn);
        assertEquals(0, syn.timestamps()[1], "TSecr 0 in a SYN (RFC 7323 §3.2)");
        s.seg(SYN | ACK, s.irs, s.iss + 1).window(65535).mss(1460).timestamps(PEER_TS, syn.timestamps()[0]).send();
        TcpScript.Out ack = s.next();
        assertEquals(PEER_TS, ack.timestamps()[1], "TSecr = the peer's TSval");
        rcv = s.irs + 1;
        snd = s.iss + 1;
    }

    private TcpScript.Seg from(int seq, long tsVal) {
        return s.seg(ACK, seq, snd).window(65535).timestamps(tsVal, 0);
    }

    @Test
    void shouldNotOfferThemOnAnInterfaceThatDoesNotAsk() throws Exception {
        assertNull(new TcpScript().connect(80).timestamps(), "serial lines default to none (BENCHMARKS.md)");
        TcpScript off = new TcpScript(TcpConfig.DEFAULT.withFeatures(new TcpFeatures(true, true, false, true)), 7, true);
        assertNull(off.connect(80).timestamps(), "nor with the feature off");
    }

    @Test
    void shouldAnswerThemOnlyWhenThePeerOffered() throws Exception {
        TcpScript server = new TcpScript(TcpConfig.DEFAULT, 7, true);
        server.listen(80, 4);
        server.seg(SYN, server.irs, 0).window(65535).mss(1460).send();
        assertNull(server.next().timestamps(), "RFC 7323 §3.2: not in a SYN-ACK to a SYN without them");
        server.seg(SYN, server.irs + 1000, 0).from(40001).window(65535).mss(1460).timestamps(77, 0).send();
        TcpScript.Out synAck = server.next();
        assertEquals(77, synAck.timestamps()[1]);
    }

    @Test
    void shouldCarryThemInEverySegmentAndSendTwelveBytesLessData() throws Exception {
        open();
        s.send(bytes(0, 3 * OUR_MSS));

        List<TcpScript.Out> sent = s.takeAll();
        assertEquals(4, sent.size(), "three full segments and the 36 bytes left over: " + sent);
        for (TcpScript.Out o : sent) {
            assertNotNull(o.timestamps(), "every segment: " + o);
            assertEquals(PEER_TS, o.timestamps()[1]);
        }
        for (TcpScript.Out o : sent.subList(0, 3)) {
            assertEquals(OUR_MSS - 12, o.len(), "RFC 6691: the MSS counts no options");
        }
        assertEquals(3 * 12, sent.get(3).len());
    }

    @Test
    void shouldEchoTheTimestampOfTheSegmentThatMovedItsAck() throws Exception {
        open();
        from(rcv, PEER_TS + 10).data(bytes(0, 100)).send();
        from(rcv + 100, PEER_TS + 20).data(bytes(100, 100)).send(); // the second: ACKed at once
        TcpScript.Out ack = s.next();

        // RFC 7323 §4.3: TS.Recent moves only for a segment at or before Last.ACK.sent, so the
        // delayed ACK echoes the first segment's TSval and the peer measures the delay too.
        assertEquals(PEER_TS + 10, ack.timestamps()[1], ack.toString());
    }

    @Test
    void shouldDropAnOldDuplicateByPaws() throws Exception {
        open();
        from(rcv, PEER_TS + 100).data(bytes(0, 100)).send();
        s.advance(300);
        s.takeAll();

        from(rcv + 100, PEER_TS + 50).data(bytes(100, 100)).send(); // in the window, but an old timestamp

        assertEquals(1, s.count(TcpEvent.DROP_PAWS));
        TcpScript.Out answer = s.next();
        assertEquals(rcv + 100, answer.ack(), "an ACK in reply, the data not taken (RFC 7323 §5.3 R1)");
        assertEquals(100, s.recvAll().length);
    }

    @Test
    void shouldNotLetPawsStopAReset() throws Exception {
        open();
        from(rcv, PEER_TS + 100).send();
        s.seg(RST, rcv, 0).timestamps(PEER_TS, 0).send(); // an older TSval, but a reset (§5.3 R1)

        assertEquals(TcpState.CLOSED, s.state());
    }

    @Test
    void shouldSilentlyDropASegmentWithoutThem() throws Exception {
        open();
        s.in(ACK, rcv, snd, 65535, bytes(0, 100));

        assertEquals(1, s.count(TcpEvent.DROP_NO_TIMESTAMP));
        s.advance(1000);
        s.expectNothing();
    }

    @Test
    void shouldMeasureTheRoundTripOfARetransmissionFromTheEchoedTimestamp() throws Exception {
        open(); // the handshake's sample: SRTT 0
        s.send(bytes(0, 100));
        s.next();
        TcpScript.Out again = s.awaitSegment(2000); // the timer resends it (RTO 200 ms)
        s.advance(50);

        s.seg(ACK, rcv, snd + 100).window(65535).timestamps(PEER_TS + 1, again.timestamps()[0]).send();

        // RFC 7323 §4.1: TSecr names the transmission answered, so even a retransmission gives a
        // sample (Karn's rule would allow none): 50 ms, and SRTT = 0 + 50/8.
        assertEquals(6_250_000L, s.connection().rtt.srtt());
    }
}
