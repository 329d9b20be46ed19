package io.slipway.tcp;

import static io.slipway.tcp.TcpScript.ACK;
import static io.slipway.tcp.TcpScript.SYN;
import static io.slipway.tcp.TcpScript.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Window scaling (RFC 7323 §2): offered in our SYN with the least shift that covers the receive
 * buffer, answered in a SYN-ACK only when offered, used only when both SYNs carried it; the
 * window of a SYN is never scaled; every later window is shifted both ways.
 */
class TcpWindowScaleTest {
    private static final int BIG = 256 * 1024;

    @Test
    void shouldOfferTheLeastShiftThatCoversTheReceiveBuffer() throws Exception {
        assertEquals(1, new TcpScript().connect(80).windowScale(), "64 KiB: free space can be 65 536");
        TcpScript big = new TcpScript(TcpConfig.DEFAULT.withBuffers(BIG, BIG));
        TcpScript.Out syn = big.connect(80);
        assertEquals(3, syn.windowScale(), "256 KiB >> 3 = 32 768 fits in 16 bits, >> 2 does not");
        assertEquals(65535, syn.window(), "RFC 7323 §2.2: the SYN's own window is not scaled");
    }

    @Test
    void shouldOfferNoScaleWhenTheFeatureIsOff() throws Exception {
        TcpScript off = new TcpScript(TcpConfig.DEFAULT.withFeatures(new TcpFeatures(true, false, true, true)));
        assertEquals(-1, off.connect(80).windowScale());
    }

    @Test
    void shouldAnswerAScaleOnlyWhenThePeerOfferedOne() throws Exception {
        TcpScript with = new TcpScript(TcpConfig.DEFAULT.withBuffers(BIG, BIG));
        with.listen(80, 4);
        with.seg(SYN, with.irs, 0).window(65535).mss(1460).windowScale(7).send();
        assertEquals(3, with.next().windowScale());

        TcpScript without = new TcpScript(TcpConfig.DEFAULT.withBuffers(BIG, BIG));
        without.listen(80, 4);
        without.seg(SYN, without.irs, 0).window(65535).mss(1460).send();
        assertEquals(-1, without.next().windowScale(), "RFC 7323 §2.2: no WS in a SYN-ACK to a SYN without one");
    }

    @Test
    void shouldScaleThePeersWindowsAfterTheSynButNotTheSynsOwn() throws Exception {
        TcpScript s = new TcpScript(TcpConfig.DEFAULT.withBuffers(BIG, BIG));
        s.connect(80);
        s.seg(SYN | ACK, s.irs, s.iss + 1).window(1000).mss(1460).windowScale(7).send();
        s.expectAck(s.iss + 1, s.irs + 1);
        assertEquals(1000, s.connection().sndWnd, "the SYN-ACK's window as it stands");

        s.in(ACK, s.irs + 1, s.iss + 1, 1000);

        assertEquals(1000 << 7, s.connection().sndWnd, "128 000 bytes");
    }

    @Test
    void shouldSendMoreThanSixtyFourKibibytesIntoAScaledWindow() throws Exception {
        TcpScript s = new TcpScript(TcpConfig.DEFAULT.withBuffers(BIG, BIG));
        s.connect(80);
        s.seg(SYN | ACK, s.irs, s.iss + 1).window(65535).mss(1460).windowScale(7).send();
        s.takeAll();
        s.in(ACK, s.irs + 1, s.iss + 1, 2000); // 256 000 bytes
        int una = s.iss + 1;
        s.send(bytes(0, 200_000));
        // Grow cwnd past 64 KiB in slow start (RFC 5681 §3.1): an ACK for every segment doubles
        // it each round; the last round's segments stay unacknowledged.
        for (int round = 0; round < 5; round++) {
            for (TcpScript.Out o : s.takeAll()) {
                s.in(ACK, s.irs + 1, o.seq() + o.len(), 2000);
            }
        }
        int inFlight = s.connection().sndMax - s.connection().sndUna;
        assertTrue(inFlight > 65535, "more than an unscaled window in flight: " + inFlight);
    }

    @Test
    void shouldAdvertiseItsOwnWindowShiftedRightByItsScale() throws Exception {
        TcpScript s = new TcpScript(TcpConfig.DEFAULT.withBuffers(BIG, BIG));
        s.connect(80);
        s.seg(SYN | ACK, s.irs, s.iss + 1).window(65535).mss(1460).windowScale(7).send();
        TcpScript.Out ack = s.next();

        assertEquals(BIG >> 3 > 65535 ? 65535 : BIG >> 3, ack.window(), "256 KiB free, sent as 256 KiB >> 3");
        s.in(ACK, s.irs + 1, s.iss + 1, 65535, bytes(0, 901));
        s.advance(300);
        TcpScript.Out next = s.next();
        assertEquals((BIG - 901) >> 3, next.window(), "rounded down, never past the free space");
    }

    @Test
    void shouldUseNoScaleWhenThePeerAnswersWithout() throws Exception {
        TcpScript s = new TcpScript(TcpConfig.DEFAULT.withBuffers(BIG, BIG));
        s.connect(80);
        s.seg(SYN | ACK, s.irs, s.iss + 1).window(65535).mss(1460).send();
        TcpScript.Out ack = s.next();

        assertEquals(65535, ack.window(), "unscaled: at most 65 535 though 256 KiB are free");
        s.in(ACK, s.irs + 1, s.iss + 1, 1000);
        assertEquals(1000, s.connection().sndWnd);
    }
}
