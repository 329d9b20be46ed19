package io.slipway.tcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.hal.mock.Hex;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The options value and the layout it is written in (Linux's: every option on a 32-bit word). */
class TcpOptionsTest {
    private final TcpOptions options = new TcpOptions();

    private String written(TcpOptions o) {
        byte[] b = new byte[TcpOptions.MAX_LENGTH];
        int n = o.writeTo(b, 0);
        assertEquals(o.encodedLength(), n);
        return Hex.dump(Arrays.copyOf(b, n));
    }

    @Test
    void shouldStartWithNoOptions() {
        assertEquals(-1, options.mss());
        assertEquals(-1, options.windowScale());
        assertFalse(options.sackPermitted());
        assertFalse(options.sackPresent());
        assertFalse(options.timestamps());
        assertTrue(options.isEmpty());
        assertEquals(0, options.encodedLength());
        assertEquals("none", options.toString());
    }

    @Test
    void shouldWriteASynsOptionsInLinuxsOrder() {
        options.setWindowScale(7).setTimestamps(0x01020304L, 0).setSackPermitted(true).setMss(1460);
        assertEquals("02 04 05 b4 04 02 08 0a 01 02 03 04 00 00 00 00 01 03 03 07", written(options));
        assertEquals(20, options.encodedLength());
    }

    @Test
    void shouldPadEachOptionToAWordWithNops() {
        assertEquals("01 01 08 0a 00 00 00 05 00 00 00 06", written(new TcpOptions().setTimestamps(5, 6)));
        assertEquals("01 01 04 02", written(new TcpOptions().setSackPermitted(true)));
        assertEquals("01 03 03 00", written(new TcpOptions().setWindowScale(0)));
        assertEquals("02 04 02 18 01 01 04 02 01 03 03 0e",
                written(new TcpOptions().setMss(536).setSackPermitted(true).setWindowScale(14)));
    }

    @Test
    void shouldReadBackWhatItWrites() {
        options.setMss(65535).setSackPermitted(true).setTimestamps(0xFFFF_FFFFL, 0x8000_0000L).setWindowScale(14);
        byte[] b = new byte[TcpHeader.MIN_LENGTH + options.encodedLength()];
        TcpHeader h = new TcpHeader().wrap(b, 0, b.length);
        assertEquals(b.length, h.write(1, 2, 3, 4, TcpHeader.SYN, 5, options));

        TcpOptions read = new TcpOptions();
        assertTrue(h.parseOptions(read));
        assertEquals(options.toString(), read.toString());
        assertEquals(0xFFFF_FFFFL, read.tsValue());
        assertEquals(0x8000_0000L, read.tsEcho());
    }

    @Test
    void shouldTakeTimestampsModulo2To32() {
        options.setTimestamps(0x1_0000_0001L, -1);
        assertEquals(1, options.tsValue());
        assertEquals(0xFFFF_FFFFL, options.tsEcho());
    }

    @Test
    void shouldRefuseValuesTheWireCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> options.setMss(65536));
        assertThrows(IllegalArgumentException.class, () -> options.setMss(-2));
        assertThrows(IllegalArgumentException.class, () -> options.setWindowScale(15), "RFC 7323 §2.3");
        assertThrows(IllegalArgumentException.class, () -> options.setWindowScale(-2));
    }

    @Test
    void shouldRemoveOptionsAgain() {
        options.setMss(1460).setWindowScale(3).setSackPermitted(true).setTimestamps(1, 2);
        options.setMss(-1).setWindowScale(-1).setSackPermitted(false).clearTimestamps();
        assertTrue(options.isEmpty());
        assertEquals("none", options.toString());
    }

    @Test
    void shouldResetAndCopy() {
        options.setMss(1460).setWindowScale(3).setSackPermitted(true).setTimestamps(1, 2);
        options.markSackPresent();
        TcpOptions copy = new TcpOptions().copyFrom(options);
        assertEquals("mss=1460 ws=3 sackOk sack ts=1/2", copy.toString());

        options.reset();
        assertEquals("none", options.toString());
        assertEquals(0, options.tsValue());
        assertEquals("mss=1460 ws=3 sackOk sack ts=1/2", copy.toString(), "a copy, not a view");
    }

    @Test
    void shouldNotCountASackItCannotWrite() {
        options.markSackPresent();
        assertTrue(options.isEmpty());
        assertEquals(0, options.encodedLength());
    }
}
