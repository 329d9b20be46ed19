package io.slipway.driver;

import io.slipway.base.PacketBuffer;

/**
 * Upward delivery from a LAN driver: the network layer implements this, the driver owns it, so
 * the driver never depends on the layer above (DESIGN.md, "Modules and layers").
 */
@FunctionalInterface
public interface FrameReceiver {
    /**
     * A frame taken off {@code driver}'s adapter: the link header (if the medium has one) and
     * payload, without framing or FCS. The buffer is lent for the duration of the call only.
     */
    void onFrame(LanDriver driver, PacketBuffer frame, long nowNanos);

    /** The adapter's link went up or down; seen by the driver's next poll. */
    default void onLinkStateChanged(LanDriver driver, boolean up, long nowNanos) {
    }

    /**
     * The adapter dropped a frame it was receiving (a bad escape, a frame too long, a full queue:
     * {@link io.slipway.hal.DropReason#isReceiveLoss}), seen by the driver's poll before the next
     * frame is handed up. The drop is counted when the adapter finds it, which may be before the
     * frames queued ahead of it are delivered: the signal is never late, at worst early.
     */
    default void onReceiveLoss(LanDriver driver, long nowNanos) {
    }
}
