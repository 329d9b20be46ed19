package io.slipway.socket.dns;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** DnsName (RFC 1035 §2.3.4, §3.1, §5.1; RFC 4343): text form, limits, equality, ancestry. */
class DnsNameTest {
    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void shouldParseTheSameNameWithAndWithoutTheTrailingDot() {
        DnsName n = DnsName.parse("www.example.test");

        assertEquals(n, DnsName.parse("www.example.test."));
        assertEquals(3, n.labelCount());
        assertEquals("www", n.labelText(0));
        assertEquals("test", n.labelText(2));
        assertEquals("www.example.test.", n.toString());
        assertEquals(18, n.wireLength());
    }

    @Test
    void shouldParseTheRootFromADotOrNothing() {
        assertSame(DnsName.ROOT, DnsName.parse("."));
        assertSame(DnsName.ROOT, DnsName.parse(""));
        assertTrue(DnsName.ROOT.isRoot());
        assertEquals(".", DnsName.ROOT.toString());
        assertEquals(1, DnsName.ROOT.wireLength());
    }

    @Test
    void shouldReadEscapesAndWriteThemBack() {
        DnsName n = DnsName.parse("a\\.b.c\\\\d.\\032\\255");

        assertArrayEquals(ascii("a.b"), n.label(0));
        assertArrayEquals(ascii("c\\d"), n.label(1));
        assertArrayEquals(new byte[] {0x20, (byte) 0xFF}, n.label(2));
        assertEquals("a\\.b.c\\\\d.\\032\\255.", n.toString());
        assertEquals(n, DnsName.parse(n.toString()));
    }

    @Test
    void shouldRejectEmptyLabelsAndBadEscapes() {
        for (String bad : new String[] {"a..b", ".a", "a\\", "a\\25", "a\\256", "a\\2x5"}) {
            assertThrows(IllegalArgumentException.class, () -> DnsName.parse(bad), bad);
        }
    }

    @Test
    void shouldRejectCharactersBeyondOneOctetEscapedOrNot() {
        assertThrows(IllegalArgumentException.class, () -> DnsName.parse("caf\u0100"));
        // An escaped one was once cut to its low byte (\u0100 to \000).
        assertThrows(IllegalArgumentException.class, () -> DnsName.parse("caf\\\u0100"));
        // \DDD takes ASCII digits only: these are Arabic-Indic one, two, three.
        assertThrows(IllegalArgumentException.class, () -> DnsName.parse("a\\\u0661\u0662\u0663"));
    }

    @Test
    void shouldHoldLabelsOf63BytesAndNamesOf255AndNoMore() {
        String l63 = "x".repeat(63);
        assertEquals(64 + 1, DnsName.parse(l63).wireLength());
        assertThrows(IllegalArgumentException.class, () -> DnsName.parse(l63 + "x"));

        String n255 = l63 + "." + l63 + "." + l63 + "." + "y".repeat(61);
        assertEquals(255, DnsName.parse(n255).wireLength());
        assertThrows(IllegalArgumentException.class, () -> DnsName.parse(n255 + "y"));
        assertThrows(IllegalArgumentException.class, () -> DnsName.parse("z." + n255));
        assertThrows(IllegalArgumentException.class, () -> DnsName.of(new byte[0]));
    }

    @Test
    void shouldCompareIgnoringAsciiCaseOnly() {
        DnsName lower = DnsName.parse("www.example.test");
        DnsName mixed = DnsName.parse("WWW.Example.TEST");

        assertEquals(lower, mixed);
        assertEquals(lower.hashCode(), mixed.hashCode());
        assertEquals("WWW.Example.TEST.", mixed.toString());
        assertEquals(lower.toString(), mixed.toLowerCase().toString());
        // RFC 4343 §3: octets above 127 are compared as they are.
        assertNotEquals(DnsName.parse("\\201"), DnsName.parse("\\233"));
        assertNotEquals(lower, DnsName.parse("www.example.tes"));
        assertNotEquals(lower, DnsName.parse("example.test"));
    }

    @Test
    void shouldKnowItsAncestors() {
        DnsName www = DnsName.parse("www.Example.test");
        DnsName zone = DnsName.parse("example.TEST");

        assertTrue(www.isSubdomainOf(zone));
        assertTrue(www.isSubdomainOf(www));
        assertTrue(www.isSubdomainOf(DnsName.ROOT));
        assertFalse(zone.isSubdomainOf(www));
        assertFalse(www.isSubdomainOf(DnsName.parse("ample.test")));
        assertEquals(zone, www.parent());
        assertEquals(DnsName.parse("test"), www.suffix(1));
        assertEquals(2, www.commonSuffixLabels(DnsName.parse("mail.example.test")));
        assertEquals(www, zone.child("www"));
        assertEquals(www, DnsName.concat(DnsName.parse("www"), zone));
    }

    @Test
    void shouldPrependDecodedLabelsToATailWithinTheLimit() {
        DnsName tail = DnsName.parse("example.test");
        List<byte[]> labels = new ArrayList<>(List.of(ascii("a"), ascii("www")));

        assertEquals(DnsName.parse("a.www.example.test"), DnsName.prepend(labels, tail));
        assertSame(tail, DnsName.prepend(List.of(), tail));

        DnsName long193 = DnsName.parse("a".repeat(63) + "." + "b".repeat(63) + "." + "c".repeat(63));
        assertThrows(IllegalArgumentException.class, () -> DnsName.prepend(List.of(ascii("d".repeat(63))), long193));
    }
}
