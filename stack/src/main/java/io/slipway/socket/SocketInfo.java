package io.slipway.socket;

/**
 * One row of the socket table, as netstat shows it.
 *
 * @param descriptor the socket's descriptor, or -1 for a TCP connection no descriptor holds any more
 * @param type stream (TCP) or datagram (UDP)
 * @param local our address and port ({@code 0.0.0.0} for every address, port 0 when unbound)
 * @param foreign the peer, or {@link InetEndpoint#ANY} when not connected
 * @param state the TCP state (LISTEN, ESTABLISHED, ...); for UDP, ESTABLISHED when connected and
 *     empty otherwise, as Linux netstat prints it
 * @param receiveQueue bytes waiting to be read by the application
 * @param sendQueue bytes waiting to be sent
 */
public record SocketInfo(int descriptor, SocketType type, InetEndpoint local, InetEndpoint foreign, String state,
        int receiveQueue, int sendQueue) {
}
