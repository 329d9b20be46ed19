package io.slipway.icmp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.slipway.hal.mock.Hex;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The ICMP header against fixed bytes: the echo request Linux 6.18 sent for
 * {@code ping -s 1200 -p a5} (captured with tcpdump; the same capture as the IPv4 tests use):
 * 8-byte echo header, 16-byte timestamp, then 0xa5 bytes, 1208 bytes in all.
 */
class IcmpHeaderTest {
    private static final String HEAD = "0800 7c54 275f 0001 0a9d 026b 0000 0000 3434 0400 0000 0000";

    private static byte[] linuxEcho() {
        byte[] head = Hex.bytes(HEAD);
        byte[] echo = Arrays.copyOf(head, 1208);
        Arrays.fill(echo, head.length, echo.length, (byte) 0xa5);
        return echo;
    }

    @Test
    void shouldParseLinuxEchoRequest() {
        byte[] m = linuxEcho();
        IcmpHeader h = new IcmpHeader().wrap(m, 0, m.length);

        assertNull(h.check());
        assertEquals(8, h.type());
        assertEquals(0, h.code());
        assertEquals(0x7c54, h.checksum());
        assertEquals(0x275f, h.identifier());
        assertEquals(1, h.sequence());
        assertEquals(8, h.dataOffset());
        assertEquals(1200, h.dataLength());
    }

    @Test
    void shouldWriteTheSameBytesLinuxWrote() {
        byte[] expected = linuxEcho();
        byte[] m = expected.clone();
        Arrays.fill(m, 0, 8, (byte) 0);

        IcmpHeader h = new IcmpHeader().wrap(m, 0, m.length);
        h.write(8, 0, (0x275f << 16) | 1);
        h.updateChecksum();

        assertArrayEquals(expected, m);
    }

    @Test
    void shouldTurnTheRequestIntoItsReplyWithTheChecksumMovedByTheTypeAlone() {
        byte[] m = linuxEcho();
        IcmpHeader h = new IcmpHeader().wrap(m, 0, m.length);

        h.setType(0);
        h.updateChecksum();

        // One's complement arithmetic (RFC 1624): the type word fell by 0x0800, the checksum rises by it.
        assertEquals(0x7c54 + 0x0800, h.checksum());
        assertNull(h.check());
    }

    @Test
    void shouldRejectShortAndCorruptMessages() {
        byte[] m = linuxEcho();
        assertEquals(IcmpEvent.DROP_TRUNCATED, new IcmpHeader().wrap(m, 0, 7).check());
        m[100] ^= 0x01;
        assertEquals(IcmpEvent.DROP_BAD_CHECKSUM, new IcmpHeader().wrap(m, 0, m.length).check());
    }
}
