package io.slipway.socket;

/** Another socket holds the port (bind). */
public final class AddressInUseException extends SocketException {
    public AddressInUseException(String what) {
        super(SocketError.ADDRESS_IN_USE, what);
    }
}
