package io.slipway.udp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.slipway.ip.Ipv4Address;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * The UDP header against datagrams the Linux kernel wrote. Captured on Linux 6.18 by reading a
 * TUN device (no checksum offload, so the kernel computed the checksum itself) while a Python
 * socket bound to 10.99.0.1:40000 sent {@code "slipway"} to 10.99.0.2:53 and an empty datagram to
 * 10.99.0.2:9.
 */
class UdpHeaderTest {
    private static final byte[] LINUX_SLIPWAY = HexFormat.of().parseHex(
            "450000231db440004011084e0a6300010a630002" + "9c400035000f8153" + "736c6970776179");
    private static final byte[] LINUX_EMPTY = HexFormat.of().parseHex(
            "4500001c1db54000401108540a6300010a630002" + "9c40000900084ecc");
    private static final int SOURCE = Ipv4Address.parse("10.99.0.1");
    private static final int DESTINATION = Ipv4Address.parse("10.99.0.2");

    private final UdpHeader header = new UdpHeader();

    @Test
    void shouldReadADatagramLinuxSent() {
        UdpHeader h = header.wrap(LINUX_SLIPWAY, 20, LINUX_SLIPWAY.length - 20);
        assertNull(h.check(SOURCE, DESTINATION));
        assertEquals(40000, h.sourcePort());
        assertEquals(53, h.destinationPort());
        assertEquals(15, h.length());
        assertEquals(0x8153, h.checksum());
        assertEquals(7, h.payloadLength());
        assertEquals("slipway", new String(LINUX_SLIPWAY, h.payloadOffset(), h.payloadLength()));
    }

    @Test
    void shouldWriteTheBytesLinuxWrote() {
        for (byte[] linux : new byte[][] {LINUX_SLIPWAY, LINUX_EMPTY}) {
            byte[] ours = Arrays.copyOfRange(linux, 20, linux.length);
            Arrays.fill(ours, 0, 8, (byte) 0);
            header.wrap(ours, 0, ours.length).write(40000, linux == LINUX_SLIPWAY ? 53 : 9, ours.length - 8, SOURCE,
                    DESTINATION);
            assertArrayEquals(Arrays.copyOfRange(linux, 20, linux.length), ours);
        }
    }

    @Test
    void shouldSendAComputedZeroChecksumAsAllOnes() {
        // RFC 768: zero means "no checksum", so a sum that comes out zero is sent as 0xFFFF.
        byte[] d = new byte[10];
        int source = 0;
        int destination = 0;
        // Choose the data so that the checksum computes to zero: find it by trying.
        for (int v = 0; v <= 0xFFFF; v++) {
            d[8] = (byte) (v >>> 8);
            d[9] = (byte) v;
            header.wrap(d, 0, 10).write(1, 2, 2, source, destination);
            if (header.checksum() == 0xFFFF) {
                assertNull(header.check(source, destination), "0xFFFF verifies as the one's complement zero");
                return;
            }
        }
        throw new AssertionError("no data made the checksum zero");
    }

    @Test
    void shouldAcceptAZeroChecksumAsNone() {
        byte[] d = Arrays.copyOfRange(LINUX_SLIPWAY, 20, LINUX_SLIPWAY.length);
        d[6] = 0;
        d[7] = 0;
        d[8] ^= 0x55; // the data is wrong too, but nobody said what it should be
        assertNull(header.wrap(d, 0, d.length).check(SOURCE, DESTINATION));
    }

    @Test
    void shouldRefuseABadChecksum() {
        byte[] d = Arrays.copyOfRange(LINUX_SLIPWAY, 20, LINUX_SLIPWAY.length);
        d[10] ^= 1;
        assertEquals(UdpEvent.DROP_BAD_CHECKSUM, header.wrap(d, 0, d.length).check(SOURCE, DESTINATION));
        assertEquals(UdpEvent.DROP_BAD_CHECKSUM, header.wrap(LINUX_SLIPWAY, 20, 15).check(SOURCE, SOURCE),
                "the pseudo-header's addresses are covered");
    }

    @Test
    void shouldRefuseLengthsThatDoNotFit() {
        byte[] d = Arrays.copyOfRange(LINUX_SLIPWAY, 20, LINUX_SLIPWAY.length);
        assertEquals(UdpEvent.DROP_TRUNCATED, header.wrap(d, 0, 7).check(SOURCE, DESTINATION));
        assertEquals(UdpEvent.DROP_BAD_LENGTH, header.wrap(d, 0, 14).check(SOURCE, DESTINATION), "length 15 > 14");
        d[4] = 0;
        d[5] = 7;
        assertEquals(UdpEvent.DROP_BAD_LENGTH, header.wrap(d, 0, d.length).check(SOURCE, DESTINATION), "length 7 < 8");
    }

    @Test
    void shouldIgnoreBytesAfterTheUdpLength() {
        byte[] padded = Arrays.copyOf(LINUX_SLIPWAY, LINUX_SLIPWAY.length + 5);
        UdpHeader h = header.wrap(padded, 20, padded.length - 20);
        assertNull(h.check(SOURCE, DESTINATION));
        assertEquals(7, h.payloadLength());
    }
}
