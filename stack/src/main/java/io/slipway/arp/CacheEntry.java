package io.slipway.arp;

import io.slipway.base.Timer;
import io.slipway.base.TimerAction;
import io.slipway.driver.MacAddress;

/**
 * One slot of the ARP cache, created with its timer and wait queue when {@link Arp} is built and
 * reused for address after address. Mutable state, owned by the stack thread.
 */
final class CacheEntry implements TimerAction {
    /** Called when an entry's timer fires. */
    interface Expiry {
        void onTimer(CacheEntry entry, long nowNanos);
    }

    final int slot;
    private final Expiry expiry;
    /** Scheduled whenever the entry is in use (every state but FREE); what it does depends on the state. */
    final Timer timer;
    /** Non-empty only while INCOMPLETE. */
    final WaitQueue queue;

    /** The neighbour's IPv4 address; {@link io.slipway.ip.Ipv4Address#ANY} when FREE. */
    int address;
    /** Its MAC address; {@link MacAddress#NONE} while INCOMPLETE or FAILED. */
    long mac = MacAddress.NONE;
    NeighbourState state = NeighbourState.FREE;
    /** Requests sent in the current INCOMPLETE or PROBE round, the first included. */
    int requests;
    /** When the MAC address was last confirmed: REACHABLE lasts until this plus the reachable time. */
    long confirmedAt;
    /** When a packet last went to the neighbour or it last spoke: for least-recently-used eviction. */
    long usedAt;

    CacheEntry(int slot, int queueCapacity, Expiry expiry) {
        this.slot = slot;
        this.expiry = expiry;
        this.timer = new Timer(this);
        this.queue = new WaitQueue(queueCapacity);
    }

    @Override
    public void onTimer(long nowNanos) {
        expiry.onTimer(this, nowNanos);
    }
}
