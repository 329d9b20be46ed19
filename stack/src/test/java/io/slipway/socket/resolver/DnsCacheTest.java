package io.slipway.socket.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.socket.Addresses;
import io.slipway.socket.dns.DnsName;
import io.slipway.socket.dns.DnsType;
import io.slipway.socket.dns.RData;
import io.slipway.socket.dns.ResourceRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cache's rules (RFC 1035 §7.4, RFC 2181 §5.2 and §5.4.1, RFC 2308 §5), on a clock the test
 * sets: what is kept, for how long, what replaces what, and what is forgotten when it is full.
 */
class DnsCacheTest {
    private static final long S = 1_000_000_000L;
    private static final DnsName WWW = DnsName.parse("www.example.test");
    private static final DnsName ZONE = DnsName.parse("example.test");

    private final DnsCache cache = new DnsCache(64, 7 * 24 * 3600, 3 * 3600);

    private static ResourceRecord a(DnsName name, long ttl, String address) {
        return ResourceRecord.in(name, ttl, new RData.A(Addresses.parse(address)));
    }

    private static ResourceRecord soa(long ttl, long minimum) {
        return ResourceRecord.in(ZONE, ttl, new RData.Soa(ZONE.child("ns"), ZONE.child("hostmaster"), 1, 3600, 600,
                86400, minimum));
    }

    private static List<Integer> addresses(List<ResourceRecord> records) {
        return records.stream().map(r -> ((RData.A) r.data()).address()).toList();
    }

    private static List<Long> ttls(List<ResourceRecord> records) {
        return records.stream().map(ResourceRecord::ttl).toList();
    }

    // ---------------------------------------------------------------- TTLs

    @Test
    void shouldKeepAnRrsetForTheSmallestTtlInIt() {
        cache.put(List.of(a(WWW, 300, "10.0.0.1"), a(WWW, 100, "10.0.0.2")), Trust.ANSWER, 0);

        assertEquals(List.of(100L, 100L), ttls(cache.get(WWW, DnsType.A, 0)), "RFC 2181 §5.2: the least");
        assertEquals(List.of(1L, 1L), ttls(cache.get(WWW, DnsType.A, 99 * S)));
        assertNull(cache.get(WWW, DnsType.A, 100 * S), "gone once the smallest TTL is up");
    }

    @Test
    void shouldHandOutTheTimeLeftAsTheTtl() {
        cache.put(List.of(a(WWW, 300, "10.0.0.1")), Trust.ANSWER, 5 * S);

        List<ResourceRecord> later = cache.get(WWW, DnsType.A, 105 * S);

        assertEquals(List.of(200L), ttls(later));
        assertEquals(List.of(Addresses.parse("10.0.0.1")), addresses(later));
        assertEquals(WWW, later.get(0).name());
    }

    @Test
    void shouldNeverHandOutMoreTtlThanIsLeft() {
        cache.put(List.of(a(WWW, 10, "10.0.0.1")), Trust.ANSWER, 0);

        long ttl = cache.get(WWW, DnsType.A, 9 * S + S / 2).get(0).ttl();

        assertTrue(ttl <= 1, "half a second left is not more than one: " + ttl);
    }

    @Test
    void shouldCapTheTtlAtTheCachesMaximum() {
        DnsCache capped = new DnsCache(8, 60, 3600);
        capped.put(List.of(a(WWW, 86400, "10.0.0.1")), Trust.ANSWER, 0);

        assertEquals(List.of(60L), ttls(capped.get(WWW, DnsType.A, 0)));
        assertNotNull(capped.get(WWW, DnsType.A, 59 * S));
        assertNull(capped.get(WWW, DnsType.A, 60 * S));
    }

    @Test
    void shouldNotCacheARecordWithTtlZero() {
        cache.put(List.of(a(WWW, 0, "10.0.0.1")), Trust.AUTHORITATIVE_ANSWER, 0);
        cache.put(List.of(a(ZONE, 300, "10.0.0.2"), a(ZONE, 0, "10.0.0.3")), Trust.AUTHORITATIVE_ANSWER, 0);

        assertNull(cache.get(WWW, DnsType.A, 0), "RFC 1035 §3.2.1: TTL 0 is for this transaction only");
        assertNull(cache.get(ZONE, DnsType.A, 0), "a set whose smallest TTL is 0 lives for 0 seconds");
        assertEquals(0, cache.size());
    }

    @Test
    void shouldKeepTypesApart() {
        cache.put(List.of(a(WWW, 300, "10.0.0.1")), Trust.ANSWER, 0);

        assertNull(cache.get(WWW, DnsType.MX, 0));
        assertNull(cache.get(WWW, DnsType.AAAA, 0));
        assertNotNull(cache.get(WWW, DnsType.A, 0));
    }

