package io.slipway.hal.loopback;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.slipway.base.ManualClock;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.Medium;
import io.slipway.hal.framing.Framing;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Frames cross byte-exact both ways whatever the framing (SLIP, Ethernet over serial, or none),
 * escapes and maximum-size frames included, and the ends count them.
 */
class FramingTest {
    private static final int FRAMES = 500;

    private static LoopbackCable cable(ManualClock clock, String framing) {
        LoopbackCable.Builder builder = LoopbackCable.builder(clock).name("c0").mtu(1006)
                .impairments(Impairments.builder().baud(1_000_000).build());
        if (framing.equals("none")) {
            builder.unframed(Medium.ETHERNET);
        } else {
            builder.framing(Framing.named(framing));
        }
        return builder.build();
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "slip", "ethernet"})
    void shouldCarryEveryFrameByteExactBothWays(String framing) {
        ManualClock clock = new ManualClock();
        LoopbackCable cable = cable(clock, framing);
        byte[][] frames = TestFrames.mixed(FRAMES, 14, cable.a().maxFrameLength(), 11);
        frames[0] = TestFrames.numbered(0, cable.a().maxFrameLength());
        frames[1] = new byte[300];
        java.util.Arrays.fill(frames[1], 4, 150, (byte) 0xC0);
        java.util.Arrays.fill(frames[1], 150, 300, (byte) 0xDB);
        frames[1][3] = 1;

        VirtualWire ab = new VirtualWire(clock, cable.a(), cable.b()).send(frames, 1_000);
        VirtualWire ba = new VirtualWire(clock, cable.b(), cable.a()).send(frames, 1_000);

        assertAllArrived(frames, ab);
        assertAllArrived(frames, ba);
        long bytes = 0;
        for (byte[] frame : frames) {
            bytes += frame.length;
        }
        for (LanAdapter end : new LanAdapter[] {cable.a(), cable.b()}) {
            assertEquals(FRAMES, end.counters().framesOut(), end.name());
            assertEquals(FRAMES, end.counters().framesIn(), end.name());
            assertEquals(bytes, end.counters().bytesOut(), end.name());
            assertEquals(bytes, end.counters().bytesIn(), end.name());
            assertEquals(0, end.counters().totalDrops(), end.name() + " " + end.counters());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"none", "slip", "ethernet"})
    void shouldDescribeItsEnds(String framing) {
        LoopbackCable cable = cable(new ManualClock(), framing);
        Medium medium = framing.equals("slip") ? Medium.IP : Medium.ETHERNET;
        assertEquals("c0.a", cable.a().name());
        assertEquals("c0.b", cable.b().name());
        for (LanAdapter end : new LanAdapter[] {cable.a(), cable.b()}) {
            assertEquals(medium, end.medium());
            assertEquals(1006, end.mtu());
            assertEquals(1006 + medium.headerLength(), end.maxFrameLength());
        }
        if (framing.equals("none")) {
            assertNull(cable.framing());
        } else {
            assertSame(Framing.named(framing), cable.framing());
        }
    }

    private static void assertAllArrived(byte[][] frames, VirtualWire wire) {
        assertEquals(frames.length, wire.received.size());
        for (int i = 0; i < frames.length; i++) {
            assertArrayEquals(frames[i], wire.received.get(i), "frame " + i);
        }
    }
}
