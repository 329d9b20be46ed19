package io.slipway.tcp;

import static io.slipway.tcp.TcpScript.ACK;
import static io.slipway.tcp.TcpScript.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slipway.base.Bytes;
import io.slipway.hal.mock.TransmittedFrame;
import io.slipway.socket.ConnectionRefusedException;
import io.slipway.socket.HostUnreachableException;
import io.slipway.testing.Ipv4Packets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** ICMP errors about our segments (RFC 1122 §4.2.3.9; RFC 5927 §4.1 for their validation). */
class TcpIcmpErrorTest {
    private static final int DESTINATION_UNREACHABLE = 3;
    private static final int HOST_UNREACHABLE = 1;
    private static final int PORT_UNREACHABLE = 3;

    /** An ICMP error from the peer quoting {@code original}'s IP header and first 8 bytes of TCP. */
    private static byte[] icmpError(int type, int code, byte[] original) {
        byte[] quoted = Arrays.copyOf(original, 28);
        return Ipv4Packets.ipv4(TcpScript.PEER, TcpScript.US, 1, 64, 0x3000, 0,
                Ipv4Packets.icmp(type, code, 0, quoted));
    }

    /** Connects and returns the SYN as it went on the wire. */
    private static byte[] connect(TcpScript s) throws Exception {
        s.fd = s.sockets.socket(io.slipway.socket.SocketType.STREAM);
        s.sockets.setBlocking(s.fd, false);
        s.peerPort = 80;
        s.sockets.connect(s.fd, TcpScript.PEER_ADDRESS, 80);
        s.poll();
        TransmittedFrame syn = s.line.transmittedFrames().get(0);
        TcpScript.Out decoded = s.next();
        s.localPort = decoded.sourcePort();
        s.iss = decoded.seq();
        return syn.bytes();
    }

    @Test
    void shouldRefuseTheConnectionOnPortUnreachableInSynSent() throws Exception {
        TcpScript s = new TcpScript();
        byte[] syn = connect(s);

        s.line.script(icmpError(DESTINATION_UNREACHABLE, PORT_UNREACHABLE, syn));
        s.poll();

        assertEquals(TcpState.CLOSED, s.state());
        assertThrows(ConnectionRefusedException.class, () -> s.sockets.awaitConnected(s.fd, 1));
        s.advanceTo(10_000);
        s.expectNothing(); // no more SYNs
    }

    @Test
    void shouldIgnoreAPortUnreachableQuotingASequenceNumberWeNeverSent() throws Exception {
        // RFC 5927 §4.1: an ICMP error is acted on only if the quoted SEQ is within SND.UNA..SND.NXT;
        // else anyone who can guess the ports can abort a connection being opened.
        TcpScript s = new TcpScript();
        byte[] syn = connect(s);
        byte[] forged = syn.clone();
        Bytes.put32(forged, 24, s.iss + 1_000_000);

        s.line.script(icmpError(DESTINATION_UNREACHABLE, PORT_UNREACHABLE, forged));
        s.poll();

        assertEquals(TcpState.SYN_SENT, s.state());
    }

    @Test
    void shouldTreatHostUnreachableAsASoftErrorAndReportItIfTheConnectionThenTimesOut() throws Exception {
        TcpScript.Config c = new TcpScript.Config();
        c.dataRetries = 2;
        TcpScript s = new TcpScript(c.build());
        s.establish();
        int snd = s.iss + 1;
        int rcv = s.irs + 1;
        s.send(bytes(100));
        TransmittedFrame data = s.line.transmittedFrames().get(0);
        s.expect(ACK, snd, rcv, 100);

        s.line.script(icmpError(DESTINATION_UNREACHABLE, HOST_UNREACHABLE, data.bytes()));
        s.poll();
        assertEquals(TcpState.ESTABLISHED, s.state(), "RFC 1122 §4.2.3.9: not a reason to abort");

        s.advanceTo(60_000); // two retransmissions, then the limit

        assertEquals(TcpState.CLOSED, s.state());
        assertThrows(HostUnreachableException.class, () -> s.recv(10));
    }

    @Test
    void shouldForgetASoftErrorOnceThePeerAnswers() throws Exception {
        TcpScript.Config c = new TcpScript.Config();
        c.dataRetries = 2;
        TcpScript s = new TcpScript(c.build());
        s.establish();
        int snd = s.iss + 1;
        int rcv = s.irs + 1;
        s.send(bytes(100));
        TransmittedFrame data = s.line.transmittedFrames().get(0);
        s.takeAll();
        s.line.script(icmpError(DESTINATION_UNREACHABLE, HOST_UNREACHABLE, data.bytes()));
        s.poll();
        s.in(ACK, rcv, snd + 100, 65535);

        s.send(bytes(100));
        s.advanceTo(60_000);

        assertEquals(TcpState.CLOSED, s.state());
        assertThrows(io.slipway.socket.TimedOutException.class, () -> s.recv(10));
    }
}
