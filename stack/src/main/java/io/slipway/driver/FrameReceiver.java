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
     * {@link io.slipway.hal.DropReason#isReceiveLoss}): called at the loss's place in the frame
     * stream, after every frame that arrived before it and just before the first that arrived
     * after it ({@link io.slipway.hal.LanAdapter#receiveLossesBefore}), as RFC 1144 §4.1's framer
     * reports an error. One call may stand for several losses in a row.
     */
    default void onReceiveLoss(LanDriver driver, long nowNanos) {
    }
}
