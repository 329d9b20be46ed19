package io.slipway.socket.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slipway.hal.mock.Hex;
import org.junit.jupiter.api.Test;

/** Reading the ID and flags of bytes too broken to decode, to answer them FORMERR (RFC 1035 §4.1.1). */
class DnsHeaderTest {
    @Test
    void shouldPeekTheIdOfAnyTwoBytes() {
        byte[] b = Hex.bytes("ee 8853 01");

        assertEquals(0x8853, DnsHeader.peekId(b, 1, 2));
        assertEquals(-1, DnsHeader.peekId(b, 1, 1));
        assertEquals(-1, DnsHeader.peekId(b, 0, 0));
    }

    @Test
    void shouldPeekTheFlagsWordOfAnyFourBytes() {
        byte[] b = Hex.bytes(DnsCaptures.DNSMASQ_AAAA_REFUSED);

        int flags = DnsHeader.peekFlags(b, 0, 4);

        assertEquals(0x8185, flags);
        assertEquals(DnsHeader.QR, flags & DnsHeader.QR);
        assertEquals(DnsHeader.RD | DnsHeader.RA, flags & (DnsHeader.RD | DnsHeader.RA | DnsHeader.AA));
        assertEquals(0, DnsHeader.opcode(flags));
        assertEquals(Rcode.REFUSED, DnsHeader.rcode(flags));
        assertEquals(-1, DnsHeader.peekFlags(b, 0, 3));
    }

    @Test
    void shouldTakeTheOpcodeFromItsFourBits() {
        assertEquals(15, DnsHeader.opcode(0x7800));
        assertEquals(4, DnsHeader.opcode(0xA000 | DnsHeader.RD));
    }

    @Test
    void shouldRejectARangeOutsideTheArray() {
        byte[] b = new byte[4];
        assertThrows(IndexOutOfBoundsException.class, () -> DnsHeader.peekId(b, 3, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> DnsHeader.peekFlags(b, -1, 4));
    }
}
