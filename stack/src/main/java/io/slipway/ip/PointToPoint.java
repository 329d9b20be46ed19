package io.slipway.ip;

import io.slipway.base.PacketBuffer;
import io.slipway.driver.EtherType;
import io.slipway.driver.Link;
import io.slipway.driver.MacAddress;

/** The resolver of a point-to-point link (SLIP): there is one neighbour, so just send. */
public final class PointToPoint implements NeighbourResolver {
    private final Link link;

    public PointToPoint(Link link) {
        this.link = link;
    }

    @Override
    public boolean send(PacketBuffer packet, int nextHop, long nowNanos) {
        return link.send(packet, EtherType.IPV4, MacAddress.NONE);
    }
}
