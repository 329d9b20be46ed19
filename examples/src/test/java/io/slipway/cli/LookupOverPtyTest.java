package io.slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.testing.SocatPtyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slipway serve --dns-zone} at one end of a socat pseudo-terminal pair, and {@code slipway
 * lookup} and {@code slipway ping NAME} at the other: the path a user's two terminals take, down
 * to the serial ports. Needs socat: skipped without it, failed under {@code CI=true}.
 */
@Timeout(60)
class LookupOverPtyTest {
    static final String ZONE = String.join("\n",
            "$ORIGIN example.test.",
            "$TTL 3600",
            "@ SOA ns hostmaster ( 7 3600 600 86400 300 )",
            "@ NS ns",
            "@ MX 20 backup",
            "@ MX 10 mail",
            "ns A 10.0.0.2",
            "www A 10.0.0.2",
            "mail A 10.0.0.25",
            "backup A 10.0.0.26",
            "ftp CNAME www", "");

    @TempDir
    Path temp;

    @Test
    void shouldLookUpAnswersAndFailuresLikeNslookup() throws Exception {
        Path zone = temp.resolve("example.test.zone");
        Files.writeString(zone, ZONE);
        SocatPtyPair pair = SocatPtyPair.startOrSkip();
        ServeInThread serve = ServeInThread.start("serve", "--serial", pair.a().toString(), "--ip", "10.0.0.2/24",
                "--dns-zone", zone.toString());
        try {
            assertEquals("serving 10.0.0.2/24 on " + pair.a() + " (slip, 115200 baud, mtu 1006), DNS on port 53 for "
                    + "example.test., echo on port 7, discard on port 9", serve.firstLine());
            String b = pair.b().toString();

            CommandRun ftp = lookup(b, "ftp.example.test");
            assertEquals(Slipway.EXIT_OK, ftp.status(), ftp.toString());
            assertEquals("Server:\t\t10.0.0.2\nAddress:\t10.0.0.2#53\n\nAuthoritative answer:\n"
                    + "ftp.example.test\tcanonical name = www.example.test.\n"
                    + "Name:\twww.example.test\nAddress: 10.0.0.2\n", ftp.out());

            CommandRun mx = lookup(b, "--type", "mx", "example.test");
            assertEquals(Slipway.EXIT_OK, mx.status(), mx.toString());
            assertTrue(mx.out().endsWith("example.test\tmail exchanger = 10 mail.example.test.\n"
                    + "example.test\tmail exchanger = 20 backup.example.test.\n"), "sorted by preference: " + mx);

            CommandRun nx = lookup(b, "nowhere.example.test");
            assertEquals(Slipway.EXIT_FAILED, nx.status(), nx.toString());
            assertEquals("** server can't find nowhere.example.test: NXDOMAIN\n", nx.err());

            CommandRun nodata = lookup(b, "--type", "TXT", "www.example.test");
            assertEquals(Slipway.EXIT_FAILED, nodata.status(), nodata.toString());
            assertEquals("*** Can't find www.example.test: No answer (no TXT records)\n", nodata.err());

            CommandRun ping = CommandRun.of("ping", "--serial", b, "--no-lock", "--ip", "10.0.0.1/24", "--dns",
                    "10.0.0.2", "-c", "1", "www.example.test");
            assertEquals(Slipway.EXIT_OK, ping.status(), ping.toString());
            assertTrue(ping.out().startsWith("PING www.example.test (10.0.0.2) 56(84) bytes of data.\n"), ping.out());
        } finally {
            pair.close(); // ends socat, which hangs up serve's pty
        }
        serve.assertStoppedWithLinkDown();
    }

    private static CommandRun lookup(String port, String... rest) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("lookup", "--serial", port,
                "--no-lock", "--ip", "10.0.0.1/24", "--dns", "10.0.0.2"));
        args.addAll(java.util.List.of(rest));
        return CommandRun.of(args.toArray(new String[0]));
    }
}
