package io.slipway.socket;

/**
 * Why a socket call failed, named after the BSD errno it stands for, with the text a user reads.
 */
public enum SocketError {
    CONNECTION_REFUSED("ECONNREFUSED", "connection refused"),
    CONNECTION_RESET("ECONNRESET", "connection reset by peer"),
    CONNECTION_ABORTED("ECONNABORTED", "connection aborted"),
    ALREADY_CONNECTED("EISCONN", "socket is already connected"),
    TIMED_OUT("ETIMEDOUT", "timed out"),
    HOST_UNREACHABLE("EHOSTUNREACH", "no route to host"),
    NETWORK_UNREACHABLE("ENETUNREACH", "network is unreachable"),
    ADDRESS_IN_USE("EADDRINUSE", "address already in use"),
    ADDRESS_NOT_AVAILABLE("EADDRNOTAVAIL", "cannot assign requested address"),
    BAD_DESCRIPTOR("EBADF", "bad socket descriptor"),
    TOO_MANY_SOCKETS("EMFILE", "too many open sockets"),
    MESSAGE_TOO_LONG("EMSGSIZE", "message too long"),
    NOT_CONNECTED("ENOTCONN", "socket is not connected"),
    DESTINATION_REQUIRED("EDESTADDRREQ", "destination address required"),
    NOT_SUPPORTED("EOPNOTSUPP", "operation not supported on this socket"),
    INVALID("EINVAL", "invalid argument"),
    SHUT_DOWN("EPIPE", "cannot send after the socket was shut down"),
    PROTOCOL_ERROR("EPROTO", "protocol error"),
    INTERRUPTED("EINTR", "interrupted"),
    STACK_STOPPED("ENETDOWN", "the network stack is not running");

    private final String errno;
    private final String text;

    SocketError(String errno, String text) {
        this.errno = errno;
        this.text = text;
    }

    /** The BSD name, e.g. ECONNREFUSED. */
    public String errno() {
        return errno;
    }

    /** What strerror says, e.g. "connection refused". */
    public String text() {
        return text;
    }
}
