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
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
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

    @ParameterizedTest(name = "slipway is the {0}, {1} frame loss")
    @CsvSource({"client, 0", "server, 0", "client, 0.02", "server, 0.02"})
    void shouldExchangeAMebibyteEachWayWithTheLinuxKernel(String role, double loss) throws Exception {
        byte[] ours = random(MIB, 1);
        byte[] theirs = random(MIB, 2);
        Path theirsFile = temp.resolve("linux-sends.bin");
        Files.write(theirsFile, theirs);
        Path linuxGot = temp.resolve("linux-got.sha256");
        String script = "cat " + theirsFile + " & sha256sum > " + linuxGot + "; wait";
        StackConfig config = StackConfig.DEFAULT.withTcp(TcpConfig.DEFAULT.withTimeWait(TimeUnit.SECONDS.toNanos(1)));

        try (LinuxPeer linux = LinuxPeer.start(Framing.SLIP, "10.77.0.1/24", SerialAdapter.SLIP_MTU);
                SlipwayHost slipway = SlipwayHost.start(linux.slipwayPort(), Framing.SLIP, "10.77.0.2/24", "10.77.0.1",
                        config)) {
            linux.setFrameLoss(loss, 7);
            BackgroundProcess socat;
            byte[] received;
            if (role.equals("client")) {
                socat = linux.spawn("socat", "-t", "60", "-T", "120", "TCP-LISTEN:" + PORT + ",reuseaddr",
                        "SYSTEM:" + script);
                awaitListening(linux);
                try (StreamSocket s = slipway.sockets().openStream(Addresses.parse("10.77.0.1"), PORT)) {
                    received = exchange(s, ours);
                }
            } else {
                try (ListeningSocket l = slipway.sockets().openListening(Addresses.ANY, PORT, 1)) {
                    l.setTimeout(Duration.ofSeconds(30));
                    socat = linux.spawn("socat", "-t", "60", "-T", "120", "TCP:10.77.0.2:" + PORT, "SYSTEM:" + script);
                    try (StreamSocket s = l.accept()) {
                        received = exchange(s, ours);
                    }
                }
            }
            ProcessResult socatResult = socat.awaitExit(Duration.ofSeconds(120));
            String why = socatResult + "\n" + slipway.diagnostics() + "\n" + linux.diagnostics();
            assertTrue(socatResult.succeeded(), why);
            assertEquals(sha256(theirs), sha256(received), "what slipway received: " + why);
            assertEquals(sha256(ours), Files.readString(linuxGot).split("\\s+")[0], "what Linux received: " + why);
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

    /** Sends {@code data} and half-closes on one thread while this one reads to the end; what was read. */
    private static byte[] exchange(StreamSocket s, byte[] data) throws Exception {
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try {
                OutputStream out = s.getOutputStream();
                for (int off = 0; off < data.length; off += 8192) {
                    out.write(data, off, Math.min(8192, data.length - off));
                }
                s.shutdownOutput();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        InputStream in = s.getInputStream();
        java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
        byte[] b = new byte[16384];
        for (int n; (n = in.read(b)) >= 0; ) {
            got.write(b, 0, n);
        }
        writer.get(120, TimeUnit.SECONDS);
        return got.toByteArray();
    }

    private static void awaitListening(LinuxPeer linux) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!linux.exec(Duration.ofSeconds(5), "ss", "-ltn").output().contains(":" + PORT)) {
            assertTrue(System.nanoTime() < deadline, "socat did not start listening");
            Thread.sleep(20);
        }
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) {
            b[i] = (byte) r.nextInt();
        }
        return b;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
