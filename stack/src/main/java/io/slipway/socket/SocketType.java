package io.slipway.socket;

/** The kinds of socket (BSD's SOCK_STREAM and SOCK_DGRAM). */
public enum SocketType {
    /** A TCP connection: a reliable byte stream. */
    STREAM,
    /** UDP datagrams: messages, each whole or not at all, unreliable. */
    DATAGRAM;

    /** The protocol's name as netstat prints it. */
    public String protocol() {
        return this == STREAM ? "tcp" : "udp";
    }
}
