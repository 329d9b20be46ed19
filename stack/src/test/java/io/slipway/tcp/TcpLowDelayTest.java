package io.slipway.tcp;

import static io.slipway.tcp.TcpScript.ACK;
import static io.slipway.tcp.TcpScript.OUR_MSS;
import static io.slipway.tcp.TcpScript.SYN;
import static io.slipway.tcp.TcpScript.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slipway.ip.Ipv4Header;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which segments TCP marks "minimize delay" (RFC 1349's type of service, which the LAN driver
 * sends ahead of bulk frames): those that take no sequence space (ACKs, window updates, SYN and
 * RST), and small segments while no full-size segment of the connection may still be on its way
 * — so that no segment overtakes an earlier one of its own connection in the driver's queue.
 */
class TcpLowDelayTest {
    private static final int LOW_DELAY = Ipv4Header.TOS_LOW_DELAY;
    private final TcpScript s = new TcpScript(new TcpScript.Config().build());

    @Test
    void shouldMarkTheSynAndThePureAckLowDelay() throws Exception {
        TcpScript.Out syn = s.connect(80);
        assertEquals(LOW_DELAY, syn.tos(), "SYN: " + syn);
        s.seg(SYN | ACK, s.irs, s.iss + 1).window(65535).mss(1460).send();

        assertEquals(LOW_DELAY, s.expectAck(s.iss + 1, s.irs + 1).tos());
    }

    @Test
    void shouldMarkASmallSegmentWithNothingInFlightLowDelayAndFullSegmentsBulk() throws Exception {
        s.establish();
        int snd = s.iss + 1;
        int rcv = s.irs + 1;

        s.send(bytes(0, 10)); // a keystroke
        assertEquals(LOW_DELAY, s.expect(ACK, snd, rcv, 10).tos());
        s.in(ACK, rcv, snd + 10, 65535);

        s.send(bytes(10, 3 * OUR_MSS));
        List<TcpScript.Out> bulk = s.takeAll();
        assertEquals(3, bulk.size());
        for (TcpScript.Out o : bulk) {
            assertEquals(0, o.tos(), "a full segment is bulk: " + o);
        }
    }

    @Test
    void shouldKeepASmallSegmentBulkWhileAFullSegmentOfItsConnectionMayBeAhead() throws Exception {
        s.establish();
        s.sockets.setNoDelay(s.fd, true);
        int snd = s.iss + 1;
        int rcv = s.irs + 1;

        s.send(bytes(0, OUR_MSS + 100)); // a full segment, then a small tail
        TcpScript.Out full = s.expect(ACK, snd, rcv, OUR_MSS);
        TcpScript.Out tail = s.expect(ACK, snd + OUR_MSS, rcv, 100);
        assertEquals(0, full.tos());
        assertEquals(0, tail.tos(), "the tail must not overtake the full segment");

        s.in(ACK, rcv, snd + OUR_MSS + 100, 65535); // all acknowledged: nothing bulk ahead any more
        s.send(bytes(0, 5));
        assertEquals(LOW_DELAY, s.expect(ACK, snd + OUR_MSS + 100, rcv, 5).tos());
    }
}
