package io.slipway.app.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slipway.socket.dns.ResourceRecord;
import org.junit.jupiter.api.Test;

/** TTLs as BIND reads them (checked against named-checkzone 9.18). */
class TtlTextTest {
    private static long ttl(String text) {
        return TtlText.parse(text, "TTL", ResourceRecord.MAX_TTL);
    }

    @Test
    void shouldReadPlainSeconds() {
        assertEquals(0, ttl("0"));
        assertEquals(3600, ttl("3600"));
        assertEquals(2_147_483_647L, ttl("2147483647"));
    }

    @Test
    void shouldReadEachUnitInEitherCase() {
        assertEquals(45, ttl("45s"));
        assertEquals(1800, ttl("30m"));
        assertEquals(3600, ttl("1h"));
        assertEquals(3600, ttl("1H"));
        assertEquals(172_800, ttl("2d"));
        assertEquals(604_800, ttl("1W"));
    }

    @Test
    void shouldAddUpSeveralUnitsInAnyOrder() {
        assertEquals(5400, ttl("1h30m"));
        assertEquals(5400, ttl("30m1h"));
        assertEquals(777_600, ttl("1w2d"));
        assertEquals(7200, ttl("1h1h"), "BIND adds a repeated unit");
    }

    @Test
    void shouldRejectANumberLeftWithoutUnitAfterUnits() {
        var e = assertThrows(IllegalArgumentException.class, () -> ttl("1h30"));
        assertEquals("bad TTL: 1h30 (seconds, or numbers with units w d h m s as in 1h30m)", e.getMessage());
    }

    @Test
    void shouldRejectUnknownUnitsAndUnitsWithoutNumbers() {
        assertThrows(IllegalArgumentException.class, () -> ttl("1y"));
        assertThrows(IllegalArgumentException.class, () -> ttl("h"));
        assertThrows(IllegalArgumentException.class, () -> ttl("1hm"));
        assertThrows(IllegalArgumentException.class, () -> ttl(""));
        assertThrows(IllegalArgumentException.class, () -> ttl("-1"));
    }

    @Test
    void shouldRejectATtlAboveTwoToTheThirtyOneMinusOne() {
        var e = assertThrows(IllegalArgumentException.class, () -> ttl("2147483648"));
        assertEquals("TTL must be at most 2147483647 (RFC 2181 §8): 2147483648", e.getMessage());
    }

    @Test
    void shouldRejectHugeNumbersWithoutOverflowing() {
        assertThrows(IllegalArgumentException.class, () -> ttl("99999999999999999999999"));
        assertThrows(IllegalArgumentException.class, () -> ttl("9999999999w"));
        assertEquals(TtlText.MAX_U32, TtlText.parse("4294967295", "SOA EXPIRE", TtlText.MAX_U32));
    }
}
