package io.slipway.cli;

import io.slipway.ip.IcmpTypes;
import io.slipway.ip.Ipv4Address;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/**
 * The lines {@code slipway ping} prints, in the shapes Linux ping (iputils) prints them, so that
 * what people and scripts read from ping reads the same here. Pure functions, tested against
 * iputils' own formats: {@code ping/ping_common.c} ({@code gather_statistics}, {@code finish}) and
 * {@code ping/ping.c} ({@code pr_icmph}).
 */
final class PingFormat {
    /** IPv4 header (no options) plus ICMP echo header: what {@code -s} does not count. */
    static final int HEADERS = 20 + 8;

    private PingFormat() {
    }

    /** {@code PING 10.0.0.1 (10.0.0.1) 56(84) bytes of data.} */
    static String header(String host, int address, int size) {
        return "PING " + host + " (" + Ipv4Address.format(address) + ") " + size + "(" + (size + HEADERS)
                + ") bytes of data.";
    }

    /**
     * {@code 64 bytes from 10.0.0.1: icmp_seq=1 ttl=64 time=8.12 ms}.
     *
     * @param icmpBytes the reply's ICMP length (header and data)
     * @param rttMicros the round trip, or -1 when the reply carries no send time (iputils then
     *     prints no time)
     * @param expectedData the data bytes sent: a shorter reply is {@code (truncated)} and gets no time
     * @param duplicate a second reply to one request: {@code (DUP!)}
     * @param differentAddress the reply came from another address than the one pinged
     */
    static String reply(int icmpBytes, int from, int sequence, int ttl, long rttMicros, int expectedData,
            boolean duplicate, boolean differentAddress) {
        StringBuilder s = new StringBuilder().append(icmpBytes).append(" bytes from ")
                .append(Ipv4Address.format(from)).append(": icmp_seq=").append(sequence).append(" ttl=").append(ttl);
        if (icmpBytes < expectedData + 8) {
            return s.append(" (truncated)").toString();
        }
        if (rttMicros >= 0) {
            s.append(" time=").append(replyTime(rttMicros)).append(" ms");
        }
        if (duplicate) {
            s.append(" (DUP!)");
        }
        if (differentAddress) {
            s.append(" (DIFFERENT ADDRESS!)");
        }
        return s.toString();
    }

    /** {@code From 10.0.0.1 icmp_seq=2 Time to live exceeded}. */
    static String error(int from, int sequence, int type, int code, int info) {
        return "From " + Ipv4Address.format(from) + " icmp_seq=" + sequence + " " + describeError(type, code, info);
    }

    /**
     * A reply's round trip as iputils prints it: three significant decimals at most, fewer as it
     * grows ({@code 0.043}, {@code 8.12}, {@code 12.3}, {@code 123}), each rounded half up.
     */
    static String replyTime(long micros) {
        if (micros >= 100_000 - 50) {
            return Long.toString((micros + 500) / 1000);
        }
        if (micros >= 10_000 - 5) {
            return (micros + 50) / 1000 + "." + ((micros + 50) % 1000) / 100;
        }
        if (micros >= 1000) {
            return (micros + 5) / 1000 + "." + pad(((micros + 5) % 1000) / 10, 2);
        }
        return micros / 1000 + "." + pad(micros % 1000, 3);
    }

    /** Microseconds as milliseconds with three decimals, truncated: the summary's {@code %ld.%03ld}. */
    static String summaryTime(long micros) {
        return micros / 1000 + "." + pad(micros % 1000, 3);
    }

    /**
     * The packet loss as iputils prints it: C's {@code %g} of a {@code float} percentage, so
     * {@code 0}, {@code 100}, {@code 33.3333}, {@code 66.6667}, {@code 0.1}.
     */
    static String lossPercent(long transmitted, long received) {
        float percent = (float) ((transmitted - received) * 100.0 / transmitted);
        return formatG(percent);
    }

