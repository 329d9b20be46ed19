package io.slipway.socket;

import java.util.List;
import java.util.Locale;

/**
 * The socket table in the shape {@code netstat -an} prints it, with a column for the descriptor:
 *
 * <pre>
 * Proto Recv-Q Send-Q Local Address          Foreign Address        State        FD
 * udp        0      0 0.0.0.0:53             0.0.0.0:*                           3
 * tcp        0      0 10.0.0.2:7             10.0.0.1:50312         TIME_WAIT    -
 * </pre>
 *
 * A connection whose descriptor was closed, still finishing, has {@code -} for its descriptor.
 */
public final class Netstat {
    private static final String ROW = "%-5s %6d %6d %-22s %-22s %-12s %s%n";

    private Netstat() {
    }

    public static String format(List<SocketInfo> table) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-5s %6s %6s %-22s %-22s %-12s %s%n",
                "Proto", "Recv-Q", "Send-Q", "Local Address", "Foreign Address", "State", "FD"));
        for (SocketInfo row : table) {
            s.append(String.format(Locale.ROOT, ROW, row.type().protocol(), row.receiveQueue(), row.sendQueue(),
                    endpoint(row.local()), endpoint(row.foreign()), row.state(),
                    row.descriptor() < 0 ? "-" : Integer.toString(row.descriptor())));
        }
        return s.toString();
    }

    /** netstat writes an unset port as {@code *}. */
    private static String endpoint(InetEndpoint e) {
        return Addresses.format(e.address()) + ":" + (e.port() == 0 ? "*" : Integer.toString(e.port()));
    }
}
