package io.slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * README's first command runs {@code slipway demo}: alice must fetch bob's page and its images by
 * name and exit 0; {@code --ping} must look bob up, ping across and exit 0.
 */
@Timeout(60)
class DemoCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int demo(String... args) {
        String[] all = new String[args.length + 1];
        all[0] = "demo";
        System.arraycopy(args, 0, all, 1, args.length);
        return Slipway.run(all, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @ParameterizedTest
    @ValueSource(strings = {"slip", "ethernet"})
    void shouldPingSmallAndFragmentedAcrossTheCable(String framing) {
        int exit = demo("--ping", "--baud", "0", "--framing", framing);

        String o = out.toString();
        assertEquals(0, exit, o + err);
        assertTrue(o.contains("3 packets transmitted, 3 received, 0% packet loss"), o);
        assertTrue(o.contains("2 packets transmitted, 2 received, 0% packet loss"), o);
        assertTrue(o.contains("2008 bytes from 10.0.0.2: icmp_seq=2 ttl=64"), o);
        assertTrue(o.contains("2 reassembled, 0 dropped"), o);
        assertEquals("", err.toString());
    }

    @Test
    void shouldLookBobUpInHisDnsServerAndPingHimByName() {
        int exit = demo("--ping", "--baud", "0");

        String o = out.toString();
        assertEquals(0, exit, o + err);
        assertTrue(o.contains("Server:\t\t10.0.0.2\nAddress:\t10.0.0.2#53\n\nAuthoritative answer:\n"
                + "Name:\tbob.demo.test\nAddress: 10.0.0.2\n"), o);
        assertTrue(o.contains("asked again: answered from alice's cache, 0 queries"), o);
        assertTrue(o.contains("bob's DNS server saw 1 query and sent 1 answer"), o);
        assertTrue(o.contains("PING bob.demo.test (10.0.0.2) 56(84) bytes of data."), o);
        assertTrue(o.contains("--- bob.demo.test ping statistics ---"), o);
    }

    @Test
    void shouldWriteACaptureOfAlicesSide(@TempDir Path dir) throws Exception {
        Path pcap = dir.resolve("demo.pcap");

        assertEquals(0, demo("--baud", "0", "--pcap", pcap.toString()), out.toString() + err);

        // 24-byte pcap header plus 9 frames each way with their 16-byte record headers.
        assertTrue(Files.size(pcap) > 24 + 18 * 16, "capture size " + Files.size(pcap));
    }

    @ParameterizedTest
    @ValueSource(strings = {"slip", "ethernet"})
    void shouldFetchBobsPageAndItsTwoImagesByName(String framing) {
        int exit = demo("--baud", "0", "--framing", framing);

        String o = out.toString();
        assertEquals(0, exit, o + err);
        assertTrue(o.contains("http://www.example.test/: 200 OK, text/html; charset=utf-8, "
                + DemoSite.PAGE.length() + " bytes"), o);
        assertTrue(o.contains("  image http://www.example.test/images/cable.png: 200 OK, image/png, "), o);
        assertTrue(o.contains("  image http://www.example.test/images/layers.png: 200 OK, image/png, "), o);
        assertTrue(o.contains("mail for example.test goes to mail.example.test. (MX preference 10)"), o);
        assertTrue(o.contains("bob's web server: 1 connection, 3 requests"), o);
        assertEquals("", err.toString());
    }

    @Test
    void shouldTraceTheJourneyFromTheUrlToTheFramesAndBack() {
        int exit = demo("--baud", "0", "--trace");

        String o = out.toString();
        assertEquals(0, exit, o + err);
        // Each step once, in the order the journey takes them.
        String[] steps = {
            "browser  decoded http://www.example.test/: scheme http, host www.example.test, port 80 (the scheme's "
                    + "default), path / (no file name: the server picks its default file)",
            "resolver gethostbyname(\"www.example.test\"): query name www.example.test, class IN, type A",
            "link     alice sends UDP alice:",
            "DNS query #",
            "link     alice gets  UDP bob:53 > alice:",
            "www.example.test. IN A -> 10.0.0.2 (TTL 3600 s), authoritative",
            "socket   socket(STREAM) = descriptor 3",
            "link     alice sends TCP alice:",
            "SYN seq ",
            "link     alice gets  TCP bob:80 > alice:",
            "SYN+ACK seq ",
            "socket   connect(3) returned: connected 10.0.0.1:",
            "http     write(3, 104 bytes): GET / HTTP/1.1 | Host: www.example.test | User-Agent: slipway/0.1 | "
                    + "Accept: */* | Connection: keep-alive",
            "server   bob: GET / 200 " + DemoSite.PAGE.length(),
            "http     read(3): HTTP/1.1 200 OK | Content-Type: text/html; charset=utf-8",
            "socket   descriptor 3 is still connected to 10.0.0.2:80: the kept-alive connection carries this request too",
            "server   bob: GET /images/cable.png 200 ",
            "server   bob: GET /images/layers.png 200 ",
            "socket   close(3): our FIN follows the data",
        };
        int at = 0;
        for (String step : steps) {
            int found = o.indexOf(step, at);
            assertTrue(found >= 0, "missing or out of order: " + step + "\n" + o);
            at = found + step.length();
        }
        assertTrue(o.matches("(?s).*alice sends TCP alice:\\d+ > bob:80  FIN\\+ACK seq \\d+:\\d+ ack \\d+ .*"), o);
        assertTrue(o.matches("(?s).*alice gets  TCP bob:80 > alice:\\d+  FIN\\+ACK seq \\d+:\\d+ ack \\d+ .*"), o);
        // The images' responses, cut into segments of one MSS (1006 - 40 bytes) each.
        assertTrue(o.matches("(?s).*alice gets  TCP bob:80 > alice:\\d+  ACK seq \\d+:\\d+ ack \\d+ win \\d+, 966 bytes\n.*"),
                o);
    }

    @Test
    void shouldFailWithStatusOneForAMissingPage() {
        int exit = demo("--baud", "0", "http://www.example.test/missing.html");

        assertEquals(1, exit, out.toString() + err);
        assertTrue(out.toString().contains("http://www.example.test/missing.html: 404 Not Found"), out.toString());
    }

    @Test
    void shouldRefuseAMalformedUrlAsAUsageError() {
        assertEquals(2, demo("http://www.example.test:99999/"));
        assertTrue(err.toString().contains("port"), err.toString());
    }

    @Test
    void shouldRefuseANegativeBaudRateAsAUsageError() {
        assertEquals(2, demo("--baud", "-1"));
        assertEquals(1, err.toString().lines().count(), err.toString());
    }
}
