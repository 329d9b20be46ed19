package io.slipway.socket;

/** Which direction {@link Sockets#shutdown} closes (BSD's SHUT_RD, SHUT_WR, SHUT_RDWR). */
public enum Shutdown {
    READ,
    WRITE,
    BOTH;

    boolean read() {
        return this != WRITE;
    }

    boolean write() {
        return this != READ;
    }
}
