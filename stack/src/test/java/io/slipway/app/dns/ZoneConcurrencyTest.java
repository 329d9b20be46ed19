package io.slipway.app.dns;

import static io.slipway.app.dns.ZoneFixtures.name;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slipway.socket.dns.DnsName;
import io.slipway.socket.dns.DnsType;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** A built zone is read-only: threads looking up at once get what one thread gets. */
class ZoneConcurrencyTest {
    private static final List<DnsName> NAMES = List.of(name("example.test."), name("www.example.test."),
            name("ftp.example.test."), name("lab.example.test."), name("nope.example.test."),
            name("www.sub.example.test."));
    private static final int[] TYPES = {DnsType.A, DnsType.MX, DnsType.NS, DnsType.ANY};

    private static List<ZoneAnswer> askAll(Zone zone) {
        List<ZoneAnswer> out = new ArrayList<>();
        for (DnsName n : NAMES) {
            for (int t : TYPES) {
                out.add(zone.lookup(n, t));
            }
        }
        return out;
    }

    @Test
    void shouldGiveEveryThreadTheSameAnswers() throws Exception {
        Zone zone = ZoneFixtures.example();
        List<ZoneAnswer> expected = askAll(zone);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 500; round++) {
                        if (!askAll(zone).equals(expected)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertEquals(true, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
