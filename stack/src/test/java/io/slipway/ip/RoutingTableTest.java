package io.slipway.ip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.TimerQueue;
import org.junit.jupiter.api.Test;

/** Longest-prefix match (RFC 1812 §5.2.4.3) over a bounded table. */
class RoutingTableTest {
    private final IpInterface eth0 = new IpInterface(0, new RecordingLink("eth0", 1500),
            Ipv4Prefix.parse("192.0.2.1/24", 24), Ipv4Address.ANY, null);
    private final IpInterface sl0 = new IpInterface(1, new RecordingLink("sl0", 1006),
            Ipv4Prefix.parse("10.77.0.1/32", 32), Ipv4Address.parse("10.77.0.2"), null);
    private final RoutingTable table = new RoutingTable(8);

    @Test
    void shouldFindNothingInAnEmptyTable() {
        assertNull(table.lookup(ip("192.0.2.9")));
        assertEquals(0, table.size());
    }

    @Test
    void shouldPreferTheLongestMatchingPrefix() {
        Route wide = route("10.0.0.0", 8, "192.0.2.254", eth0);
        Route narrow = route("10.77.0.0", 16, "10.77.0.2", sl0);
        Route host = route("10.77.5.5", 32, "192.0.2.253", eth0);
        table.add(wide);
        table.add(host);
        table.add(narrow);

        assertSame(narrow, table.lookup(ip("10.77.1.1")));
        assertSame(host, table.lookup(ip("10.77.5.5")));
        assertSame(wide, table.lookup(ip("10.1.2.3")));
        assertNull(table.lookup(ip("11.0.0.1")));
    }

    @Test
    void shouldTakeTheFirstAddedAmongEqualLengths() {
        Route first = route("10.0.0.0", 8, "192.0.2.254", eth0);
        Route second = route("10.0.0.0", 8, "192.0.2.253", eth0);
        table.add(first);
        table.add(second);

        assertSame(first, table.lookup(ip("10.9.9.9")));
    }

    @Test
    void shouldMaskTheDestinationOfARoute() {
        Route r = route("10.77.3.9", 16, "10.77.0.2", sl0);

        assertEquals(ip("10.77.0.0"), r.destination());
        assertTrue(r.matches(ip("10.77.200.1")));
    }

    @Test
    void shouldRouteEverythingElseViaTheDefaultGateway() {
        Route connected = route("192.0.2.0", 24, "0.0.0.0", eth0);
        table.add(connected);
        Route viaGateway = table.addDefaultGateway(ip("192.0.2.254"));

        assertSame(viaGateway, table.lookup(ip("203.0.113.7")));
        assertSame(eth0, viaGateway.out());
        assertEquals(ip("192.0.2.254"), viaGateway.nextHop(ip("203.0.113.7")));
        assertSame(connected, table.lookup(ip("192.0.2.9")));
        assertEquals(ip("192.0.2.9"), connected.nextHop(ip("192.0.2.9")), "connected: straight to the destination");
    }

    @Test
    void shouldRejectAGatewayThatIsNotOnAConnectedNetwork() {
        table.add(route("192.0.2.0", 24, "0.0.0.0", eth0));
        table.add(route("198.51.100.0", 24, "192.0.2.254", eth0));

        IllegalArgumentException unrouted = assertThrows(IllegalArgumentException.class,
                () -> table.addDefaultGateway(ip("203.0.113.1")));
        assertEquals("gateway 203.0.113.1 is not on a connected network", unrouted.getMessage());
        // Reachable, but only through another gateway: not a neighbour either.
        assertThrows(IllegalArgumentException.class, () -> table.addDefaultGateway(ip("198.51.100.1")));
        assertEquals(2, table.size());
    }

    @Test
    void shouldTakeAGatewayAtTheFarEndOfAPointToPointLink() {
        table.add(route("10.77.0.2", 32, "0.0.0.0", sl0));

        Route viaPeer = table.addDefaultGateway(ip("10.77.0.2"));
        assertSame(sl0, viaPeer.out());
    }

    @Test
    void shouldRefuseARouteWhenFull() {
        RoutingTable small = new RoutingTable(2);
        small.add(route("10.0.0.0", 8, "0.0.0.0", eth0));
        small.add(route("11.0.0.0", 8, "0.0.0.0", eth0));

        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> small.add(route("12.0.0.0", 8, "0.0.0.0", eth0)));
        assertEquals("routing table full (2 routes)", e.getMessage());
        assertEquals(2, small.size());
    }

    @Test
    void shouldListRoutesAsIpRouteDoes() {
        table.add(route("192.0.2.0", 24, "0.0.0.0", eth0));
        table.addDefaultGateway(ip("192.0.2.254"));

        assertEquals("192.0.2.0/24 dev eth0\ndefault via 192.0.2.254 dev eth0\n", table.toString());
        assertSame(table.get(1), table.lookup(ip("8.8.8.8")));
        assertThrows(IndexOutOfBoundsException.class, () -> table.get(2));
    }

    @Test
    void shouldGetConnectedRoutesFromTheInterfacesIpAdds() {
        RecordingLink link = new RecordingLink("sl9", 1006);
        Ipv4 ip = new Ipv4(Ipv4Config.DEFAULT, new TimerQueue(16), 0);
        ip.addInterface(link, Ipv4Prefix.parse("192.0.2.1/24", 24), Ipv4Address.parse("198.51.100.2"), null);

        assertEquals("192.0.2.0/24 dev sl9\n198.51.100.2/32 dev sl9\n", ip.routes().toString());
    }

    private static Route route(String destination, int length, String gateway, IpInterface out) {
        return new Route(ip(destination), length, ip(gateway), out);
    }

    private static int ip(String text) {
        return Ipv4Address.parse(text);
    }
}
