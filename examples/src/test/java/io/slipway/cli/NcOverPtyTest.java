package io.slipway.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.testing.SocatPtyPair;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code slipway nc} as a user runs it, over a socat pseudo-terminal pair: to serve's echo
 * service (what goes in comes back, byte for byte), to a closed port (refused, exit 1), and
 * {@code nc -l} on one end with {@code nc} on the other (standard input of each reaches the other's
 * standard output, all of it, though each command ends right after its last write). Needs socat: skipped without it, failed under {@code CI=true}.
 */
@Timeout(60)
class NcOverPtyTest {
    private record Run(int status, byte[] out, String err) {
    }

    private static Run nc(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringWriter text = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 1];
        all[0] = "nc";
        System.arraycopy(args, 0, all, 1, args.length);
        int status = Slipway.run(all, new ByteArrayInputStream(stdin), out, new PrintWriter(text, true),
                new PrintWriter(err, true));
        return new Run(status, out.toByteArray(), err.toString());
    }

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new SplittableRandom(n).nextBytes(b);
        return b;
    }

    @Test
    void shouldGetEveryByteBackFromServesEchoAndBeRefusedByAClosedPort() throws Exception {
        SocatPtyPair pair = SocatPtyPair.startOrSkip();
        ServeInThread serve = ServeInThread.start("serve", "--serial", pair.a().toString(), "--ip", "10.0.0.2/24");
        try {
            serve.firstLine();
            byte[] data = random(50_000);

            Run echo = nc(data, "--serial", pair.b().toString(), "--no-lock", "--ip", "10.0.0.1/24", "10.0.0.2", "7");

            assertEquals(Slipway.EXIT_OK, echo.status(), echo.err());
            assertArrayEquals(data, echo.out());

            Run refused = nc(new byte[0], "--serial", pair.b().toString(), "--no-lock", "--ip", "10.0.0.1/24",
                    "10.0.0.2", "8");
            assertEquals(Slipway.EXIT_FAILED, refused.status());
            assertEquals("slipway: nc: connect 10.0.0.2:8: connection refused\n", refused.err());
        } finally {
            pair.close();
        }
        serve.assertStoppedWithLinkDown();
    }

    @Test
    void shouldCarryEachSidesInputToTheOtherWithListenAndConnect() throws Exception {
        SocatPtyPair pair = SocatPtyPair.startOrSkip();
        try {
            // More than a send ring (64 KiB) each way: each nc ends while its last bytes are still
            // on their way, and must let them arrive (HostStack.close lingers).
            byte[] fromListener = random(200_000);
            byte[] fromConnector = random(100_000);
            CompletableFuture<Run> listener = CompletableFuture.supplyAsync(() -> nc(fromListener, "--serial",
                    pair.a().toString(), "--ip", "10.0.0.2/24", "-l", "5000"));
            Run connector = null;
            for (int attempt = 0; attempt < 50; attempt++) {
                connector = nc(fromConnector, "--serial", pair.b().toString(), "--no-lock", "--ip", "10.0.0.1/24",
                        "10.0.0.2", "5000");
                if (connector.status() == Slipway.EXIT_OK || !connector.err().contains("refused")) {
                    break;
                }
                Thread.sleep(100); // the listener's stack is not up yet
            }
            Run l = listener.get(30, TimeUnit.SECONDS);
            assertEquals(Slipway.EXIT_OK, connector.status(), connector.err());
            assertEquals(Slipway.EXIT_OK, l.status(), l.err());
            assertArrayEquals(fromListener, connector.out());
            assertArrayEquals(fromConnector, l.out());
            assertTrue(l.err().isEmpty() && connector.err().isEmpty(), l.err() + connector.err());
        } finally {
            pair.close();
        }
    }
}
