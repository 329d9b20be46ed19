package io.slipway.ip;

import static io.slipway.ip.Packets.FLAG_DF;
import static io.slipway.ip.Packets.FLAG_MF;
import static io.slipway.ip.Packets.NO_OPTIONS;
import static io.slipway.ip.Packets.OPTIONS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.ManualClock;
import io.slipway.base.PacketBuffer;
import io.slipway.base.TimerQueue;
import io.slipway.hal.mock.Hex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fragmentation on the way out (RFC 791 §3.2, RFC 1812 §5.2.6 when forwarding), checked on the
 * wire through recording point-to-point links, and undone by a second IPv4 layer's reassembly.
 */
class Ipv4FragmentationTest {
    private static final int HOST = ip("192.0.2.1");
    private static final int PEER = ip("192.0.2.2");
    private static final int FAR = ip("198.51.100.9");
    private static final int ROUTER_IN = ip("192.0.2.254");
    private static final int ROUTER_OUT = ip("198.51.100.1");

    private final ManualClock clock = new ManualClock();
    private final TimerQueue timers = new TimerQueue(64);
    private final List<byte[]> delivered = new ArrayList<>();
    private final List<String> icmpErrors = new ArrayList<>();

    // ---------------------------------------------------------------- sending

    @Test
    void shouldFragmentAsLinuxDoes() {
        // Same datagram, same MTU as the Linux capture in Packets: the same three fragments.
        RecordingLink link = new RecordingLink("sl0", 576);
        Ipv4 host = new Ipv4(Ipv4Config.DEFAULT, timers, 0xa21f);
        host.addInterface(link, Ipv4Prefix.parse("192.0.2.1/24", 24), Ipv4Address.ANY, null);
        host.routes().addDefaultGateway(PEER);
        int localhost = ip("127.0.0.1");

        SendResult r = host.send(payload(Packets.linuxEcho()), localhost, localhost, IpProtocol.ICMP, 64, false, 0);

        assertEquals(SendResult.SENT, r);
        List<byte[]> sent = link.takeSent();
        assertEquals(3, sent.size());
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(Packets.linuxFragment(i), sent.get(i), "fragment " + i + ": " + Hex.of(sent.get(i)));
        }
    }

    @Test
    void shouldSplitIntoMultiplesOfEightWithOffsetsAndFlags() {
        RecordingLink link = new RecordingLink("sl0", 100);
        Ipv4 host = host(link, 0x0102);

        byte[] data = Packets.data(300, 1);
        assertEquals(SendResult.SENT, host.send(payload(data), HOST, FAR, IpProtocol.UDP, 0, false, 0));

        List<byte[]> sent = link.takeSent();
        // (100 - 20) rounded down to 8 = 80 data bytes a fragment: 80 + 80 + 80 + 60.
        int[] lengths = {80, 80, 80, 60};
        assertEquals(lengths.length, sent.size());
        int offset = 0;
        for (int i = 0; i < sent.size(); i++) {
            byte[] f = sent.get(i);
            Ipv4Header h = Packets.header(f);
            String what = "fragment " + i + ": " + Hex.of(f);
            assertEquals(null, h.check(), what);
            assertTrue(f.length <= 100, what);
            assertEquals(20 + lengths[i], h.totalLength(), what);
            assertEquals(offset, h.fragmentOffset(), what);
            assertEquals(i < sent.size() - 1, h.moreFragments(), what);
            assertEquals(0x0102, h.identification(), what);
            assertEquals(64, h.ttl(), what);
            assertTrue(i == sent.size() - 1 || h.payloadLength() % 8 == 0, what);
            assertArrayEquals(Arrays.copyOfRange(data, offset, offset + lengths[i]), Arrays.copyOfRange(f, 20, f.length));
            offset += lengths[i];
        }
        assertEquals(1, host.events().get(IpEvent.FRAGMENTED));
        assertEquals(4, host.events().get(IpEvent.FRAGMENTS_OUT));
    }

    @Test
    void shouldSendADatagramThatJustFitsWhole() {
        RecordingLink link = new RecordingLink("sl0", 100);
        Ipv4 host = host(link, 7);

        host.send(payload(Packets.data(80, 2)), HOST, FAR, IpProtocol.UDP, 0, false, 0);

        List<byte[]> sent = link.takeSent();
        assertEquals(1, sent.size());
        assertEquals(0, Packets.header(sent.get(0)).flagsAndOffset());
        assertEquals(0, host.events().get(IpEvent.FRAGMENTED));
    }

    @Test
    void shouldReassembleWhatItFragmentedByteForByte() {
        RecordingLink out = new RecordingLink("sl0", 100);
        Ipv4 sender = host(out, 0x5150);
        RecordingLink in = new RecordingLink("sl1", 100);
        Ipv4 receiver = receiver(in, FAR);
        byte[] data = Packets.data(1_000, 3);

        sender.send(payload(data), HOST, FAR, IpProtocol.UDP, 0, false, 0);
        List<byte[]> fragments = out.takeSent();
        Collections.reverse(fragments);
        for (byte[] f : fragments) {
            in.receive(f, 0);
        }

        assertEquals(1, delivered.size(), receiver.events().toString());
        byte[] got = delivered.get(0);
        assertArrayEquals(Packets.packet(0x5150, 0, 64, IpProtocol.UDP, HOST, FAR, NO_OPTIONS, data, 0, data.length), got);
        assertEquals(1, receiver.events().get(IpEvent.REASSEMBLED));
        assertEquals(fragments.size(), receiver.events().get(IpEvent.FRAGMENTS_IN));
        assertEquals(0, receiver.reassembler().slotsInUse());
    }

    @Test
    void shouldRefuseToFragmentWhatMayNotBeFragmented() {
        RecordingLink link = new RecordingLink("sl0", 100);
        Ipv4 host = host(link, 9);

        SendResult r = host.send(payload(Packets.data(81, 4)), HOST, FAR, IpProtocol.UDP, 0, true, 0);

        assertEquals(SendResult.FRAGMENTATION_NEEDED, r);
        assertEquals(List.of(), link.takeSent());
        assertEquals(1, host.events().get(IpEvent.DROP_FRAGMENTATION_NEEDED));
    }

    // ---------------------------------------------------------------- forwarding

    @Test
    void shouldCopyOnlyTheCopiedOptionsIntoLaterFragmentsWhenForwarding() {
        RecordingLink lan = new RecordingLink("sl0", 1500);
        RecordingLink wan = new RecordingLink("sl1", 296);
        Ipv4 router = router(lan, wan);
        byte[] data = Packets.data(700, 5);
        byte[] datagram = Packets.packet(0x1234, 0, 64, IpProtocol.UDP, HOST, FAR, OPTIONS, data, 0, data.length);

        lan.receive(datagram, 0);

        List<byte[]> sent = wan.takeSent();
        // First: 32-byte header, (296 - 32) & ~7 = 264 bytes; then 24-byte headers, 272 bytes.
        assertEquals(3, sent.size(), router.events().toString());
        int[] headerLengths = {32, 24, 24};
        int[] dataLengths = {264, 272, 164};
        int offset = 0;
        for (int i = 0; i < 3; i++) {
            byte[] f = sent.get(i);
            Ipv4Header h = Packets.header(f);
            String what = "fragment " + i + ": " + Hex.of(f);
            assertEquals(null, h.check(), what);
            assertEquals(headerLengths[i], h.headerLength(), what);
            assertEquals(headerLengths[i] + dataLengths[i], h.totalLength(), what);
            assertEquals(offset, h.fragmentOffset(), what);
            assertEquals(i < 2, h.moreFragments(), what);
            assertEquals(63, h.ttl(), what);
            assertArrayEquals(i == 0 ? OPTIONS : Packets.COPIED_OPTIONS, Arrays.copyOfRange(f, 20, headerLengths[i]),
                    what);
            offset += dataLengths[i];
        }
        assertEquals(1, router.events().get(IpEvent.FORWARDED));

        // The destination puts it back together: fragment zero's header (all options) and the data.
        RecordingLink farLink = new RecordingLink("sl2", 296);
        receiver(farLink, FAR);
        for (byte[] f : sent) {
            farLink.receive(f, 0);
        }
        assertEquals(1, delivered.size());
        assertArrayEquals(Packets.packet(0x1234, 0, 63, IpProtocol.UDP, HOST, FAR, OPTIONS, data, 0, data.length),
                delivered.get(0));
    }

    @Test
    void shouldKeepTheOffsetAndMoreFragmentsOfAFragmentItFragmentsAgain() {
        RecordingLink lan = new RecordingLink("sl0", 1500);
        RecordingLink wan = new RecordingLink("sl1", 296);
        router(lan, wan);
        byte[] data = Packets.data(2_000, 6);
        // A middle fragment (MF, at 1000) and the last one (at 1560) of a 2000-byte datagram.
        lan.receive(Packets.packet(77, FLAG_MF | 125, 64, IpProtocol.UDP, HOST, FAR, NO_OPTIONS, data, 1000, 560), 0);
        lan.receive(Packets.packet(77, 195, 64, IpProtocol.UDP, HOST, FAR, NO_OPTIONS, data, 1560, 440), 0);

        List<byte[]> sent = wan.takeSent();
        // (296 - 20) & ~7 = 272: 560 = 272 + 272 + 16, 440 = 272 + 168.
        int[] offsets = {1000, 1272, 1544, 1560, 1832};
        boolean[] more = {true, true, true, true, false};
        assertEquals(offsets.length, sent.size());
        for (int i = 0; i < sent.size(); i++) {
            Ipv4Header h = Packets.header(sent.get(i));
            assertEquals(offsets[i], h.fragmentOffset(), "fragment " + i);
            assertEquals(more[i], h.moreFragments(), "fragment " + i);
            assertTrue(Packets.checksumOk(sent.get(i), 0), "fragment " + i);
        }
    }

    @Test
    void shouldReportFragmentationNeededWhenForwardingWithDontFragment() {
        RecordingLink lan = new RecordingLink("sl0", 1500);
        RecordingLink wan = new RecordingLink("sl1", 296);
        Ipv4 router = router(lan, wan);
        byte[] data = Packets.data(300, 7);

        lan.receive(Packets.packet(5, FLAG_DF, 64, IpProtocol.UDP, HOST, FAR, NO_OPTIONS, data, 0, data.length), 0);

        assertEquals(List.of(), wan.takeSent());
        assertEquals(1, router.events().get(IpEvent.DROP_FRAGMENTATION_NEEDED));
        // RFC 1191 §4: type 3 code 4 with the next-hop MTU, about the datagram from its header on.
        assertEquals(List.of("3/4 extra 296 length 320 in sl0"), icmpErrors);
    }

    @Test
    void shouldNotForwardAFragmentThatReachesBeyond65535Bytes() {
        RecordingLink lan = new RecordingLink("sl0", 1500);
        RecordingLink wan = new RecordingLink("sl1", 296);
        Ipv4 router = router(lan, wan);
        byte[] data = Packets.data(600, 8);
        // Offset 8189 units (65 512 bytes) plus 600 bytes: no datagram is that long. Split, its
        // pieces' offsets would overflow the 13-bit field into the flags.
        lan.receive(Packets.packet(6, 8189, 64, IpProtocol.UDP, HOST, FAR, NO_OPTIONS, data, 0, data.length), 0);

        List<byte[]> sent = wan.takeSent();
        for (byte[] f : sent) {
            Ipv4Header h = Packets.header(f);
            assertTrue(h.fragmentOffset() >= 8189 * 8, "a piece claims offset " + h.fragmentOffset() + ": " + Hex.of(f));
        }
        assertEquals(List.of(), sent);
        assertEquals(1, router.events().get(IpEvent.DROP_TOO_BIG));
    }

    // ---------------------------------------------------------------- helpers

    /** A host on {@code link} (192.0.2.1/24), default gateway 192.0.2.2. */
    private Ipv4 host(RecordingLink link, int identificationSeed) {
        Ipv4 host = new Ipv4(Ipv4Config.DEFAULT, timers, identificationSeed);
        host.addInterface(link, new Ipv4Prefix(HOST, 24), Ipv4Address.ANY, null);
        host.routes().addDefaultGateway(PEER);
        return host;
    }

    /** A host at {@code address} on {@code link} that records every UDP datagram, header first. */
    private Ipv4 receiver(RecordingLink link, int address) {
        Ipv4 host = new Ipv4(Ipv4Config.DEFAULT, timers, 1);
        host.addInterface(link, new Ipv4Prefix(address, 24), Ipv4Address.ANY, null);
        host.register(IpProtocol.UDP, (h, payload, in, broadcast, now) ->
                delivered.add(Arrays.copyOfRange(h.data(), h.offset(), payload.end())));
        return host;
    }

    /** A router between 192.0.2.0/24 on {@code lan} and 198.51.100.0/24 on {@code wan}. */
    private Ipv4 router(RecordingLink lan, RecordingLink wan) {
        Ipv4 router = new Ipv4(Ipv4Config.DEFAULT, timers, 1);
        router.addInterface(lan, new Ipv4Prefix(ROUTER_IN, 24), Ipv4Address.ANY, null);
        router.addInterface(wan, new Ipv4Prefix(ROUTER_OUT, 24), Ipv4Address.ANY, null);
        router.setForwarding(true);
        router.setIcmpErrorSender((type, code, extra, original, offset, length, in, broadcast, now) ->
                icmpErrors.add(type + "/" + code + " extra " + extra + " length " + length + " in " + in.name()));
        return router;
    }

    /** {@code data} as a transport would hand it to IP: with headroom for the headers below. */
    private static PacketBuffer payload(byte[] data) {
        PacketBuffer b = PacketBuffer.standalone(Ipv4.HEADROOM + data.length, Ipv4.HEADROOM);
        b.append(data, 0, data.length);
        return b;
    }

    private static int ip(String text) {
        return Ipv4Address.parse(text);
    }
}
