package io.slipway.tcp;

/**
 * The eleven states of a TCP connection (RFC 9293 §3.3.2), with the names netstat prints.
 *
 * <pre>
 *                             +---------+ ---------\      active OPEN
 *                             |  CLOSED |            \    -----------
 *                             +---------+&lt;---------\   \   create TCB
 *                               |     ^              \   \  snd SYN
 *                  passive OPEN |     |   CLOSE        \   \
 *                  ------------ |     | ----------       \   \
 *                   create TCB  |     | delete TCB         \   \
 *                               V     |                      \   \
 *           rcv RST (note 1)  +---------+            CLOSE    |    \
 *        --------------------&gt;|  LISTEN |          ---------- |     |
 *       /                     +---------+          delete TCB |     |
 *      /           rcv SYN      |     |     SEND              |     |
 *     /           -----------   |     |    -------            |     V
 * +--------+      snd SYN,ACK  /       \   snd SYN          +--------+
 * |        |&lt;-----------------           ------------------&gt;|        |
 * |  SYN   |                    rcv SYN                     |  SYN   |
 * |  RCVD  |&lt;-----------------------------------------------|  SENT  |
 * |        |                  snd SYN,ACK                   |        |
 * |        |------------------           -------------------|        |
 * +--------+   rcv ACK of SYN  \       /  rcv SYN,ACK       +--------+
 *    |         --------------   |     |   -----------
 *    |                x         |     |     snd ACK
 *    |                          V     V
 *    |  CLOSE                 +---------+
 *    | -------                |  ESTAB  |
 *    | snd FIN                +---------+
 *    |                 CLOSE    |     |    rcv FIN
 *    V                -------   |     |    -------
 * +---------+         snd FIN  /       \   snd ACK         +---------+
 * |  FIN    |&lt;----------------          ------------------&gt;|  CLOSE  |
 * | WAIT-1  |------------------                            |   WAIT  |
 * +---------+          rcv FIN  \                          +---------+
 *   | rcv ACK of FIN   -------   |                          CLOSE  |
 *   | --------------   snd ACK   |                         ------- |
 *   V        x                   V                         snd FIN V
 * +---------+               +---------+                    +---------+
 * |FINWAIT-2|               | CLOSING |                    | LAST-ACK|
 * +---------+               +---------+                    +---------+
 *   |              rcv ACK of FIN |                 rcv ACK of FIN |
 *   |  rcv FIN     -------------- |    Timeout=2MSL -------------- |
 *   |  -------            x       V    ------------        x       V
 *    \ snd ACK              +---------+delete TCB          +---------+
 *      -------------------&gt;|TIME-WAIT|-------------------&gt;| CLOSED  |
 *                           +---------+                    +---------+
 * </pre>
 */
public enum TcpState {
    CLOSED("CLOSE"),
    LISTEN("LISTEN"),
    SYN_SENT("SYN_SENT"),
    SYN_RECEIVED("SYN_RECV"),
    ESTABLISHED("ESTABLISHED"),
    FIN_WAIT_1("FIN_WAIT1"),
    FIN_WAIT_2("FIN_WAIT2"),
    CLOSE_WAIT("CLOSE_WAIT"),
    CLOSING("CLOSING"),
    LAST_ACK("LAST_ACK"),
    TIME_WAIT("TIME_WAIT");

    private final String netstat;

    TcpState(String netstat) {
        this.netstat = netstat;
    }

    /** The name Linux netstat prints for the state. */
    public String netstatName() {
        return netstat;
    }

    /** RFC 9293 §3.3.2: the states after the handshake in which both sides' sequence numbers are known. */
    public boolean isSynchronized() {
        return this != CLOSED && this != LISTEN && this != SYN_SENT;
    }

    /** We may still send data: the application has not closed its side. */
    public boolean canSend() {
        return this == ESTABLISHED || this == CLOSE_WAIT;
    }

    /** Data from the peer may still arrive: its FIN has not come. */
    public boolean canReceive() {
        return this == ESTABLISHED || this == FIN_WAIT_1 || this == FIN_WAIT_2 || this == SYN_RECEIVED;
    }
}
