package io.slipway.icmp;

import static io.slipway.testing.Ipv4Packets.address;
import static io.slipway.testing.Ipv4Packets.echoRequest;
import static io.slipway.testing.Ipv4Packets.icmp;
import static io.slipway.testing.Ipv4Packets.ipv4;
import static io.slipway.testing.Ipv4Packets.pattern;
import static io.slipway.testing.Ipv4Packets.u16;
import static io.slipway.testing.Ipv4Packets.u8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slipway.base.InternetChecksum;
import io.slipway.base.ManualClock;
import io.slipway.hal.Medium;
import io.slipway.hal.mock.MockAdapter;
import io.slipway.ip.IpEvent;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.stack.InterfaceConfig;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * ICMP rules one by one (RFC 792, RFC 1122 §3.2.2), on a stack whose one SLIP interface is a mock
 * adapter: script a packet in, poll, look at exactly what went out.
 */
class IcmpRulesTest {
    private final ManualClock clock = new ManualClock();
    private final MockAdapter line = new MockAdapter("sl0", Medium.IP, 1006, clock);
    private final Stack host = new Stack("host", StackConfig.DEFAULT
            .withIcmp(new IcmpConfig(3, 1_000_000_000L, 4, 8)), 42);

    IcmpRulesTest() {
        host.addInterface(line, InterfaceConfig.pointToPoint(Ipv4Prefix.parse("10.0.0.2/24", 24),
                Ipv4Address.parse("10.0.0.1")));
    }

    private byte[] exchange(byte[] in) {
        line.script(in);
        host.poll(clock.nanos());
        return line.takeNextTransmitted();
    }

    @Test
    void shouldAnswerAnEchoRequestWithTheSameDataAndSwappedAddresses() {
        byte[] request = echoRequest("10.0.0.1", "10.0.0.2", 0xBEEF, 7, 56);

        byte[] reply = exchange(request);

        assertEquals(84, reply.length);
        assertEquals("10.0.0.2", address(reply, 12));
        assertEquals("10.0.0.1", address(reply, 16));
        assertEquals(64, u8(reply, 8));
        assertEquals(0, InternetChecksum.of(reply, 0, 20), "IP header checksum");
        assertEquals(0, u8(reply, 20), "type echo reply");
        assertEquals(0xBEEF, u16(reply, 24));
        assertEquals(7, u16(reply, 26));
        assertEquals(0, InternetChecksum.of(reply, 20, 64), "ICMP checksum");
        assertArrayEquals(Arrays.copyOfRange(request, 28, 84), Arrays.copyOfRange(reply, 28, 84));
    }

    @Test
    void shouldNotAnswerAnEchoRequestToTheBroadcastAddress() {
        line.script(echoRequest("10.0.0.1", "10.0.0.255", 1, 1, 8));
        host.poll(0);
        line.assertNothingTransmitted();
        assertEquals(1, host.icmp().events().get(IcmpEvent.DROP_BROADCAST_ECHO));
    }

    @Test
    void shouldDropAMessageWithABadChecksum() {
        byte[] request = echoRequest("10.0.0.1", "10.0.0.2", 1, 1, 8);
        request[30] ^= 1;
        line.script(request);
        host.poll(0);
        line.assertNothingTransmitted();
        assertEquals(1, host.icmp().events().get(IcmpEvent.DROP_BAD_CHECKSUM));
    }

    @Test
    void shouldSendProtocolUnreachableQuotingTheHeaderAndEightBytes() {
        byte[] unknown = ipv4("10.0.0.1", "10.0.0.2", 99, 64, 5, 0, pattern(40));

        byte[] error = exchange(unknown);

        assertEquals(20 + 8 + 20 + 8, error.length);
        assertEquals("10.0.0.1", address(error, 16));
        assertEquals(3, u8(error, 20));
        assertEquals(2, u8(error, 21), "code 2: protocol unreachable");
        assertEquals(0, InternetChecksum.of(error, 20, error.length - 20));
        assertArrayEquals(Arrays.copyOfRange(unknown, 0, 28), Arrays.copyOfRange(error, 28, 56));
        assertEquals(1, host.ip().events().get(IpEvent.DROP_UNKNOWN_PROTOCOL));
    }

    @Test
    void shouldSendTimeExceededWhenForwardingADatagramWithTtlOne() {
        host.ip().setForwarding(true);
        byte[] passing = echoRequest("10.0.0.1", "10.0.0.77", 1, 1, 8);
        passing[8] = 1;
        passing[10] = 0;
        passing[11] = 0;
        io.slipway.base.Bytes.put16(passing, 10, InternetChecksum.of(passing, 0, 20));

        byte[] error = exchange(passing);

        assertEquals(11, u8(error, 20));
        assertEquals(0, u8(error, 21), "code 0: TTL exceeded in transit");
        assertEquals("10.0.0.2", address(error, 12), "from the interface it arrived on");
        assertEquals(1, host.ip().events().get(IpEvent.DROP_TTL_EXPIRED));
    }

