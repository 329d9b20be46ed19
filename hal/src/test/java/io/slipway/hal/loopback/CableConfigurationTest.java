package io.slipway.hal.loopback;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.ManualClock;
import org.junit.jupiter.api.Test;

/** The cable's and the impairments' settings: defaults, per-direction values and refusals. */
class CableConfigurationTest {
    @Test
    void shouldDefaultToAPerfectUnpacedWire() {
        Impairments perfect = Impairments.PERFECT;
        assertFalse(perfect.isPaced());
        assertEquals(0, perfect.baud());
        assertEquals(0, perfect.propagationDelayNanos());
        assertEquals(0.0, perfect.loss());
        assertEquals(0.0, perfect.corruption());
        assertEquals(0.0, perfect.duplication());
        assertEquals(0.0, perfect.reorder());
        assertEquals(Impairments.NO_MTU_CAP, perfect.mtuCap());
        LoopbackCable cable = LoopbackCable.builder(new ManualClock()).build();
        assertSame(perfect, cable.impairments(CableDirection.A_TO_B));
        assertSame(perfect, cable.impairments(CableDirection.B_TO_A));
        assertEquals(1500, cable.a().mtu());
        assertEquals("cable.a", cable.a().name());
    }

    @Test
    void shouldKeepEachDirectionsImpairments() {
        Impairments slow = Impairments.builder().baud(9600).build();
        Impairments lossy = Impairments.builder().loss(0.5).build();
        LoopbackCable cable = LoopbackCable.builder(new ManualClock()).impairments(slow, lossy).build();
        assertSame(slow, cable.impairments(CableDirection.A_TO_B));
        assertSame(lossy, cable.impairments(CableDirection.B_TO_A));
    }

    @Test
    void shouldChangeOneSettingFromAnExistingValue() {
        Impairments base = Impairments.builder().baud(115_200).loss(0.1).reorder(0.2, 5_000).build();
        Impairments changed = base.toBuilder().loss(0.3).build();
        assertEquals(115_200, changed.baud());
        assertEquals(0.3, changed.loss());
        assertEquals(0.2, changed.reorder());
        assertEquals(5_000, changed.reorderHoldNanos());
        assertTrue(changed.toString().contains("loss=0.3"), changed.toString());
    }

    @Test
    void shouldRefuseImpossibleImpairments() {
        assertThrows(IllegalArgumentException.class, () -> Impairments.builder().baud(-1));
        assertThrows(IllegalArgumentException.class, () -> Impairments.builder().propagationDelayNanos(-1));
        assertThrows(IllegalArgumentException.class, () -> Impairments.builder().loss(1.01));
        assertThrows(IllegalArgumentException.class, () -> Impairments.builder().corruption(-0.1));
        assertThrows(IllegalArgumentException.class, () -> Impairments.builder().duplication(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Impairments.builder().reorder(0.1, -1));
        assertThrows(IllegalArgumentException.class, () -> Impairments.builder().reorder(0.1, 0).build());
        assertThrows(IllegalArgumentException.class, () -> Impairments.builder().mtuCap(-1));
    }

    @Test
    void shouldRefuseImpossibleCables() {
        ManualClock clock = new ManualClock();
        assertThrows(NullPointerException.class, () -> LoopbackCable.builder(null));
        assertThrows(IllegalArgumentException.class, () -> LoopbackCable.builder(clock).mtu(0));
        assertThrows(IllegalArgumentException.class, () -> LoopbackCable.builder(clock).transmitQueueFrames(0));
        assertThrows(IllegalArgumentException.class, () -> LoopbackCable.builder(clock).receiveQueueFrames(0));
        assertThrows(IllegalArgumentException.class,
                () -> LoopbackCable.builder(clock).transmitQueueFrames(8).inFlightFrames(4).build());
    }

    @Test
    void shouldRefuseACallersOutOfRangeWindow() {
        LoopbackCable cable = LoopbackCable.builder(new ManualClock()).build();
        assertThrows(IndexOutOfBoundsException.class, () -> cable.a().transmit(new byte[10], 5, 6));
        assertThrows(IndexOutOfBoundsException.class, () -> cable.a().receive(new byte[10], 0, 11));
    }
}
