package io.slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.testing.SocatPtyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slipway serve} and {@code slipway ping}, each a whole command line run in this JVM, on
 * the two ends of a socat pseudo-terminal pair: the path a user's two terminals take, down to the
 * serial ports. Needs socat: skipped without it, failed under {@code CI=true}.
 *
 * <p>Closing the pair ends socat, which hangs up serve's pty: serve then stops by itself with
 * status 1 and one line saying the link went down, which the tests check too.
 */
@Timeout(60)
class PingOverPtyTest {
    @TempDir
    Path temp;

    @Test
    void shouldGetThreeRepliesFromServeOverAPtyPair() throws Exception {
        Path capture = temp.resolve("ping.pcap");
        SocatPtyPair pair = SocatPtyPair.startOrSkip();
        ServeInThread serve = ServeInThread.start("serve", "--serial", pair.a().toString(), "--ip", "10.0.0.2/24");
        try {
            assertEquals("serving 10.0.0.2/24 on " + pair.a() + " (slip, 115200 baud, mtu 1006), echo on port 7, discard on "
                    + "port 9", serve.firstLine());

            CommandRun ping = CommandRun.of("ping", "--serial", pair.b().toString(), "--no-lock", "--ip", "10.0.0.1/24",
                    "--pcap", capture.toString(), "-c", "3", "-i", "0.2", "10.0.0.2");

            assertEquals(Slipway.EXIT_OK, ping.status(), ping + "\nsocat: " + pair.log());
            List<String> lines = ping.out().lines().collect(Collectors.toList());
            assertEquals("PING 10.0.0.2 (10.0.0.2) 56(84) bytes of data.", lines.get(0));
            for (int seq = 1; seq <= 3; seq++) {
                String reply = lines.get(seq);
                assertTrue(reply.matches("64 bytes from 10\\.0\\.0\\.2: icmp_seq=" + seq
                        + " ttl=64 time=\\d+(\\.\\d+)? ms"), reply);
            }
            assertEquals("--- 10.0.0.2 ping statistics ---", lines.get(5));
            assertTrue(lines.get(6).matches("3 packets transmitted, 3 received, 0% packet loss, time \\d+ms"),
                    lines.get(6));
            assertTrue(lines.get(7).matches("rtt min/avg/max/mdev = [\\d.]+/[\\d.]+/[\\d.]+/[\\d.]+ ms"),
                    lines.get(7));
            assertEquals("", ping.err());
            // pcap header (24) + 6 frames of 16 + 84 bytes.
            assertEquals(24 + 6 * (16 + 84), Files.size(capture));
        } finally {
            pair.close(); // ends socat, which hangs up serve's pty
        }
        serve.assertStoppedWithLinkDown();
    }

    @Test
    void shouldReportTotalLossWhenNothingAnswers() throws Exception {
        SocatPtyPair pair = SocatPtyPair.startOrSkip();
        ServeInThread serve = ServeInThread.start("serve", "--serial", pair.a().toString(), "--ip", "10.0.0.2/24");
        try {
            serve.firstLine();
            // 10.0.0.3 is on the link, but serve is 10.0.0.2: it drops the requests as not for it.
            CommandRun ping = CommandRun.of("ping", "--serial", pair.b().toString(), "--ip", "10.0.0.1/24",
                    "-c", "1", "-W", "1", "10.0.0.3");

            assertEquals(Slipway.EXIT_FAILED, ping.status(), ping.toString());
            assertEquals(List.of(
                    "PING 10.0.0.3 (10.0.0.3) 56(84) bytes of data.",
                    "",
                    "--- 10.0.0.3 ping statistics ---",
                    "1 packets transmitted, 0 received, 100% packet loss, time Tms",
                    ""), ping.out().lines().map(l -> l.replaceAll("time \\d+ms", "time Tms"))
                    .collect(Collectors.toList()));
        } finally {
            pair.close(); // ends socat, which hangs up serve's pty
        }
        serve.assertStoppedWithLinkDown();
    }
}
