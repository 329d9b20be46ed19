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

/** README's first command runs {@code slipway demo}: it must look bob up, ping across and exit 0. */
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
        int exit = demo("--baud", "0", "--framing", framing);

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
        int exit = demo("--baud", "0");

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

    @Test
    void shouldRefuseANegativeBaudRateAsAUsageError() {
        assertEquals(2, demo("--baud", "-1"));
        assertEquals(1, err.toString().lines().count(), err.toString());
    }
}
