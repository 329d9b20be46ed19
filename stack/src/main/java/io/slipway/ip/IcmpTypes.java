package io.slipway.ip;

/**
 * ICMP types and codes (RFC 792, RFC 1191) that IP itself reports through
 * {@link IcmpErrorSender}, and that ICMP reads.
 */
public final class IcmpTypes {
    public static final int ECHO_REPLY = 0;
    public static final int DESTINATION_UNREACHABLE = 3;
    public static final int ECHO_REQUEST = 8;
    public static final int TIME_EXCEEDED = 11;
    public static final int PARAMETER_PROBLEM = 12;

    // Destination unreachable codes.
    public static final int NET_UNREACHABLE = 0;
    public static final int HOST_UNREACHABLE = 1;
    public static final int PROTOCOL_UNREACHABLE = 2;
    public static final int PORT_UNREACHABLE = 3;
    public static final int FRAGMENTATION_NEEDED = 4;

    // Time exceeded codes.
    public static final int TTL_EXCEEDED_IN_TRANSIT = 0;
    public static final int FRAGMENT_REASSEMBLY_TIME_EXCEEDED = 1;

    private IcmpTypes() {
    }

    /** The error types: no ICMP error is ever sent about one of these (RFC 1122 §3.2.2). */
    public static boolean isError(int type) {
        return type == DESTINATION_UNREACHABLE || type == TIME_EXCEEDED || type == PARAMETER_PROBLEM
                || type == 4 /* source quench */ || type == 5 /* redirect */;
    }
}
