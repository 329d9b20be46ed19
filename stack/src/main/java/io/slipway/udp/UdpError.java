package io.slipway.udp;

import io.slipway.ip.IcmpTypes;

/**
 * What an ICMP error about one of our datagrams means to the application, following the mapping
 * Linux applies (net/ipv4/icmp.c, icmp_err_convert) so that programs see the errors they know.
 */
public enum UdpError {
    /**
     * Destination unreachable, port: nobody listens there. ECONNREFUSED. Protocol unreachable
     * (Linux: ENOPROTOOPT) means the same to a UDP application and is reported as this too.
     */
    REFUSED,
    /** Destination unreachable, network: ENETUNREACH. */
    NETWORK_UNREACHABLE,
    /** Destination unreachable, host; or the datagram's TTL ran out on the way. EHOSTUNREACH. */
    HOST_UNREACHABLE,
    /** Fragmentation needed and DF set: EMSGSIZE. */
    MESSAGE_TOO_BIG,
    /** Parameter problem: EPROTO. */
    PROTOCOL_ERROR;

    /** The meaning of an ICMP error type and code, or null for one that says nothing to UDP. */
    public static UdpError of(int type, int code) {
        switch (type) {
            case IcmpTypes.DESTINATION_UNREACHABLE:
                switch (code) {
                    case IcmpTypes.NET_UNREACHABLE:
                        return NETWORK_UNREACHABLE;
                    case IcmpTypes.PROTOCOL_UNREACHABLE:
                    case IcmpTypes.PORT_UNREACHABLE:
                        return REFUSED;
                    case IcmpTypes.FRAGMENTATION_NEEDED:
                        return MESSAGE_TOO_BIG;
                    default:
                        return HOST_UNREACHABLE;
                }
            case IcmpTypes.TIME_EXCEEDED:
                return HOST_UNREACHABLE;
            case IcmpTypes.PARAMETER_PROBLEM:
                return PROTOCOL_ERROR;
            default:
                return null;
        }
    }
}
