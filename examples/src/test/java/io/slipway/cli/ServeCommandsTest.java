package io.slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.testing.SocatPtyPair;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code slipway serve --commands}: the commands read on standard input (netstat, stats, arp,
 * route, help, quit) against a serve with a DNS zone and a recursive server, over a socat
 * pseudo-terminal pair. Needs socat: skipped without it, failed under {@code CI=true}.
 */
@Timeout(60)
class ServeCommandsTest {
    @TempDir
    Path temp;

    @Test
    void shouldAnswerCommandsOnStandardInputAndStopOnQuit() throws Exception {
        Path zone = temp.resolve("example.test.zone");
        Files.writeString(zone, LookupOverPtyTest.ZONE);
        SocatPtyPair pair = SocatPtyPair.startOrSkip();
        try {
            PipedOutputStream typed = new PipedOutputStream();
            InputStream stdin = new PipedInputStream(typed);
            ServeInThread serve = ServeInThread.startWithInput(stdin, "serve", "--serial", pair.a().toString(),
                    "--ip", "10.0.0.2/24", "--dns-zone", zone.toString(), "--commands");
            serve.firstLine();
            // A query first, so that the counters have something to say.
            CommandRun www = CommandRun.of("lookup", "--serial", pair.b().toString(), "--no-lock", "--ip",
                    "10.0.0.1/24", "--dns", "10.0.0.2", "www.example.test");
            assertEquals(Slipway.EXIT_OK, www.status(), www.toString());

            type(typed, "netstat\nstats\narp\nroute\nhelp\nnonsense\nquit\n");

            assertEquals(Slipway.EXIT_OK, serve.awaitExit(), serve.output());
            String out = serve.output();
            assertTrue(out.contains("Proto Recv-Q Send-Q Local Address          Foreign Address        State        FD"),
                    out);
            assertTrue(out.matches("(?s).*\nudp\\s+0\\s+0 0\\.0\\.0\\.0:53\\s+0\\.0\\.0\\.0:\\*\\s+3\n.*"), out);
            assertTrue(out.contains("dns: {datagrams_in=1, queries_in=1, responses_out=1, answers=1}"), out);
            assertTrue(out.contains("udp: {datagrams_in=1, datagrams_out=1}"), out);
            assertTrue(out.matches("(?s).*\ntcp\\s+0\\s+0 0\\.0\\.0\\.0:7\\s+0\\.0\\.0\\.0:\\*\\s+LISTEN\\s+\\d+\n.*"), out);
            assertTrue(out.matches("(?s).*\ntcp\\s+0\\s+0 0\\.0\\.0\\.0:9\\s+0\\.0\\.0\\.0:\\*\\s+LISTEN\\s+\\d+\n.*"), out);
            assertTrue(out.contains("point-to-point, no ARP"), out);
            assertTrue(out.contains("10.0.0.0/24 dev "), out);
            assertTrue(out.contains("commands: netstat (the socket table), stats"), out);
            assertTrue(out.contains("unknown command 'nonsense'"), out);
        } finally {
            pair.close();
        }
    }

    @Test
    void shouldServeRecursionFromRootHintsAndSayWhenNoRootAnswers() throws Exception {
        Path hints = temp.resolve("hints.zone");
        // A root server that is not there: recursion must give up with SERVFAIL, and the client say so.
        Files.writeString(hints, ". 3600000 NS a.root-servers.test.\na.root-servers.test. 3600000 A 10.0.0.99\n");
        SocatPtyPair pair = SocatPtyPair.startOrSkip();
        try {
            ServeInThread serve = ServeInThread.startWithInput(new ByteArrayInputStream(new byte[0]), "serve",
                    "--serial", pair.a().toString(), "--ip", "10.0.0.2/24", "--dns-recursive", "--dns-root-hints",
                    hints.toString());
            assertEquals("serving 10.0.0.2/24 on " + pair.a() + " (slip, 115200 baud, mtu 1006), DNS on port 53, "
                    + "recursive, echo on port 7, discard on port 9", serve.firstLine());

            CommandRun lookup = CommandRun.of("lookup", "--serial", pair.b().toString(), "--no-lock", "--ip",
                    "10.0.0.1/24", "--dns", "10.0.0.2", "www.example.test");

            assertEquals(Slipway.EXIT_FAILED, lookup.status(), lookup.toString());
            // The recursive server gives up after 3 tries of 2 s: later than the stub's first timeouts,
            // whose tries go on listening and hear it.
            assertTrue(lookup.err().startsWith(";; no server answered for www.example.test. A: 10.0.0.2:53 "),
                    lookup.toString());
            assertTrue(lookup.err().contains("answered SERVFAIL"), lookup.toString());
        } finally {
            pair.close();
        }
    }

    private static void type(PipedOutputStream typed, String text) throws IOException {
        typed.write(text.getBytes(StandardCharsets.UTF_8));
        typed.flush();
    }
}
