package io.slipway.tcp;

/**
 * The TCP extensions a stack offers its peers. Each is used only when both ends agree in the
 * handshake; turning one off here makes slipway behave as a stack without it, which the
 * simulations use to prove the stack correct either way.
 *
 * @param sack selective acknowledgments (RFC 2018): SACK-permitted offered in our SYN and
 *     accepted in the peer's; then our ACKs report out-of-order data, and the peer's reports
 *     drive our loss recovery (RFC 6675)
 */
public record TcpFeatures(boolean sack) {
    /** Every extension on: the default. */
    public static final TcpFeatures ALL = new TcpFeatures(true);
    /** None: RFC 9293 with RFC 5681/6582 congestion control only. */
    public static final TcpFeatures NONE = new TcpFeatures(false);
}
