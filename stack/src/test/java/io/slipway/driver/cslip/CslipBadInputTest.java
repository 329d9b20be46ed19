package io.slipway.driver.cslip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.slipway.hal.mock.Hex;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * What a damaged or hostile line may send the decompressor: each is dropped and counted under
 * its reason, the state of the slot stays as it was, and nothing throws.
 */
class CslipBadInputTest {
    private final CslipCodec codec = new CslipCodec();
    private final TcpIpPacket p = new TcpIpPacket();

    private void assertDropped(CslipEvent reason, String frameHex) {
        assertNull(codec.decompress(Hex.bytes(frameHex)));
        assertEquals(1, codec.received.get(reason), codec.received.toString());
    }

    /** Slot 0 set up by a first packet. */
    private void establish() {
        codec.decompress(codec.compress(p.bytes()));
    }

    @Test
    void shouldDropACompressedPacketForASlotNeverSet() {
        assertDropped(CslipEvent.DROP_UNKNOWN_CONNECTION, "df 05 12 34");
    }

    @Test
    void shouldDropACompressedPacketWithoutAConnectionNumberBeforeAnyWasNamed() {
        assertDropped(CslipEvent.DROP_UNKNOWN_CONNECTION, "9f 12 34");
    }

    @Test
    void shouldDropAConnectionNumberOf16OrMore() {
        assertDropped(CslipEvent.DROP_BAD_CONNECTION, "df 10 12 34");
        byte[] whole = codec.compress(p.bytes());
        whole[9] = 16;
        assertNull(codec.decompress(whole));
        assertEquals(2, codec.received.get(CslipEvent.DROP_BAD_CONNECTION));
    }

    @Test
    void shouldDropTruncatedHeaders() {
        establish();
        assertDropped(CslipEvent.DROP_TRUNCATED, "c0");         // C without its number
        assertNull(codec.decompress(Hex.bytes("c0 00 12")));     // half a checksum
        assertNull(codec.decompress(Hex.bytes("c2 00 12 34 00 ff")));  // W's three-byte form cut
        assertNull(codec.decompress(Hex.bytes("e4 00 12 34 05")));     // A given, I missing
        assertEquals(4, codec.received.get(CslipEvent.DROP_TRUNCATED));
    }

    @Test
    void shouldLeaveTheSlotAsItWasAfterABadPacket() {
        establish();
        assertNull(codec.decompress(Hex.bytes("ca 00 12 34 00 ff"))); // W|S, S missing
        byte[] next = p.next().bytes();
        byte[] frame = codec.compress(next);
        frame[0] |= 0x40; // name the connection, so the toss ends; the state must be untouched
        byte[] named = new byte[frame.length + 1];
        named[0] = frame[0];
        named[1] = 0;
        System.arraycopy(frame, 1, named, 2, frame.length - 1);
        assertArrayEquals(next, codec.decompress(named));
    }

    @Test
    void shouldDropAPacketThatWouldRebuildPastTheMtu() {
        establish();
        byte[] frame = new byte[CslipCodec.MTU];
        frame[0] = (byte) 0xc0; // C, connection 0, no changes: 1497 data bytes + 40 > 1500
        assertNull(codec.decompress(frame));
        assertEquals(1, codec.received.get(CslipEvent.DROP_TOO_LONG));
    }

    @Test
    void shouldDropUncompressedPacketsWithUnsoundHeaders() {
        byte[] whole = codec.compress(p.bytes());
        byte[] shortened = Arrays.copyOf(whole, 45); // total length says 50
        assertNull(codec.decompress(shortened));
        byte[] badChecksum = whole.clone();
        badChecksum[10] ^= 1;
        assertNull(codec.decompress(badChecksum));
        byte[] badOffset = whole.clone();
        badOffset[32] = 0x40; // TCP data offset 4
        assertNull(codec.decompress(badOffset));
        assertNull(codec.decompress(Arrays.copyOf(whole, 39)));
        assertEquals(4, codec.received.get(CslipEvent.DROP_BAD_HEADER));
    }

    @Test
    void shouldDropFramesOfNoKnownTypeAndEmptyFrames() {
        assertDropped(CslipEvent.DROP_UNKNOWN_TYPE, "60 00 00 00");
        assertNull(codec.decompress(new byte[0]));
        assertEquals(2, codec.received.get(CslipEvent.DROP_UNKNOWN_TYPE));
    }
}
