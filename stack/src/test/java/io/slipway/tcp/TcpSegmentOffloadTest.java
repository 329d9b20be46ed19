package io.slipway.tcp;

import static io.slipway.tcp.TcpScript.ACK;
import static io.slipway.tcp.TcpScript.MTU;
import static io.slipway.tcp.TcpScript.OUR_MSS;
import static io.slipway.tcp.TcpScript.PEER_ADDRESS;
import static io.slipway.tcp.TcpScript.bytes;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.hal.mock.TransmittedFrame;
import io.slipway.socket.SocketType;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * TCP over a line with segmentation offload (the unframed loopback cable's, Linux's loopback
 * device's TSO/GSO): new data goes in segments of whole SMSS up to the offload's size, one
 * header for many MSS, and a segment that carries several full-sized ones is acknowledged at
 * once. The rules of the MSS-sized segments it stands for still hold: the congestion and send
 * windows bound it, and Nagle's rule holds back its tail while data is in flight (RFC 1122
 * §4.2.3.4). The peer offers MSS 1460, so the SMSS is 966 (our MTU 1006 - 40).
 */
class TcpSegmentOffloadTest {
    private static final int MSS = OUR_MSS;
    private static final int OFFLOAD = 65_535;

    private TcpScript s;
    private int snd;
    private int rcv;

    private void open(int window) throws Exception {
        s = new TcpScript(TcpConfig.DEFAULT, 7, false, OFFLOAD);
        s.establish(window, 1460);
        snd = s.iss + 1;
        rcv = s.irs + 1;
    }

    @Test
    void shouldSendTheInitialWindowAsOneSegmentLargerThanTheMtu() throws Exception {
        open(65535);
        s.send(bytes(0, 20_000));
        // RFC 3390's initial window at this SMSS is four segments: one frame of 4 x 966.
        TcpScript.Out first = s.expect(ACK, snd, rcv, 4 * MSS);
        assertArrayEquals(bytes(0, 4 * MSS), first.data());
        s.expectNothing();

        s.advance(10);
        s.in(ACK, rcv, snd + 4 * MSS, 65535);
        // Slow start: one ACK for four SMSS grows cwnd by the two SMSS that two ACKs for them
        // would have (NewReno.useSegmentOffload), so six whole segments in one.
        TcpScript.Out second = s.expect(ACK, snd + 4 * MSS, rcv, 6 * MSS);
        assertArrayEquals(bytes(4 * MSS, 6 * MSS), second.data());
        s.expectNothing();
    }

    @Test
    void shouldCutAWindowLimitedSegmentToWholeSegmentsAndHoldTheRest() throws Exception {
        open(3000);
        s.send(bytes(0, 20_000));
        // The peer's 3000-byte window fits three whole SMSS; the 102 left would be a runt.
        s.expect(ACK, snd, rcv, 3 * MSS);
        s.expectNothing();
    }

    @Test
    void shouldHoldTheTailByNaglesRuleWhileDataIsInFlight() throws Exception {
        open(65535);
        s.send(bytes(0, 3000));
        s.expect(ACK, snd, rcv, 3000); // nothing in flight: all of it, tail and all
        s.advance(10);
        s.in(ACK, rcv, snd + 3000, 65535);
        s.send(bytes(3000, 1000));
        s.expect(ACK, snd + 3000, rcv, 1000);

        s.send(bytes(4000, 3000));
        // 1000 bytes in flight: three whole SMSS go, the last 102 wait for the ACK.
        s.expect(ACK, snd + 4000, rcv, 3 * MSS);
        s.expectNothing();
        s.advance(10);
        s.in(ACK, rcv, snd + 4000 + 3 * MSS, 65535);
        TcpScript.Out tail = s.expect(ACK, snd + 4000 + 3 * MSS, rcv, 3000 - 3 * MSS);
        assertArrayEquals(bytes(4000 + 3 * MSS, 3000 - 3 * MSS), tail.data());
    }

    @Test
    void shouldSendTheTailAtOnceWithNoDelay() throws Exception {
        open(65535);
        s.sockets.setNoDelay(s.fd, true);
        s.send(bytes(0, 1000));
        s.expect(ACK, snd, rcv, 1000);
        s.send(bytes(1000, 2000));
        s.expect(ACK, snd + 1000, rcv, 2000); // in flight or not, NODELAY lets the tail go with the rest
        s.expectNothing();
    }

    @Test
    void shouldAcknowledgeASegmentOfSeveralFullSizedOnesAtOnce() throws Exception {
        open(65535);
        s.in(ACK, rcv, snd, 65535, bytes(0, 2 * MSS));
        // RFC 5681 §4.2: an ACK for at least every second full-sized segment; this one is two.
        s.expectAck(snd, rcv + 2 * MSS);

        s.in(ACK, rcv + 2 * MSS, snd, 65535, bytes(2 * MSS, MSS));
        s.expectNothing(); // one full-sized segment: the ACK may be delayed
        s.advance(500);
        s.expectAck(snd, rcv + 3 * MSS);
        assertArrayEquals(bytes(0, 3 * MSS), s.recv(4 * MSS));
    }

    @Test
    void shouldFragmentADatagramOtherThanTcpAboveTheMtu() throws Exception {
        s = new TcpScript(TcpConfig.DEFAULT, 7, false, OFFLOAD);
        int fd = s.sockets.socket(SocketType.DATAGRAM);
        s.sockets.sendto(fd, bytes(0, 3000), 0, 3000, PEER_ADDRESS, 9);
        s.poll();
        List<TransmittedFrame> frames = s.line.transmittedFrames();
        assertEquals(4, frames.size(), "3008 bytes of UDP in fragments of up to 984: " + frames);
        for (TransmittedFrame f : frames) {
            assertTrue(f.bytes().length <= MTU, "a fragment within the MTU: " + f.bytes().length);
        }
    }
}
