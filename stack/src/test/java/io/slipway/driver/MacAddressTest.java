package io.slipway.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.hal.mock.Hex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MacAddressTest {
    @Test
    void shouldParseColonsOrDashesInEitherCase() {
        assertEquals(0x0200_5E10_00ABL, MacAddress.parse("02:00:5e:10:00:ab"));
        assertEquals(0x0200_5E10_00ABL, MacAddress.parse("02-00-5E-10-00-AB"));
        assertEquals(0x0200_5E10_00ABL, MacAddress.parse(" 2:0:5e:10:0:ab "));
        assertEquals(MacAddress.BROADCAST, MacAddress.parse("ff:ff:ff:ff:ff:ff"));
    }

    @Test
    void shouldFormatAsSixLowerCaseHexPairs() {
        assertEquals("02:00:5e:10:00:ab", MacAddress.format(0x0200_5E10_00ABL));
        assertEquals("00:00:00:00:00:00", MacAddress.format(MacAddress.NONE));
        assertEquals("ff:ff:ff:ff:ff:ff", MacAddress.format(MacAddress.BROADCAST));
    }

    @Test
    void shouldRoundTripTextAndBytes() {
        for (String text : new String[] {"00:00:00:00:00:01", "fe:dc:ba:98:76:54", "80:00:00:00:00:00"}) {
            long mac = MacAddress.parse(text);
            assertEquals(text, MacAddress.format(mac));
            byte[] b = new byte[8];
            MacAddress.write(b, 1, mac);
            assertEquals(mac, MacAddress.read(b, 1));
            assertEquals(0, b[0]);
            assertEquals(0, b[7]);
        }
        byte[] wire = Hex.bytes("fe dc ba 98 76 54");
        assertEquals("fe:dc:ba:98:76:54", MacAddress.format(MacAddress.read(wire, 0)));
    }

    @Test
    void shouldTellGroupAddressesByTheFirstByte() {
        assertTrue(MacAddress.isGroup(MacAddress.BROADCAST));
        assertTrue(MacAddress.isGroup(MacAddress.parse("01:00:5e:00:00:01")));
        assertTrue(MacAddress.isGroup(MacAddress.parse("33:33:00:00:00:01")));
        assertFalse(MacAddress.isGroup(MacAddress.parse("02:00:00:00:00:01")));
        assertFalse(MacAddress.isGroup(MacAddress.parse("00:01:00:00:00:00")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "02:00:00:00:00", "02:00:00:00:00:01:02", "02:00:00:00:00:001",
            "02::00:00:00:01", "02:00:00:00:00:0g", "02:00:00:00:00:-1", "02 00 00 00 00 01",
            // Integer.parseInt took these two: a sign, and a non-ASCII (Arabic-Indic) digit
            "+2:00:00:00:00:01", "02:00:00:00:00:\u0661"})
    void shouldRefuseWhatIsNotAMacAddressNamingIt(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MacAddress.parse(text));
        assertTrue(e.getMessage().startsWith("not a MAC address"), e.getMessage());
        assertTrue(e.getMessage().endsWith(text), e.getMessage());
    }
}
