package io.slipway.socket;

import io.slipway.base.Bytes;

/**
 * The fixed sizes of the socket library: every table and queue bounded by configuration.
 *
 * @param maxSockets descriptors open at once
 * @param datagramReceiveBytes each datagram socket's receive queue, a power of two (a full queue
 *     drops and counts what arrives, as a UDP socket's receive buffer does)
 * @param datagramSendBytes each datagram socket's send queue, a power of two; also bounds the
 *     largest datagram it can send
 * @param maxServices applications that run on the stack thread ({@link Service})
 */
public record SocketConfig(int maxSockets, int datagramReceiveBytes, int datagramSendBytes, int maxServices) {
    public static final SocketConfig DEFAULT = new SocketConfig(64, 16 * 1024, 16 * 1024, 16);

    public SocketConfig {
        if (maxSockets < 1 || maxServices < 0) {
            throw new IllegalArgumentException("room for at least one socket is needed");
        }
        Bytes.requirePowerOfTwo(datagramReceiveBytes, "datagram receive queue");
        Bytes.requirePowerOfTwo(datagramSendBytes, "datagram send queue");
        if (datagramReceiveBytes < 1024 || datagramSendBytes < 1024) {
            throw new IllegalArgumentException("datagram queues must hold at least 1024 bytes");
        }
    }
}
