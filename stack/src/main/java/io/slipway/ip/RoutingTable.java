package io.slipway.ip;

/**
 * The routing table: a bounded list of routes searched by longest-prefix match (RFC 1812
 * §5.2.4.3). A linear scan is the right structure at this size (a few interfaces, a gateway);
 * it allocates nothing and is easy to read. Among routes of equal length the first added wins.
 */
public final class RoutingTable {
    private final Route[] routes;
    private int count;

    public RoutingTable(int capacity) {
        this.routes = new Route[capacity];
    }

    /** Adds a route; throws when the table is full or the route's gateway is not on its link. */
    public void add(Route route) {
        if (count == routes.length) {
            throw new IllegalStateException("routing table full (" + routes.length + " routes)");
        }
        routes[count++] = route;
    }

    /** Adds the default route via {@code gateway}, on whichever interface reaches it. */
    public Route addDefaultGateway(int gateway) {
        Route toGateway = lookup(gateway);
        if (toGateway == null || !toGateway.isConnected()) {
            throw new IllegalArgumentException("gateway " + Ipv4Address.format(gateway)
                    + " is not on a connected network");
        }
        Route route = new Route(0, 0, gateway, toGateway.out());
        add(route);
        return route;
    }

    /** The most specific route to {@code destination}, or null when there is none. */
    public Route lookup(int destination) {
        Route best = null;
        for (int i = 0; i < count; i++) {
            Route r = routes[i];
            if (r.matches(destination) && (best == null || r.prefixLength() > best.prefixLength())) {
                best = r;
            }
        }
        return best;
    }

    public int size() {
        return count;
    }

    public Route get(int i) {
        if (i < 0 || i >= count) {
            throw new IndexOutOfBoundsException(i);
        }
        return routes[i];
    }

    /** The table in the shape {@code ip route} prints, one route per line. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < count; i++) {
            s.append(routes[i].destination() == 0 && routes[i].prefixLength() == 0 ? "default" + routes[i].toString()
                    .substring(routes[i].toString().indexOf(' ')) : routes[i].toString()).append('\n');
        }
        return s.toString();
    }
}
