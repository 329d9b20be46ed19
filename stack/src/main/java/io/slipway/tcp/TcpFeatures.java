package io.slipway.tcp;

/**
 * The TCP extensions a stack offers its peers. Each is used only when both ends agree in the
 * handshake; turning one off here makes slipway behave as a stack without it, which the
 * simulations use to prove the stack correct either way.
 *
 * @param sack selective acknowledgments (RFC 2018): SACK-permitted offered in our SYN and
 *     accepted in the peer's; then our ACKs report out-of-order data, and the peer's reports
 *     drive our loss recovery (RFC 6675)
 * @param windowScaling window scaling (RFC 7323 §2): windows beyond 64 KiB, when the receive
 *     buffer is larger than that
 * @param timestamps timestamps (RFC 7323 §3–5): RTT measured on every ACK, and PAWS — offered only
 *     on interfaces that ask for them ({@code InterfaceConfig.tcpTimestamps}), since their 12 bytes
 *     in every segment cost a slow serial line goodput
 * @param tailLossProbe RFC 8985 §7's tail loss probe: when the ACKs for the last segments of a
 *     flight are overdue (2·SRTT), one segment goes to draw an ACK whose SACK blocks show what
 *     was lost, so a loss at the tail is repaired in a round trip instead of a retransmission
 *     timeout (at least 200 ms). A sender-side algorithm, nothing to agree; used only when SACK is
 *     agreed, as in Linux
 */
public record TcpFeatures(boolean sack, boolean windowScaling, boolean timestamps, boolean tailLossProbe) {
    /** Every extension on: the default. */
    public static final TcpFeatures ALL = new TcpFeatures(true, true, true, true);
    /** None: RFC 9293 with RFC 5681/6582 congestion control only. */
    public static final TcpFeatures NONE = new TcpFeatures(false, false, false, false);

    /** The same without the tail loss probe: scripts of the retransmission timer's own rules use it. */
    public TcpFeatures withoutTailLossProbe() {
        return new TcpFeatures(sack, windowScaling, timestamps, false);
    }
}
