package io.slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slipway.ip.IcmpTypes;
import io.slipway.ip.Ipv4Address;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The per-packet lines and number formats of Linux ping (iputils 20221126, as installed here). */
class PingFormatTest {
    private static final int HOST = Ipv4Address.parse("10.77.0.1");

    @Test
    void shouldPrintTheHeaderWithDataAndPacketSizes() {
        assertEquals("PING 10.77.0.1 (10.77.0.1) 56(84) bytes of data.", PingFormat.header("10.77.0.1", HOST, 56));
        assertEquals("PING 127.0.0.1 (127.0.0.1) 0(28) bytes of data.",
                PingFormat.header("127.0.0.1", Ipv4Address.parse("127.0.0.1"), 0));
    }

    @ParameterizedTest(name = "{0} us -> time={1} ms")
    @CsvSource({
        "0, 0.000",
        "43, 0.043",
        "999, 0.999",
        "1000, 1.00",
        "8124, 8.12",
        "8125, 8.13", // iputils rounds half up (+5 then truncates)
        "9994, 9.99",
        "9995, 10.0", // from 9995 us on, one decimal
        "12345, 12.3",
        "99949, 99.9",
        "99950, 100", // from 99 950 us on, whole milliseconds
        "123456, 123",
        "1234567, 1235",
    })
    void shouldPrintReplyTimesWithIputilsPrecision(long micros, String expected) {
        assertEquals(expected, PingFormat.replyTime(micros));
    }

    @Test
    void shouldPrintAReplyLine() {
        assertEquals("64 bytes from 10.77.0.1: icmp_seq=1 ttl=64 time=8.12 ms",
                PingFormat.reply(64, HOST, 1, 64, 8_120, 56, false, false));
    }

    @Test
    void shouldPrintNoTimeWhenTheReplyCarriesNone() {
        // Linux: "12 bytes from 127.0.0.1: icmp_seq=1 ttl=64" for ping -s 4.
        assertEquals("12 bytes from 10.77.0.1: icmp_seq=1 ttl=64",
                PingFormat.reply(12, HOST, 1, 64, -1, 4, false, false));
    }

    @Test
    void shouldMarkTruncatedDuplicateAndStrayReplies() {
        assertEquals("40 bytes from 10.77.0.1: icmp_seq=3 ttl=63 (truncated)",
                PingFormat.reply(40, HOST, 3, 63, 5_000, 56, false, false));
        assertEquals("64 bytes from 10.77.0.1: icmp_seq=2 ttl=64 time=0.512 ms (DUP!)",
                PingFormat.reply(64, HOST, 2, 64, 512, 56, true, false));
        assertEquals("64 bytes from 10.77.0.1: icmp_seq=2 ttl=64 time=0.512 ms (DIFFERENT ADDRESS!)",
                PingFormat.reply(64, HOST, 2, 64, 512, 56, false, true));
    }

    @Test
    void shouldPrintErrorsInIputilsWords() {
        int router = Ipv4Address.parse("10.0.0.1");
        assertEquals("From 10.0.0.1 icmp_seq=2 Time to live exceeded",
                PingFormat.error(router, 2, IcmpTypes.TIME_EXCEEDED, IcmpTypes.TTL_EXCEEDED_IN_TRANSIT, 0));
        assertEquals("From 10.0.0.1 icmp_seq=1 Destination Port Unreachable",
                PingFormat.error(router, 1, IcmpTypes.DESTINATION_UNREACHABLE, IcmpTypes.PORT_UNREACHABLE, 0));
        assertEquals("Destination Net Unreachable",
                PingFormat.describeError(IcmpTypes.DESTINATION_UNREACHABLE, IcmpTypes.NET_UNREACHABLE, 0));
        assertEquals("Destination Host Unreachable",
                PingFormat.describeError(IcmpTypes.DESTINATION_UNREACHABLE, IcmpTypes.HOST_UNREACHABLE, 0));
        assertEquals("Frag reassembly time exceeded",
                PingFormat.describeError(IcmpTypes.TIME_EXCEEDED, IcmpTypes.FRAGMENT_REASSEMBLY_TIME_EXCEEDED, 0));
        assertEquals("Dest Unreachable, Bad Code: 42",
                PingFormat.describeError(IcmpTypes.DESTINATION_UNREACHABLE, 42, 0));
        assertEquals("Parameter problem: pointer = 22", PingFormat.describeError(IcmpTypes.PARAMETER_PROBLEM, 0, 22 << 24));
        assertEquals("Frag needed and DF set (mtu = 296)",
                PingFormat.describeError(IcmpTypes.DESTINATION_UNREACHABLE, IcmpTypes.FRAGMENTATION_NEEDED, 296));
    }

    @ParameterizedTest(name = "{0} of {1} lost -> {2}%")
    @CsvSource({
        "0, 3, 0",
        "3, 3, 100",
        "1, 3, 33.3333",
        "2, 3, 66.6667",
        "1, 2, 50",
        "1, 7, 14.2857",
        "1, 1000, 0.1",
        "1, 1000000, 0.0001",
        "1, 10000000, 1e-05",
        "3, 1000000007, 3e-07",
    })
    void shouldPrintLossAsCPrintsAFloatWithPercentG(long lost, long transmitted, String expected) {
        assertEquals(expected, PingFormat.lossPercent(transmitted, transmitted - lost));
    }

    @ParameterizedTest(name = "%g of {0} -> {1}")
    @CsvSource({
        "123456, 123456",
        "1234567, 1.23457e+06",
        "999999.5, 1e+06",
        "99.99999, 100",
        "0.000123456, 0.000123456",
        "1.5, 1.5",
    })
    void shouldFormatLikeCPercentG(double value, String expected) {
        assertEquals(expected, PingFormat.formatG(value));
    }
}
