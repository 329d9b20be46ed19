package io.slipway.harness.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.hal.framing.Framing;
import io.slipway.hal.serial.SerialAdapter;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.SendResult;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 3's interop: the Linux kernel, in a network namespace behind a TUN (SLIP) or TAP
 * (Ethernet) device bridged onto a pseudo-terminal, pings slipway and is pinged by it — with
 * payloads larger than the MTU, so both kernels' fragments meet both reassemblers.
 */
@Timeout(60)
class LinuxPingInteropTest {
    private static final String LINUX = "10.77.0.1";
    private static final String SLIPWAY = "10.77.0.2";

    @BeforeEach
    void requireLinuxPeer() {
        LinuxPeer.availableOrSkip();
    }

    private static int mtu(Framing framing) {
        return framing == Framing.SLIP ? SerialAdapter.SLIP_MTU : SerialAdapter.ETHERNET_MTU;
    }

    @ParameterizedTest
    @EnumSource(names = {"SLIP", "ETHERNET"}, value = FramingName.class)
    void shouldAnswerLinuxPing(FramingName name) throws Exception {
        Framing framing = name.framing();
        try (LinuxPeer linux = LinuxPeer.start(framing, LINUX + "/24", mtu(framing));
                SlipwayHost slipway = SlipwayHost.start(linux.slipwayPort(), framing, SLIPWAY + "/24", LINUX)) {
            ProcessResult ping = linux.exec(Duration.ofSeconds(20), "ping", "-c", "3", "-i", "0.2", "-W", "3",
                    SLIPWAY);

            assertTrue(ping.succeeded() && ping.output().contains("3 received"),
                    ping.output() + "\n" + slipway.diagnostics() + "\n" + linux.diagnostics());
            assertTrue(ping.output().contains("ttl=64"), ping.output());
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"SLIP", "ETHERNET"}, value = FramingName.class)
    void shouldAnswerLinuxPingLargerThanTheMtuInFragments(FramingName name) throws Exception {
        Framing framing = name.framing();
        try (LinuxPeer linux = LinuxPeer.start(framing, LINUX + "/24", mtu(framing));
                SlipwayHost slipway = SlipwayHost.start(linux.slipwayPort(), framing, SLIPWAY + "/24", LINUX)) {
            // 4000 data bytes: 4028-byte datagrams, in 5 fragments at MTU 1006 and 3 at 1500.
            ProcessResult ping = linux.exec(Duration.ofSeconds(20), "ping", "-c", "2", "-i", "0.3", "-W", "5",
                    "-s", "4000", SLIPWAY);

            assertTrue(ping.succeeded() && ping.output().contains("2 received")
                    && ping.output().contains("4008 bytes from " + SLIPWAY),
                    ping.output() + "\n" + slipway.diagnostics() + "\n" + linux.diagnostics());
        }
    }

    @ParameterizedTest
    @EnumSource(names = {"SLIP", "ETHERNET"}, value = FramingName.class)
    void shouldBeAnsweredByLinuxSmallAndFragmented(FramingName name) throws Exception {
        Framing framing = name.framing();
        try (LinuxPeer linux = LinuxPeer.start(framing, LINUX + "/24", mtu(framing));
                SlipwayHost slipway = SlipwayHost.start(linux.slipwayPort(), framing, SLIPWAY + "/24", LINUX)) {
            SlipwayHost.Pinger pinger = slipway.pinger(0x5AFE, 8000);
            int[] sizes = {56, 3000, 8000};
            for (int seq = 0; seq < sizes.length; seq++) {
                assertEquals(SendResult.SENT, pinger.send(LINUX, seq, sizes[seq]));
                SlipwayHost.Reply reply = pinger.await(5);
                assertNotNull(reply, "no reply to " + sizes[seq] + " bytes\n" + slipway.diagnostics() + "\n"
                        + linux.diagnostics());
                assertEquals(new SlipwayHost.Reply(Ipv4Address.parse(LINUX), seq, 64, sizes[seq], reply.rttNanos()),
                        reply);
            }
        }
    }

    /** The framings under test, by name (Framing is an interface with two constants). */
    enum FramingName {
        SLIP, ETHERNET;

        Framing framing() {
            return this == SLIP ? Framing.SLIP : Framing.ETHERNET;
        }
    }
}
