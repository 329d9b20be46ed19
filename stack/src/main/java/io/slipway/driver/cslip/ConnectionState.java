package io.slipway.driver.cslip;

import static io.slipway.driver.cslip.HeaderFields.IP_TOTAL_LENGTH;

import io.slipway.base.Bytes;

/**
 * One slot of RFC 1144's connection state (§3.2.1, "cstate"): the IP and TCP headers of the last
 * packet sent or received on a connection, against which the next one is compressed or rebuilt.
 */
final class ConnectionState {
    /** The saved headers, IP then TCP. */
    final byte[] header = new byte[HeaderFields.MAX_HEADERS];
    /** Bytes of {@link #header} in use: IP plus TCP header length. */
    int headerLength;
    /** Whether the slot has held a connection since the line started. */
    boolean valid;

    /** Saves the headers of the packet at {@code packet[off..)}. */
    void save(byte[] packet, int off, int headerLength) {
        System.arraycopy(packet, off, header, 0, headerLength);
        this.headerLength = headerLength;
        this.valid = true;
    }

    /** The saved packet's IP total length. */
    int totalLength() {
        return Bytes.u16(header, IP_TOTAL_LENGTH);
    }

    /** Data bytes the saved packet carried. */
    int dataLength() {
        return totalLength() - headerLength;
    }
}
