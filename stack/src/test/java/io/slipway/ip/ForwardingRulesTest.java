package io.slipway.ip;

import static io.slipway.testing.Ipv4Packets.address;
import static io.slipway.testing.Ipv4Packets.echoRequest;
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
import io.slipway.stack.InterfaceConfig;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A router's rules (RFC 1812 §5.2–5.3, RFC 791 §3.2, RFC 1191) on a stack with two SLIP lines of
 * different MTUs, both mock adapters: line 1 (MTU 1006) to 10.1.0.0/24, line 2 (MTU 296) to
 * 10.2.0.0/24.
 */
class ForwardingRulesTest {
    private final ManualClock clock = new ManualClock();
    private final MockAdapter line1 = new MockAdapter("sl1", Medium.IP, 1006, clock);
    private final MockAdapter line2 = new MockAdapter("sl2", Medium.IP, 296, clock);
    private final Stack router = new Stack("router", StackConfig.DEFAULT, 5);

    ForwardingRulesTest() {
        router.addInterface(line1, InterfaceConfig.pointToPoint(Ipv4Prefix.parse("10.1.0.254/24", 24),
                Ipv4Address.ANY));
        router.addInterface(line2, InterfaceConfig.pointToPoint(Ipv4Prefix.parse("10.2.0.254/24", 24),
                Ipv4Address.ANY));
        router.ip().setForwarding(true);
    }

    private void receive(MockAdapter line, byte[] packet) {
        line.script(packet);
        router.poll(clock.nanos());
    }

    @Test
    void shouldForwardWithTtlOneLessAndAValidChecksum() {
        byte[] in = echoRequest("10.1.0.1", "10.2.0.1", 1, 1, 56);

        receive(line1, in);

        byte[] out = line2.takeNextTransmitted();
        assertEquals(63, u8(out, 8));
        assertEquals(0, InternetChecksum.of(out, 0, 20));
        assertArrayEquals(Arrays.copyOfRange(in, 12, in.length), Arrays.copyOfRange(out, 12, out.length));
        line1.assertNothingTransmitted();
        assertEquals(1, router.ip().events().get(IpEvent.FORWARDED));
    }

    @Test
    void shouldNotForwardWhenForwardingIsOff() {
        router.ip().setForwarding(false);
        receive(line1, echoRequest("10.1.0.1", "10.2.0.1", 1, 1, 56));
        line2.assertNothingTransmitted();
        line1.assertNothingTransmitted();
        assertEquals(1, router.ip().events().get(IpEvent.DROP_NOT_FOR_US));
    }

    @Test
    void shouldAnswerNetUnreachableWithoutARoute() {
        receive(line1, echoRequest("10.1.0.1", "192.0.2.1", 1, 1, 8));
        byte[] error = line1.takeNextTransmitted();
        assertEquals(3, u8(error, 20));
        assertEquals(0, u8(error, 21), "code 0: net unreachable");
        assertEquals("10.1.0.254", address(error, 12));
    }

    @Test
    void shouldAnswerFragmentationNeededWithTheNextHopMtuWhenDontFragmentIsSet() {
        byte[] big = ipv4("10.1.0.1", "10.2.0.1", 17, 64, 9, Ipv4Header.FLAG_DONT_FRAGMENT, pattern(400));

        receive(line1, big);

        line2.assertNothingTransmitted();
        byte[] error = line1.takeNextTransmitted();
        assertEquals(3, u8(error, 20));
        assertEquals(4, u8(error, 21), "code 4: fragmentation needed and DF set");
        assertEquals(296, u16(error, 26), "RFC 1191: next-hop MTU");
        assertEquals(64, u8(error, 28 + 8), "quotes the datagram as received, TTL not yet decremented");
        assertEquals(1, router.ip().events().get(IpEvent.DROP_FRAGMENTATION_NEEDED));
    }

    @Test
    void shouldFragmentOnTheWayOutToTheSmallerMtu() {
        byte[] payload = pattern(700);
        byte[] big = ipv4("10.1.0.1", "10.2.0.1", 17, 64, 0x4242, 0, payload);

        receive(line1, big);

        List<byte[]> pieces = line2.takeTransmitted();
        // 272 data bytes per fragment (296 - 20 = 276, rounded down to a multiple of 8): 272 + 272 + 156.
        assertEquals(3, pieces.size());
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int expectedOffset = 0;
        for (int i = 0; i < pieces.size(); i++) {
            byte[] p = pieces.get(i);
            assertEquals(0, InternetChecksum.of(p, 0, 20));
            assertEquals(0x4242, u16(p, 4), "same identification");
            assertEquals(63, u8(p, 8));
            int flags = u16(p, 6);
            assertEquals(expectedOffset / 8, flags & 0x1FFF);
            assertEquals(i < 2, (flags & Ipv4Header.FLAG_MORE_FRAGMENTS) != 0);
            assertEquals(p.length, u16(p, 2));
            data.write(p, 20, p.length - 20);
            expectedOffset += p.length - 20;
        }
        assertEquals(292, pieces.get(0).length);
        assertEquals(176, pieces.get(2).length);
        assertArrayEquals(payload, data.toByteArray());
        assertEquals(3, router.ip().events().get(IpEvent.FRAGMENTS_OUT));
    }

    @Test
    void shouldDeliverToItselfRatherThanForwardWhenAddressedToItsOtherInterface() {
        receive(line1, echoRequest("10.1.0.1", "10.2.0.254", 1, 1, 8));
        byte[] reply = line1.takeNextTransmitted();
        assertEquals(0, u8(reply, 20), "echo reply");
        assertEquals("10.2.0.254", address(reply, 12));
        line2.assertNothingTransmitted();
    }

    @Test
    void shouldNotForwardADirectedBroadcast() {
        receive(line1, echoRequest("10.1.0.1", "10.2.0.255", 1, 1, 8));
        line2.assertNothingTransmitted();
        line1.assertNothingTransmitted();
        assertEquals(1, router.ip().events().get(IpEvent.DROP_DIRECTED_BROADCAST));
    }
}
