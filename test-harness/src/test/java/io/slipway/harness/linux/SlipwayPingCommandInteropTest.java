package io.slipway.harness.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.cli.Slipway;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.serial.SerialAdapter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The {@code slipway ping} command itself, as a user runs it, against the Linux kernel over the
 * pseudo-terminal line: SLIP and Ethernet framing, a small ping and one larger than the MTU, so
 * that Linux reassembles our fragments and we reassemble its.
 */
@Timeout(60)
class SlipwayPingCommandInteropTest {
    private static final Pattern REPLY = Pattern.compile(
            "\\d+ bytes from 10\\.77\\.0\\.1: icmp_seq=\\d+ ttl=64 time=[0-9.]+ ms");

    @BeforeEach
    void requireLinuxPeer() {
        LinuxPeer.availableOrSkip();
    }

    @ParameterizedTest(name = "{0}, {1} data bytes")
    @CsvSource({"slip, 56", "slip, 3000", "ethernet, 56", "ethernet, 3000"})
    void shouldBeAnsweredByTheLinuxKernel(String framing, int size) throws Exception {
        Framing wire = Framing.named(framing);
        int mtu = wire == Framing.SLIP ? SerialAdapter.SLIP_MTU : SerialAdapter.ETHERNET_MTU;
        try (LinuxPeer linux = LinuxPeer.start(wire, "10.77.0.1/24", mtu)) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();

            int exit = Slipway.run(new String[] {"ping", "--serial", linux.slipwayPort().toString(), "--no-lock",
                "--framing", framing, "--ip", "10.77.0.2/24", "-c", "3", "-i", "0.2", "-W", "3",
                "-s", Integer.toString(size), "10.77.0.1"},
                    new PrintWriter(out, true), new PrintWriter(err, true));

            String output = out.toString();
            System.out.print(output); // the real exchange, in the test log
            String why = output + err + "\n" + linux.diagnostics();
            assertEquals(0, exit, why);
            assertTrue(output.startsWith("PING 10.77.0.1 (10.77.0.1) " + size + "(" + (size + 28) + ") bytes of data."),
                    why);
            assertEquals(3, REPLY.matcher(output).results().count(), why);
            assertTrue(output.contains("3 packets transmitted, 3 received, 0% packet loss"), why);
            assertTrue(output.contains((size + 8) + " bytes from 10.77.0.1"), why);
        }
    }
}
