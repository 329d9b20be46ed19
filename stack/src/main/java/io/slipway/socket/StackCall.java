package io.slipway.socket;

/** A control operation that must run on the stack thread (bind, connect, close, ...). */
@FunctionalInterface
interface StackCall<T> {
    T run() throws SocketException;
}
