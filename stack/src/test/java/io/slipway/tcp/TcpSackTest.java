package io.slipway.tcp;

import static io.slipway.tcp.TcpScript.ACK;
import static io.slipway.tcp.TcpScript.SYN;
import static io.slipway.tcp.TcpScript.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SACK, the receiving side (RFC 2018): SACK-permitted offered in our SYN and answered in a SYN-ACK
 * only when offered; then each ACK sent while out-of-order data is held reports it in SACK
 * blocks, the block holding the segment that arrived last first (§4), so that a sender such as
 * Linux can resend only the holes.
 */
class TcpSackTest {
    private static final int SEG = 500;
    private final TcpScript s = new TcpScript(new TcpScript.Config().build());
    private int rcv;

    /** A passive open with the peer's SYN offering SACK-permitted (or not). */
    private void accept(boolean peerOffersSack) throws Exception {
        s.listen(80, 4);
        TcpScript.Seg syn = s.seg(SYN, s.irs, 0).window(65535).mss(1460);
        (peerOffersSack ? syn.sackPermitted() : syn).send();
        TcpScript.Out synAck = s.next();
        s.iss = synAck.seq();
        assertEquals(peerOffersSack, synAck.sackPermitted(), "SACK-permitted in the SYN-ACK: " + synAck);
        s.in(ACK, s.irs + 1, s.iss + 1, 65535);
        s.fd = s.sockets.accept(s.listenFd, null);
        s.sockets.setBlocking(s.fd, false);
        rcv = s.irs + 1;
    }

    private TcpScript.Out segmentAt(int offset) {
        s.in(ACK, rcv + offset, s.iss + 1, 65535, bytes(offset, SEG));
        return s.awaitSegment(1000);
    }

    @Test
    void shouldOfferSackPermittedInItsSyn() throws Exception {
        assertTrue(s.connect(80).sackPermitted());
    }

    @Test
    void shouldReportTheOutOfOrderSegmentInASackBlock() throws Exception {
        accept(true);

        TcpScript.Out dup = segmentAt(SEG); // the first segment is missing

        assertEquals(rcv, dup.ack(), "a duplicate ACK");
        assertEquals(List.of(SEG + "-" + 2 * SEG), dup.sackRelativeTo(rcv));
    }

    @Test
    void shouldPutTheBlockOfTheLatestSegmentFirstThenTheOthers() throws Exception {
        accept(true);
        segmentAt(2 * SEG);
        segmentAt(6 * SEG);

        TcpScript.Out third = segmentAt(4 * SEG);

        assertEquals(List.of(4 * SEG + "-" + 5 * SEG, 2 * SEG + "-" + 3 * SEG, 6 * SEG + "-" + 7 * SEG),
                third.sackRelativeTo(rcv));
        TcpScript.Out merged = segmentAt(5 * SEG); // joins two blocks into one, reported first
        assertEquals(List.of(4 * SEG + "-" + 7 * SEG, 2 * SEG + "-" + 3 * SEG), merged.sackRelativeTo(rcv));
    }

    @Test
    void shouldReportAtMostFourBlocks() throws Exception {
        accept(true);
        for (int k = 1; k <= 5; k++) {
            segmentAt(2 * k * SEG);
        }
        TcpScript.Out sixth = segmentAt(12 * SEG);

        assertEquals(4, sixth.sackRelativeTo(rcv).size(), sixth.toString());
        assertEquals(12 * SEG + "-" + 13 * SEG, sixth.sackRelativeTo(rcv).get(0));
    }

    @Test
    void shouldSendNoBlocksOnceTheHoleIsFilled() throws Exception {
        accept(true);
        segmentAt(SEG);

        s.in(ACK, rcv, s.iss + 1, 65535, bytes(0, SEG)); // the hole: everything is in order now
        TcpScript.Out ack = s.awaitSegment(1000);

        assertEquals(rcv + 2 * SEG, ack.ack());
        assertEquals(0, ack.sack().length);
    }

    @Test
    void shouldSendNoBlocksToAPeerThatDidNotOfferSack() throws Exception {
        accept(false);

        TcpScript.Out dup = segmentAt(SEG);

        assertEquals(rcv, dup.ack());
        assertEquals(0, dup.sack().length);
        assertFalse(dup.sackPermitted());
    }

    @Test
    void shouldSendAPureDuplicateAckThoughDataOfItsOwnGoesOutToo() throws Exception {
        accept(true);
        s.sockets.send(s.fd, bytes(0, 8 * 966), 0, 8 * 966); // more than the first window holds
        s.poll();
        int sent = 0;
        for (TcpScript.Out o : s.takeAll()) {
            sent += o.len();
        }

        // Out of order, and acknowledging all we sent: our next data goes at once, ACK field and all.
        s.in(ACK, rcv + SEG, s.iss + 1 + sent, 65535, bytes(SEG, SEG));
        List<TcpScript.Out> out = s.takeAll();

        // RFC 5681 §2/§4.2: only an ACK without data counts as a duplicate, and only it carries
        // the SACK block: the data segments' ACK fields would hide the hole from the peer.
        TcpScript.Out pure = out.stream().filter(o -> o.len() == 0).findFirst().orElseThrow(
                () -> new AssertionError("no pure duplicate ACK among " + out));
        assertEquals(rcv, pure.ack());
        assertEquals(List.of(SEG + "-" + 2 * SEG), pure.sackRelativeTo(rcv));
        assertTrue(out.stream().anyMatch(o -> o.len() > 0), "and our data went too: " + out);
    }
}
