package io.slipway.socket.resolver;

import io.slipway.socket.InetEndpoint;
import io.slipway.socket.PeerAddress;
import io.slipway.socket.SocketException;
import io.slipway.socket.SocketType;
import io.slipway.socket.Sockets;
import io.slipway.socket.dns.DnsFormatException;
import io.slipway.socket.dns.DnsMessage;
import io.slipway.socket.dns.Question;
import io.slipway.socket.dns.Rcode;

/**
 * One DNS query to one server and the wait for its answer, over a datagram socket of its own:
 * connected to the server, bound to a random ephemeral port, non-blocking. Used by the stub
 * resolver and by the recursive server alike.
 *
 * <p>A datagram counts as the answer only if it comes from the server asked (address and port),
 * parses, has QR set, the query's opcode and ID, and exactly the question asked (RFC 5452 §3,
 * §9.1) — or, as an error only, no question at all; anything else is counted and ignored, and
 * the wait goes on. The socket is the
 * query's alone, so that its port is as unpredictable as its ID (RFC 5452 §9.2).
 */
public final class QueryExchange implements AutoCloseable {
    private static final int RECEIVE_BUFFER = 4096;

    private final Sockets sockets;
    private final InetEndpoint server;
    private final Question question;
    private final int id;
    private final int fd;
    private final byte[] buffer = new byte[RECEIVE_BUFFER];
    private final PeerAddress from = new PeerAddress();
    private int ignored;
    private boolean closed;

    private QueryExchange(Sockets sockets, InetEndpoint server, Question question, int id, int fd) {
        this.sockets = sockets;
        this.server = server;
        this.question = question;
        this.id = id;
        this.fd = fd;
    }

    /**
     * Sends the query: a new socket, connected to {@code server}, carrying one question with
     * {@code id}, RD as given.
     *
     * @throws SocketException when it cannot be sent (no route, no free socket); nothing is left open
     */
    public static QueryExchange send(Sockets sockets, InetEndpoint server, Question question, int id,
            boolean recursionDesired) throws SocketException {
        int fd = sockets.socket(SocketType.DATAGRAM);
        try {
            sockets.setBlocking(fd, false);
            sockets.connect(fd, server.address(), server.port());
            byte[] query = DnsMessage.query(id, question, recursionDesired).encode(DnsMessage.MAX_UDP_LENGTH);
            sockets.send(fd, query, 0, query.length);
            return new QueryExchange(sockets, server, question, id, fd);
        } catch (SocketException | RuntimeException e) {
            sockets.close(fd);
            throw e;
        }
    }

    public InetEndpoint server() {
        return server;
    }

    /** The socket, for a blocking caller to wait on. */
    public int descriptor() {
        return fd;
    }

    /** Datagrams that came to the socket and were not the answer. */
    public int ignored() {
        return ignored;
    }

    /**
     * The answer, once it has come; null while it has not.
     *
     * @throws SocketException what the socket reports instead: refused (the server's port
     *     unreachable), host or network unreachable
     */
    public DnsMessage poll() throws SocketException {
        while (true) {
            int n = sockets.recvfrom(fd, buffer, 0, buffer.length, from);
            if (n == Sockets.WOULD_BLOCK) {
                return null;
            }
            if (from.address() != server.address() || from.port() != server.port()) {
                ignored++;
                continue;
            }
            DnsMessage m;
            try {
                m = DnsMessage.decode(buffer, 0, n);
            } catch (DnsFormatException e) {
                ignored++;
                continue;
            }
            if (!m.response() || m.id() != id || m.opcode() != DnsMessage.OPCODE_QUERY) {
                ignored++;
                continue;
            }
            boolean sameQuestion = m.questions().size() == 1 && m.question().equals(question);
            // A server that could not read the question answers without it (FORMERR, SERVFAIL,
            // as BIND and slipway's server do): taken as that error, not waited out.
            boolean errorWithoutQuestion = m.questions().isEmpty() && m.rcode() != Rcode.NOERROR
                    && m.rcode() != Rcode.NXDOMAIN;
            if (!sameQuestion && !errorWithoutQuestion) {
                ignored++;
                continue;
            }
            return m;
        }
    }

    /** Closes the query's socket; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            try {
                sockets.close(fd);
            } catch (SocketException e) {
                // already gone with the stack: nothing left to release
            }
        }
    }
}