    @Test
    void shouldFindANameInAnyCase() {
        cache.put(List.of(a(DnsName.parse("WWW.Example.TEST"), 300, "10.0.0.1")), Trust.ANSWER, 0);
        cache.putNegative(DnsName.parse("NoWhere.EXAMPLE.test"), DnsType.A, true, soa(3600, 300), 0);
        cache.putNegative(DnsName.parse("Mail.Example.Test"), DnsType.MX, false, soa(3600, 300), 0);

        assertNotNull(cache.get(DnsName.parse("www.example.test"), DnsType.A, 0));
        assertNotNull(cache.get(DnsName.parse("WWW.EXAMPLE.TEST."), DnsType.A, 0));
        assertTrue(cache.getNegative(DnsName.parse("nowhere.example.test"), DnsType.A, 0).nxdomain());
        assertFalse(cache.getNegative(DnsName.parse("MAIL.example.test"), DnsType.MX, 0).nxdomain());
    }

    @Test
    void shouldTakeRecordsOfOneSetWrittenInDifferentCase() {
        // RFC 4343: one owner name, however it is spelled; a server may echo the 0x20 mix.
        cache.put(List.of(a(DnsName.parse("www.example.test"), 300, "10.0.0.1"),
                a(DnsName.parse("WWW.example.test"), 300, "10.0.0.2")), Trust.ANSWER, 0);

        assertEquals(2, cache.get(WWW, DnsType.A, 0).size());
    }

    // ---------------------------------------------------------------- size

    @Test
    void shouldForgetTheEntryUsedLeastRecentlyWhenFull() {
        DnsCache small = new DnsCache(2, 3600, 3600);
        DnsName a = DnsName.parse("a.test");
        DnsName b = DnsName.parse("b.test");
        DnsName c = DnsName.parse("c.test");
        small.put(List.of(a(a, 300, "10.0.0.1")), Trust.ANSWER, 0);
        small.put(List.of(a(b, 300, "10.0.0.2")), Trust.ANSWER, 0);
        assertNotNull(small.get(a, DnsType.A, S)); // a is now the most recently used

        small.put(List.of(a(c, 300, "10.0.0.3")), Trust.ANSWER, 2 * S);

        assertEquals(2, small.size());
        assertNull(small.get(b, DnsType.A, 2 * S), "b was used least recently");
        assertNotNull(small.get(a, DnsType.A, 2 * S));
        assertNotNull(small.get(c, DnsType.A, 2 * S));
    }

    @Test
    void shouldCountNegativeEntriesAgainstTheBound() {
        DnsCache small = new DnsCache(3, 3600, 3600);
        for (int i = 0; i < 10; i++) {
            small.putNegative(DnsName.parse("n" + i + ".example.test"), DnsType.A, true, soa(3600, 300), i * S);
            small.put(List.of(a(DnsName.parse("p" + i + ".example.test"), 300, "10.0.0.1")), Trust.ANSWER, i * S);
            assertTrue(small.size() <= 3, "size " + small.size());
        }
        assertNotNull(small.get(DnsName.parse("p9.example.test"), DnsType.A, 10 * S));
        assertNotNull(small.getNegative(DnsName.parse("n9.example.test"), DnsType.A, 10 * S));
        assertNull(small.getNegative(DnsName.parse("n0.example.test"), DnsType.A, 10 * S));
    }

    // ---------------------------------------------------------------- negative answers

    @Test
    void shouldSayANameDoesNotExistForEveryType() {
        DnsName gone = DnsName.parse("gone.example.test");
        cache.putNegative(gone, DnsType.A, true, soa(3600, 300), 0);

        for (int type : new int[] {DnsType.A, DnsType.MX, DnsType.TXT, DnsType.AAAA, DnsType.CNAME}) {
            DnsCache.Negative n = cache.getNegative(gone, type, 0);
            assertNotNull(n, DnsType.name(type));
            assertTrue(n.nxdomain(), DnsType.name(type));
        }
        assertNull(cache.get(gone, DnsType.A, 0), "a negative entry is no RRset");
    }

    @Test
    void shouldForgetThatANameDoesNotExistWhenRecordsForItArrive() {
        DnsName back = DnsName.parse("back.example.test");
        cache.putNegative(back, DnsType.A, true, soa(3600, 300), 0);

        cache.put(List.of(a(back, 300, "10.0.0.7")), Trust.AUTHORITATIVE_ANSWER, S);

        assertNotNull(cache.get(back, DnsType.A, S));
        assertNull(cache.getNegative(back, DnsType.MX, S), "the name exists after all");
        assertNull(cache.getNegative(back, DnsType.A, S));
    }

    @Test
    void shouldKeepNoDataPerType() {
        cache.putNegative(WWW, DnsType.MX, false, soa(3600, 300), 0);

        DnsCache.Negative mx = cache.getNegative(WWW, DnsType.MX, 0);
        assertNotNull(mx);
        assertFalse(mx.nxdomain());
        assertNull(cache.getNegative(WWW, DnsType.A, 0), "NODATA for MX says nothing about A");
        assertNull(cache.getNegative(WWW, DnsType.TXT, 0));
    }