    /**
     * C's {@code printf("%g", value)}: six significant digits, trailing zeros removed, scientific
     * notation below 1e-4 or from 1e6. Rounds the exact binary value half-even, as glibc does.
     */
    static String formatG(double value) {
        if (value == 0) {
            return "0";
        }
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.isNaN(value) ? "nan" : value > 0 ? "inf" : "-inf";
        }
        final int precision = 6;
        BigDecimal rounded = new BigDecimal(value).round(new MathContext(precision, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent >= -4 && exponent < precision) {
            BigDecimal fixed = rounded.setScale(Math.max(0, precision - 1 - exponent), RoundingMode.HALF_EVEN);
            return stripZeros(fixed.toPlainString());
        }
        BigDecimal mantissa = rounded.movePointLeft(exponent);
        String digits = stripZeros(mantissa.setScale(precision - 1, RoundingMode.HALF_EVEN).toPlainString());
        int magnitude = Math.abs(exponent);
        return digits + "e" + (exponent < 0 ? "-" : "+") + (magnitude < 10 ? "0" : "") + magnitude;
    }

    /**
     * What an ICMP error about one of our requests says, in iputils' words ({@code pr_icmph}),
     * with the MTU of "Frag needed" and the pointer of "Parameter problem" from {@code info}, the
     * error's second header word.
     */
    static String describeError(int type, int code, int info) {
        switch (type) {
            case IcmpTypes.DESTINATION_UNREACHABLE:
                if (code == IcmpTypes.FRAGMENTATION_NEEDED) {
                    return "Frag needed and DF set (mtu = " + (info & 0xFFFF) + ")";
                }
                return destinationUnreachable(code);
            case IcmpTypes.TIME_EXCEEDED:
                switch (code) {
                    case IcmpTypes.TTL_EXCEEDED_IN_TRANSIT:
                        return "Time to live exceeded";
                    case IcmpTypes.FRAGMENT_REASSEMBLY_TIME_EXCEEDED:
                        return "Frag reassembly time exceeded";
                    default:
                        return "Time exceeded, Bad Code: " + code;
                }
            case IcmpTypes.PARAMETER_PROBLEM:
                return "Parameter problem: pointer = " + (info >>> 24);
            default:
                return "Bad ICMP type: " + type;
        }
    }

    private static String destinationUnreachable(int code) {
        switch (code) {
            case IcmpTypes.NET_UNREACHABLE:
                return "Destination Net Unreachable";
            case IcmpTypes.HOST_UNREACHABLE:
                return "Destination Host Unreachable";
            case IcmpTypes.PROTOCOL_UNREACHABLE:
                return "Destination Protocol Unreachable";
            case IcmpTypes.PORT_UNREACHABLE:
                return "Destination Port Unreachable";
            case IcmpTypes.FRAGMENTATION_NEEDED:
                return "Frag needed and DF set";
            case 5:
                return "Source Route Failed";
            case 6:
                return "Destination Net Unknown";
            case 7:
                return "Destination Host Unknown";
            case 8:
                return "Source Host Isolated";
            case 9:
                return "Destination Net Prohibited";
            case 10:
                return "Destination Host Prohibited";
            case 11:
                return "Destination Net Unreachable for Type of Service";
            case 12:
                return "Destination Host Unreachable for Type of Service";
            case 13:
                return "Packet filtered";
            case 14:
                return "Precedence Violation";
            case 15:
                return "Precedence Cutoff";
            default:
                return "Dest Unreachable, Bad Code: " + code;
        }
    }

    private static String stripZeros(String plain) {
        if (plain.indexOf('.') < 0) {
            return plain;
        }
        int end = plain.length();
        while (plain.charAt(end - 1) == '0') {
            end--;
        }
        if (plain.charAt(end - 1) == '.') {
            end--;
        }
        return plain.substring(0, end);
    }

    private static String pad(long value, int width) {
        String s = Long.toString(value);
        return "0".repeat(Math.max(0, width - s.length())) + s;
    }
}
