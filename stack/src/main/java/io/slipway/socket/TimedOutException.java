package io.slipway.socket;

/** The call waited as long as it was allowed to (a receive timeout, a connection that got no answer). */
public final class TimedOutException extends SocketException {
    public TimedOutException(String what) {
        super(SocketError.TIMED_OUT, what);
    }
}
