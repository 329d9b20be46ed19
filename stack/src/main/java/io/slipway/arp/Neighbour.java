package io.slipway.arp;

import io.slipway.driver.MacAddress;
import io.slipway.ip.Ipv4Address;

/**
 * One row of the ARP cache as the {@code arp} command lists it: a snapshot, not a live view.
 *
 * @param address the neighbour's IPv4 address
 * @param mac its MAC address, or {@link MacAddress#NONE} while it is not known
 * @param state the entry's state
 */
public record Neighbour(int address, long mac, NeighbourState state) {
    /** As Linux's {@code ip neigh} prints it: {@code 10.0.0.2 lladdr 02:00:00:00:00:02 REACHABLE}. */
    @Override
    public String toString() {
        String lladdr = mac == MacAddress.NONE ? "" : " lladdr " + MacAddress.format(mac);
        return Ipv4Address.format(address) + lladdr + " " + state;
    }
}
