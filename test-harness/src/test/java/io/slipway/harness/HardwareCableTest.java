package io.slipway.harness;

import io.slipway.hal.framing.Framing;
import io.slipway.hal.serial.JSerialCommLine;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The pty exchange over two real serial ports joined by a null-modem cable, run only when they are
 * named: {@code -Dhil.portA=/dev/ttyUSB0 -Dhil.portB=/dev/ttyUSB1}, with {@code -Dhil.baud}
 * (default 115200) and {@code -Dhil.frames} (default 200: at 115200 baud a line carries about
 * 11.5 kB/s, so 10 000 frames would take minutes). See docs/hardware-in-the-loop.md.
 *
 * <p>Not naming ports skips these tests even in CI: hardware is opt-in.
 */
@EnabledIfSystemProperty(named = "hil.portA", matches = ".+", disabledReason = "no -Dhil.portA: no hardware named")
@EnabledIfSystemProperty(named = "hil.portB", matches = ".+", disabledReason = "no -Dhil.portB: no hardware named")
class HardwareCableTest {
    private static final String PORT_A = System.getProperty("hil.portA");
    private static final String PORT_B = System.getProperty("hil.portB");
    private static final int BAUD = Integer.getInteger("hil.baud", 115_200);
    private static final int FRAMES = Integer.getInteger("hil.frames", 200);

    @Test
    void shouldExchangeSlipFramesBothWaysAtOnceOverANullModemCable() throws Exception {
        exchange(Framing.SLIP, 1006);
    }

    @Test
    void shouldExchangeEthernetFramesBothWaysAtOnceOverANullModemCable() throws Exception {
        exchange(Framing.ETHERNET, 1514);
    }

    private static void exchange(Framing framing, int maxFrame) throws Exception {
        JSerialCommLine.Options options = JSerialCommLine.Options.DEFAULT.withBaudRate(BAUD);
        CableExchange.run(PORT_A, PORT_B, options, framing, FRAMES, timeout(maxFrame),
                () -> "ports " + PORT_A + " and " + PORT_B + " at " + BAUD + " baud, 8N1, no flow control");
    }

    /**
     * Three times the time the line needs, plus slack: frames average half the maximum, byte
     * stuffing adds about 7 % for these frames, and 8N1 takes 10 bits per byte.
     */
    private static Duration timeout(int maxFrame) {
        double bytes = FRAMES * (maxFrame / 2.0 + 2) * 1.07;
        double seconds = bytes * 10 / BAUD;
        return Duration.ofSeconds(30 + (long) (3 * seconds));
    }
}
