package io.slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A bad command line gets exactly one line on stderr, {@code slipway: ...} naming what is wrong,
 * nothing on stdout, and exit status 2; and it is refused before any port is opened (the port
 * named here does not exist, so opening it would fail with status 1 instead).
 */
class CommandLineErrorsTest {
    private static final String PORT = "/nonexistent/slipway-test-port";

    static Stream<Arguments> badCommandLines() {
        return Stream.of(
                bad("Missing required option: '--serial=PATH'", "ping", "--ip", "10.0.0.1/24", "10.0.0.2"),
                bad("Missing required option: '--ip=A.B.C.D[/N]'", "serve", "--serial", PORT),
                bad("Missing required parameter: 'HOST'", "ping", "--serial", PORT, "--ip", "10.0.0.1/24"),
                bad("--ip: not an IPv4 address (octet 300 > 255): 10.0.0.300",
                        "ping", "--serial", PORT, "--ip", "10.0.0.300", "10.0.0.2"),
                bad("--ip: not an IPv4 address (a.b.c.d): 10.0.1",
                        "serve", "--serial", PORT, "--ip", "10.0.1"),
                bad("--ip: not a prefix length 0..32 after '/': 10.0.0.1/33",
                        "serve", "--serial", PORT, "--ip", "10.0.0.1/33"),
                bad("--ip: not a prefix length 0..32 after '/': 10.0.0.1/",
                        "serve", "--serial", PORT, "--ip", "10.0.0.1/"),
                bad("--ip: the network or broadcast address of its subnet: 10.0.0.255/24",
                        "serve", "--serial", PORT, "--ip", "10.0.0.255"),
                bad("--peer: not an IPv4 address (a.b.c.d): ten",
                        "serve", "--serial", PORT, "--ip", "10.0.0.1", "--peer", "ten"),
                bad("--peer 10.0.0.1 is our own address (--ip)",
                        "serve", "--serial", PORT, "--ip", "10.0.0.1", "--peer", "10.0.0.1"),
                bad("--peer is for point-to-point SLIP links",
                        "serve", "--serial", PORT, "--ip", "10.0.0.1", "--framing", "ethernet", "--peer", "10.0.0.2"),
                bad("--gateway 10.9.0.1 is not on the link: outside 10.0.0.1/24",
                        "serve", "--serial", PORT, "--ip", "10.0.0.1/24", "--gateway", "10.9.0.1"),
                bad("--gateway 224.0.0.1 is not a host address",
                        "serve", "--serial", PORT, "--ip", "10.0.0.1/24", "--gateway", "224.0.0.1"),
                bad("--mac: not a MAC address: 02:00:zz:00:00:01",
                        "serve", "--serial", PORT, "--ip", "10.0.0.1", "--framing", "ethernet",
                        "--mac", "02:00:zz:00:00:01"),
                bad("--mac: not a MAC address (six hex bytes like 02:00:00:00:00:01): 02:00:00:01",
                        "serve", "--serial", PORT, "--ip", "10.0.0.1", "--framing", "ethernet", "--mac", "02:00:00:01"),
                bad("--mac 01:00:5e:00:00:01 is a group (multicast) address",
                        "serve", "--serial", PORT, "--ip", "10.0.0.1", "--framing", "ethernet",
                        "--mac", "01:00:5e:00:00:01"),
                bad("--mac is for --framing ethernet",
                        "serve", "--serial", PORT, "--ip", "10.0.0.1", "--mac", "02:00:00:00:00:01"),
                bad("--mtu must be 68..9000, was 67", "serve", "--serial", PORT, "--ip", "10.0.0.1", "--mtu", "67"),
                bad("--mtu must be 68..9000, was 9001", "serve", "--serial", PORT, "--ip", "10.0.0.1", "--mtu", "9001"),
                bad("Invalid value for option '--mtu': 'big' is not an int",
                        "serve", "--serial", PORT, "--ip", "10.0.0.1", "--mtu", "big"),
                bad("--baud must be a positive rate in bit/s, was 0",
                        "serve", "--serial", PORT, "--ip", "10.0.0.1", "--baud", "0"),
                bad("--framing: unknown framing 'ppp' (slip, cslip or ethernet)",
                        "serve", "--serial", PORT, "--ip", "10.0.0.1", "--framing", "ppp"),
                bad("cannot resolve 'example.com': give a DNS server with --dns A.B.C.D",
                        "ping", "--serial", PORT, "--ip", "10.0.0.1/24", "example.com"),
                bad("no route to 8.8.8.8: it is outside 10.0.0.1/24",
                        "ping", "--serial", PORT, "--ip", "10.0.0.1/24", "--dns", "8.8.8.8", "example.com"),
                bad("--dns needs the IPv4 address of a DNS server: not an IPv4 address (octet 999 > 255): 10.0.0.999",
                        "ping", "--serial", PORT, "--ip", "10.0.0.1/24", "--dns", "10.0.0.999", "example.com"),
                bad("lookup needs a DNS server: give --dns A.B.C.D",
                        "lookup", "--serial", PORT, "--ip", "10.0.0.1/24", "www.example.test"),
                bad("--type must be one of A, MX, CNAME, NS, SOA, TXT, PTR, was AXFR",
                        "lookup", "--serial", PORT, "--ip", "10.0.0.1/24", "--dns", "10.0.0.2", "--type", "AXFR",
                        "example.test"),
                bad("NAME: cannot look up 'a..test': empty label in name: a..test",
                        "lookup", "--serial", PORT, "--ip", "10.0.0.1/24", "--dns", "10.0.0.2", "a..test"),
                bad("label of 64 bytes, more than 63",
                        "lookup", "--serial", PORT, "--ip", "10.0.0.1/24", "--dns", "10.0.0.2",
                        "x".repeat(64) + ".test"),
                bad("--dns 255.255.255.255 is not a server's address",
                        "lookup", "--serial", PORT, "--ip", "10.0.0.1/24", "--dns", "255.255.255.255", "a.test"),
                bad("Missing required parameter: 'NAME'",
                        "lookup", "--serial", PORT, "--ip", "10.0.0.1/24", "--dns", "10.0.0.2"),
                bad("nc needs HOST PORT (or -l PORT to listen)",
                        "nc", "--serial", PORT, "--ip", "10.0.0.1/24", "7"),
                bad("PORT must be 1..65535, was 0",
                        "nc", "--serial", PORT, "--ip", "10.0.0.1/24", "10.0.0.2", "0"),
                bad("PORT must be a number 1..65535, was echo",
                        "nc", "--serial", PORT, "--ip", "10.0.0.1/24", "10.0.0.2", "echo"),
                bad("nc -l takes only a PORT to listen on",
                        "nc", "--serial", PORT, "--ip", "10.0.0.1/24", "-l", "10.0.0.2", "7"),
                bad("cannot resolve 'echo.test': give a DNS server with --dns A.B.C.D",
                        "nc", "--serial", PORT, "--ip", "10.0.0.1/24", "echo.test", "7"),
                bad("--dns-zone /nonexistent/example.zone: cannot read it (no such file)",
                        "serve", "--serial", PORT, "--ip", "10.0.0.1", "--dns-zone", "/nonexistent/example.zone"),
                bad("--dns-recursive needs --dns-root-hints FILE",
                        "serve", "--serial", PORT, "--ip", "10.0.0.1", "--dns-recursive"),
                bad("--dns-root-hints is only for --dns-recursive",
                        "serve", "--serial", PORT, "--ip", "10.0.0.1", "--dns-root-hints", "/nonexistent/hints"),
                bad("HOST: not an IPv4 address (a.b.c.d): 10.0.0",
                        "ping", "--serial", PORT, "--ip", "10.0.0.1/24", "10.0.0"),
                bad("HOST 10.0.0.255 is the broadcast address of 10.0.0.1/24",
                        "ping", "--serial", PORT, "--ip", "10.0.0.1/24", "10.0.0.255"),
                bad("HOST 127.0.0.1 is a loopback address",
                        "ping", "--serial", PORT, "--ip", "10.0.0.1/24", "127.0.0.1"),
                bad("no route to 8.8.8.8: it is outside 10.0.0.1/32 and is not the --peer",
                        "ping", "--serial", PORT, "--ip", "10.0.0.1", "--peer", "10.0.0.2", "8.8.8.8"),
                bad("-c must be at least 1", "ping", "--serial", PORT, "--ip", "10.0.0.1/24", "-c", "0", "10.0.0.2"),
                bad("-s must be 0..65507", "ping", "--serial", PORT, "--ip", "10.0.0.1/24", "-s", "65508", "10.0.0.2"),
                bad("-i must be 0.002..", "ping", "--serial", PORT, "--ip", "10.0.0.1/24", "-i", "0.001", "10.0.0.2"),
                bad("-W must be 0..", "ping", "--serial", PORT, "--ip", "10.0.0.1/24", "-W", "-1", "10.0.0.2"),
                bad("-t must be 1..255, was 256",
                        "ping", "--serial", PORT, "--ip", "10.0.0.1/24", "-t", "256", "10.0.0.2"),
                bad("Unknown option: '--colour'",
                        "ping", "--serial", PORT, "--ip", "10.0.0.1/24", "--colour", "10.0.0.2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCommandLines")
    void shouldRefuseWithOneLineAndStatusTwo(String expected, String[] args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int status = Slipway.run(args, new PrintWriter(out, true), new PrintWriter(err, true));

        String message = err.toString();
        assertEquals(Slipway.EXIT_USAGE, status, message);
        assertEquals("", out.toString());
        assertTrue(message.startsWith("slipway: "), message);
        assertTrue(message.contains(expected), message);
        assertEquals(1, message.lines().count(), message);
    }

    @Test
    void shouldNameTheZoneFileAndLineOfABadRecord(@TempDir Path dir) throws Exception {
        Path zone = dir.resolve("bad.zone");
        Files.writeString(zone, "$ORIGIN example.test.\n$TTL 1h\n@ SOA ns hostmaster 1 2 3 4 5\n"
                + "@ NS ns\nns A 10.0.0.256\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int status = Slipway.run(new String[] {"serve", "--serial", PORT, "--ip", "10.0.0.1", "--dns-zone",
            zone.toString()}, new PrintWriter(out, true), new PrintWriter(err, true));

        assertEquals(Slipway.EXIT_USAGE, status, err.toString());
        assertEquals("slipway: " + zone + ":5: bad IPv4 address: 10.0.0.256 (four decimal numbers 0..255)\n",
                err.toString());
        assertEquals("", out.toString());
    }

    private static Arguments bad(String expected, String... args) {
        return Arguments.of(expected, args);
    }
}
