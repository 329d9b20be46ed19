package io.slipway.tcp;

/**
 * An arriving segment as the state machine sees it (RFC 9293 §3.3.1's SEG.* variables): a
 * reusable value filled by {@link Tcp} from the header, lent for one call. The payload stays in
 * the packet's bytes.
 */
final class Segment {
    int seq;
    int ack;
    int flags;
    int window;
    byte[] data;
    int payloadOffset;
    int payloadLength;
    final TcpOptions options = new TcpOptions();

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /** SEG.LEN: the payload, plus one for SYN and one for FIN (RFC 9293 §3.4). */
    int length() {
        return payloadLength + (has(TcpHeader.SYN) ? 1 : 0) + (has(TcpHeader.FIN) ? 1 : 0);
    }

    /** Drops {@code n} bytes from the front of the payload (already received, RFC 9293 §3.10.7.4). */
    void trimFront(int n) {
        payloadOffset += n;
        payloadLength -= n;
        seq += n;
    }
}