    @Test
    void shouldNeverSendAnErrorAboutAnIcmpError() {
        host.ip().setForwarding(true);
        byte[] quoted = Arrays.copyOf(ipv4("10.0.0.77", "10.0.0.9", 17, 64, 1, 0, pattern(8)), 28);
        line.script(ipv4("10.0.0.1", "10.0.0.77", 1, 1, 2, 0, icmp(3, 3, 0, quoted)));
        host.poll(0);
        line.assertNothingTransmitted();
        assertEquals(1, host.ip().events().get(IpEvent.DROP_TTL_EXPIRED));
        assertEquals(1, host.icmp().events().get(IcmpEvent.ERROR_SUPPRESSED));
    }

    @Test
    void shouldNotReportAboutANonFirstFragment() {
        host.ip().setForwarding(true);
        line.script(ipv4("10.0.0.1", "10.0.0.77", 17, 1, 3, 0x2000 | 10, pattern(16)));
        host.poll(0);
        line.assertNothingTransmitted();
        assertEquals(1, host.icmp().events().get(IcmpEvent.ERROR_SUPPRESSED));
    }

    @Test
    void shouldNotReportAboutABroadcast() {
        line.script(ipv4("10.0.0.1", "10.0.0.255", 99, 64, 1, 0, pattern(8)));
        host.poll(0);
        line.assertNothingTransmitted();
        assertEquals(1, host.icmp().events().get(IcmpEvent.ERROR_SUPPRESSED));
    }

    @Test
    void shouldRateLimitErrorsWithATokenBucket() {
        for (int i = 0; i < 5; i++) {
            line.script(ipv4("10.0.0.1", "10.0.0.2", 99, 64, i, 0, pattern(8)));
        }
        host.poll(0);
        assertEquals(3, line.takeTransmitted().size(), "a burst of 3");
        assertEquals(2, host.icmp().events().get(IcmpEvent.ERROR_RATE_LIMITED));

        clock.advance(1_000_000_000L);
        line.script(ipv4("10.0.0.1", "10.0.0.2", 99, 64, 9, 0, pattern(8)));
        line.script(ipv4("10.0.0.1", "10.0.0.2", 99, 64, 10, 0, pattern(8)));
        host.poll(clock.nanos());
        assertEquals(1, line.takeTransmitted().size(), "one token per second");
    }

    @Test
    void shouldAnswerAMalformedOptionWithAParameterProblemPointingAtIt() {
        byte[] plain = echoRequest("10.0.0.1", "10.0.0.2", 1, 1, 8);
        // Header of 24 bytes: a NOP, then an option of type 0x83 whose length (9) runs past the header.
        byte[] bad = new byte[plain.length + 4];
        System.arraycopy(plain, 0, bad, 0, 20);
        System.arraycopy(plain, 20, bad, 24, plain.length - 20);
        bad[0] = 0x46;
        bad[20] = 1;
        bad[21] = (byte) 0x83;
        bad[22] = 9;
        io.slipway.base.Bytes.put16(bad, 2, bad.length);
        io.slipway.base.Bytes.put16(bad, 10, 0);
        io.slipway.base.Bytes.put16(bad, 10, InternetChecksum.of(bad, 0, 24));

        byte[] error = exchange(bad);

        assertEquals(12, u8(error, 20), "parameter problem");
        assertEquals(22, u8(error, 24), "pointer at the bad length byte");
        assertEquals(1, host.ip().events().get(IpEvent.DROP_BAD_OPTIONS));
    }

    @Test
    void shouldAnswerAnEchoRequestCarryingWellFormedOptions() {
        byte[] plain = echoRequest("10.0.0.1", "10.0.0.2", 1, 1, 8);
        byte[] withOptions = new byte[plain.length + 4];
        System.arraycopy(plain, 0, withOptions, 0, 20);
        System.arraycopy(plain, 20, withOptions, 24, plain.length - 20);
        withOptions[0] = 0x46;
        withOptions[20] = (byte) 0x94; // router alert (RFC 2113): type, length 4, value 0
        withOptions[21] = 4;
        io.slipway.base.Bytes.put16(withOptions, 2, withOptions.length);
        io.slipway.base.Bytes.put16(withOptions, 10, 0);
        io.slipway.base.Bytes.put16(withOptions, 10, InternetChecksum.of(withOptions, 0, 24));

        byte[] reply = exchange(withOptions);

        assertEquals(20 + 16, reply.length, "the reply carries no options");
        assertEquals(0, u8(reply, 20));
    }
}
