package io.slipway.driver.cslip;

/**
 * The change mask, the low seven bits of a COMPRESSED_TCP packet's first byte (RFC 1144 §3.2.3,
 * figure 3): which fields changed and so have a delta after the TCP checksum, in the order U, W,
 * A, S, I. Two combinations that real traffic cannot produce name the commonest cases without
 * any delta (§3.2.3): SPECIAL_I, an echoed interactive segment (sequence and acknowledgment both
 * move by the previous segment's data length), and SPECIAL_D, unidirectional data (the sequence
 * moves by it).
 */
final class ChangeMask {
    /** An explicit connection number follows the mask. */
    static final int C = 0x40;
    /** The IP identification moved by other than 1: a delta. */
    static final int I = 0x20;
    /** The TCP push bit (not a delta: the bit itself). */
    static final int P = 0x10;
    /** The sequence number moved: a delta. */
    static final int S = 0x08;
    /** The acknowledgment number moved: a delta. */
    static final int A = 0x04;
    /** The window changed: a delta (modulo 2^16). */
    static final int W = 0x02;
    /** URG is set: the urgent pointer itself follows. */
    static final int U = 0x01;

    /** The bits that can spell a special case. */
    static final int SPECIALS_MASK = S | A | W | U;
    /** Echoed interactive traffic: sequence and acknowledgment both advance by the last data length. */
    static final int SPECIAL_I = S | W | U;
    /** Unidirectional data: the sequence advances by the last data length. */
    static final int SPECIAL_D = S | A | W | U;

    private ChangeMask() {
    }
}