    @Test
    void shouldKeepANegativeAnswerForTheSoaMinimumWhenItIsSmaller() {
        cache.putNegative(WWW, DnsType.MX, false, soa(3600, 60), 0);

        assertNotNull(cache.getNegative(WWW, DnsType.MX, 59 * S));
        assertNull(cache.getNegative(WWW, DnsType.MX, 60 * S), "RFC 2308 §5: min(SOA TTL, MINIMUM)");
    }

    @Test
    void shouldKeepANegativeAnswerForTheSoaTtlWhenItIsSmaller() {
        DnsName gone = DnsName.parse("gone.example.test");
        cache.putNegative(gone, DnsType.A, true, soa(30, 600), 0);

        assertNotNull(cache.getNegative(gone, DnsType.A, 29 * S));
        assertNull(cache.getNegative(gone, DnsType.A, 30 * S));
    }

    @Test
    void shouldCapNegativeAnswersAtTheNegativeMaximum() {
        DnsCache capped = new DnsCache(8, 86400, 10);
        capped.putNegative(WWW, DnsType.MX, false, soa(86400, 86400), 0);

        assertNotNull(capped.getNegative(WWW, DnsType.MX, 9 * S));
        assertNull(capped.getNegative(WWW, DnsType.MX, 10 * S));
    }

    @Test
    void shouldHandOutTheNegativeAnswersSoaWithTheTimeLeft() {
        cache.putNegative(WWW, DnsType.MX, false, soa(3600, 300), 0);

        ResourceRecord s = cache.getNegative(WWW, DnsType.MX, 100 * S).soa();

        assertEquals(DnsType.SOA, s.type());
        assertEquals(200, s.ttl());
    }

    @Test
    void shouldNotCacheANegativeAnswerWithoutAnSoa() {
        cache.putNegative(WWW, DnsType.MX, false, null, 0);
        cache.putNegative(DnsName.parse("gone.example.test"), DnsType.A, true, null, 0);

        assertNull(cache.getNegative(WWW, DnsType.MX, 0));
        assertNull(cache.getNegative(DnsName.parse("gone.example.test"), DnsType.A, 0));
        assertEquals(0, cache.size());
    }

    @Test
    void shouldNotCacheANegativeAnswerWhoseSoaMinimumIsZero() {
        cache.putNegative(WWW, DnsType.MX, false, soa(3600, 0), 0);

        assertNull(cache.getNegative(WWW, DnsType.MX, 0));
    }

    // ---------------------------------------------------------------- trust

    @Test
    void shouldNotLetGlueReplaceALiveAuthoritativeAnswer() {
        cache.put(List.of(a(WWW, 300, "10.0.0.1")), Trust.AUTHORITATIVE_ANSWER, 0);

        cache.put(List.of(a(WWW, 86400, "6.6.6.6")), Trust.ADDITIONAL, S);
        cache.put(List.of(a(WWW, 86400, "6.6.6.7")), Trust.AUTHORITY, S);
        cache.put(List.of(a(WWW, 86400, "6.6.6.8")), Trust.ANSWER, S);

        List<ResourceRecord> r = cache.get(WWW, DnsType.A, 2 * S);
        assertEquals(List.of(Addresses.parse("10.0.0.1")), addresses(r));
        assertEquals(List.of(298L), ttls(r), "and its TTL is not stretched either");
    }

    @Test
    void shouldLetAnAuthoritativeAnswerReplaceGlue() {
        cache.put(List.of(a(WWW, 86400, "10.0.0.9")), Trust.ADDITIONAL, 0);

        cache.put(List.of(a(WWW, 300, "10.0.0.1")), Trust.AUTHORITATIVE_ANSWER, S);

        assertEquals(List.of(Addresses.parse("10.0.0.1")), addresses(cache.get(WWW, DnsType.A, S)));
    }

    @Test
    void shouldReplaceExpiredDataWhateverItsTrust() {
        cache.put(List.of(a(WWW, 10, "10.0.0.1")), Trust.AUTHORITATIVE_ANSWER, 0);

        cache.put(List.of(a(WWW, 300, "10.0.0.2")), Trust.ADDITIONAL, 10 * S);

        assertEquals(List.of(Addresses.parse("10.0.0.2")), addresses(cache.get(WWW, DnsType.A, 11 * S)));
    }

    @Test
    void shouldForgetEverythingOnClear() {
        cache.put(List.of(a(WWW, 300, "10.0.0.1")), Trust.ANSWER, 0);
        cache.putNegative(ZONE, DnsType.MX, false, soa(3600, 300), 0);

        cache.clear();

        assertEquals(0, cache.size());
        assertNull(cache.get(WWW, DnsType.A, 0));
        assertNull(cache.getNegative(ZONE, DnsType.MX, 0));
    }
}
