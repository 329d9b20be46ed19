package io.slipway.harness.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.hal.framing.Framing;
import io.slipway.hal.serial.SerialAdapter;
import io.slipway.socket.Addresses;
import io.slipway.socket.ListeningSocket;
import io.slipway.socket.StreamSocket;
import io.slipway.stack.StackConfig;
import io.slipway.tcp.TcpConfig;
import io.slipway.tcp.TcpEvent;
import io.slipway.testing.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * TCP against the Linux kernel over the pseudo-terminal SLIP line: socat in the peer's namespace as
 * server and as client, 1 MiB each way at the same time, both SHA-256 sums equal, a clean close
 * both ways (FIN, no reset) — on a clean line and with the bridge dropping 2 % of the frames each
 * way, which TCP on both sides must recover from.
 */
@Timeout(300)
class TcpLinuxInteropTest {
    private static final int MIB = 1 << 20;
    private static final int PORT = 5001;

    @TempDir
    Path temp;

    @BeforeEach
    void requireLinuxPeer() {
        LinuxPeer.availableOrSkip();
        Environment.requireOrSkip(Environment.onPath("sha256sum"), "sha256sum (coreutils)");
    }

    /** What the one connection's ends agreed, read on the stack thread. */
    private static String agreedOptions(SlipwayHost slipway) throws Exception {
        return slipway.onStack(stack -> stack.tcp().connections().get(0).agreedOptions());
    }

    @ParameterizedTest(name = "slipway is the {0}, {1} frame loss, timestamps {2}")
    @CsvSource({"client, 0, false", "server, 0, false", "client, 0.02, false", "server, 0.02, false",
        "client, 0.02, true", "server, 0, true"})
    void shouldExchangeAMebibyteEachWayWithTheLinuxKernel(String role, double loss, boolean timestamps)
            throws Exception {
        byte[] ours = Transfers.random(MIB, 1);
        byte[] theirs = Transfers.random(MIB, 2);
        Path theirsFile = temp.resolve("linux-sends.bin");
        Files.write(theirsFile, theirs);
        Path linuxGot = temp.resolve("linux-got.sha256");
        String script = "cat " + theirsFile + " & sha256sum > " + linuxGot + "; wait";
        StackConfig config = StackConfig.DEFAULT.withTcp(TcpConfig.DEFAULT.withTimeWait(TimeUnit.SECONDS.toNanos(1)));

        try (LinuxPeer linux = LinuxPeer.start(Framing.SLIP, "10.77.0.1/24", SerialAdapter.SLIP_MTU);
                SlipwayHost slipway = SlipwayHost.start(linux.slipwayPort(), Framing.SLIP, "10.77.0.2/24", "10.77.0.1",
                        config, timestamps)) {
            linux.setFrameLoss(loss, 7);
            BackgroundProcess socat;
            java.util.concurrent.atomic.AtomicReference<String> agreed = new java.util.concurrent.atomic.AtomicReference<>();
            byte[] received;
            if (role.equals("client")) {
                socat = linux.spawn("socat", "-t", "60", "-T", "120", "TCP-LISTEN:" + PORT + ",reuseaddr",
                        "SYSTEM:" + script);
                Transfers.awaitListening(linux, PORT);
                try (StreamSocket s = slipway.sockets().openStream(Addresses.parse("10.77.0.1"), PORT)) {
                    agreed.set(agreedOptions(slipway));
                    received = Transfers.exchange(s, ours);
                }
            } else {
                try (ListeningSocket l = slipway.sockets().openListening(Addresses.ANY, PORT, 1)) {
                    l.setTimeout(Duration.ofSeconds(30));
                    socat = linux.spawn("socat", "-t", "60", "-T", "120", "TCP:10.77.0.2:" + PORT, "SYSTEM:" + script);
                    try (StreamSocket s = l.accept()) {
                        agreed.set(agreedOptions(slipway));
                        received = Transfers.exchange(s, ours);
                    }
                }
            }
            ProcessResult socatResult = socat.awaitExit(Duration.ofSeconds(120));
            String why = socatResult + "\n" + slipway.diagnostics() + "\n" + linux.diagnostics();
            assertTrue(socatResult.succeeded(), why);
            // Linux offers SACK, window scaling and timestamps in every SYN: slipway takes them all
            // up, timestamps only where its interface asks for them (RFC 2018, RFC 7323).
            // (The kernel's own shift depends on its buffer settings; ours covers 64 KiB: 1.)
            assertTrue(agreed.get().matches((timestamps ? "ts " : "") + "sack wscale:\\d+,1"), agreed.get() + "\n" + why);
            assertEquals(Transfers.sha256(theirs), Transfers.sha256(received), "what slipway received: " + why);
            assertEquals(Transfers.sha256(ours), Files.readString(linuxGot).split("\\s+")[0], "what Linux received: " + why);
            assertEquals(0, slipway.tcp().events().get(TcpEvent.RESETS_IN), "a clean close, no reset: " + why);
            assertEquals(0, slipway.tcp().events().get(TcpEvent.RESETS_OUT), "a clean close, no reset: " + why);
            if (loss > 0) {
                assertTrue(linux.framesLost() > 0, "the line did lose frames: " + why);
                assertTrue(slipway.tcp().events().get(TcpEvent.RETRANSMITTED_SEGMENTS) > 0, why);
            }
            System.out.println(role + ", loss " + loss + ": " + linux.framesLost() + " frames lost; slipway "
                    + slipway.tcp().events());
        }
    }
}
