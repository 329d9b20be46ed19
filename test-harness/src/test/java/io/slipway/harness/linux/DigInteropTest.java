package io.slipway.harness.linux;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.app.dns.Zone;
import io.slipway.app.dns.ZoneFileParser;
import io.slipway.app.dns.server.DnsServer;
import io.slipway.app.dns.server.Zones;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.serial.SerialAdapter;
import io.slipway.socket.Addresses;
import io.slipway.socket.dns.DnsName;
import io.slipway.testing.Environment;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * BIND's {@code dig}, in the Linux peer's namespace, asks slipway's authoritative DNS server over
 * the serial line: an A record, the MX records, a name that does not exist, and a name in a
 * delegated subzone (a referral). What dig prints is what a user would see.
 */
@Timeout(120)
class DigInteropTest {
    static final String ZONE = String.join("\n",
            "$ORIGIN example.test.",
            "$TTL 3600",
            "@ SOA ns hostmaster ( 2026120201 3600 600 86400 300 )",
            "@ NS ns",
            "@ MX 10 mail",
            "@ MX 20 backup",
            "ns A 10.77.0.2",
            "www A 10.77.0.80",
            "mail A 10.77.0.25",
            "backup A 10.77.0.26",
            "sub NS ns.sub",
            "ns.sub A 10.77.0.53", "");

    @BeforeEach
    void requireLinuxPeerAndDig() {
        LinuxPeer.availableOrSkip();
        Environment.requireOrSkip(Environment.onPath("dig"), "dig (apt install bind9-dnsutils)");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"slip", "ethernet"})
    void shouldAnswerDigOverTheSerialLine(String framingName) throws Exception {
        Framing framing = Framing.named(framingName);
        int mtu = framing == Framing.SLIP ? SerialAdapter.SLIP_MTU : SerialAdapter.ETHERNET_MTU;
        try (LinuxPeer linux = LinuxPeer.start(framing, "10.77.0.1/24", mtu);
                SlipwayHost slipway = SlipwayHost.start(linux.slipwayPort(), framing, "10.77.0.2/24", "10.77.0.1")) {
            Zone zone = Zone.of(ZoneFileParser.parse("example.test.zone", ZONE, DnsName.parse("example.test.")));
            DnsServer server = DnsServer.start(slipway.sockets(), new Zones(List.of(zone)), null, Addresses.ANY,
                    DnsServer.PORT);

            ProcessResult a = dig(linux, "www.example.test", "A");
            String why = a + "\n" + server.events() + "\n" + slipway.diagnostics() + "\n" + linux.diagnostics();
            assertTrue(a.succeeded(), why);
            assertTrue(a.output().contains("status: NOERROR"), why);
            assertTrue(flags(a).contains(" aa"), "authoritative: " + why);
            assertTrue(Pattern.compile("www\\.example\\.test\\.\\s+3600\\s+IN\\s+A\\s+10\\.77\\.0\\.80")
                    .matcher(a.output()).find(), why);

            ProcessResult mx = dig(linux, "example.test", "MX");
            why = mx + "\n" + server.events();
            assertTrue(Pattern.compile("example\\.test\\.\\s+3600\\s+IN\\s+MX\\s+10 mail\\.example\\.test\\.")
                    .matcher(mx.output()).find(), why);
            assertTrue(Pattern.compile("example\\.test\\.\\s+3600\\s+IN\\s+MX\\s+20 backup\\.example\\.test\\.")
                    .matcher(mx.output()).find(), why);
            assertTrue(Pattern.compile("mail\\.example\\.test\\.\\s+3600\\s+IN\\s+A\\s+10\\.77\\.0\\.25")
                    .matcher(mx.output()).find(), "the exchanges' addresses as additional data: " + why);

            ProcessResult nx = dig(linux, "nowhere.example.test", "A");
            why = nx + "\n" + server.events();
            assertTrue(nx.output().contains("status: NXDOMAIN"), why);
            assertTrue(flags(nx).contains(" aa"), why);
            assertTrue(Pattern.compile(";; AUTHORITY SECTION:\\s+example\\.test\\.\\s+300\\s+IN\\s+SOA\\s+ns\\.example"
                    + "\\.test\\. hostmaster\\.example\\.test\\. 2026120201").matcher(nx.output()).find(),
                    "the SOA with the negative TTL, min(3600, 300): " + why);

            ProcessResult referral = dig(linux, "www.sub.example.test", "A");
            why = referral + "\n" + server.events();
            assertTrue(referral.output().contains("status: NOERROR"), why);
            assertFalse(flags(referral).contains(" aa"), "a referral is not authoritative: " + why);
            assertTrue(referral.output().contains("ANSWER: 0"), why);
            assertTrue(Pattern.compile(";; AUTHORITY SECTION:\\s+sub\\.example\\.test\\.\\s+3600\\s+IN\\s+NS\\s+ns\\.sub"
                    + "\\.example\\.test\\.").matcher(referral.output()).find(), why);
            assertTrue(Pattern.compile(";; ADDITIONAL SECTION:\\s+ns\\.sub\\.example\\.test\\.\\s+3600\\s+IN\\s+A\\s+"
                    + "10\\.77\\.0\\.53").matcher(referral.output()).find(), "glue: " + why);
        }
    }

    /** dig without recursion, one try: each question crosses the line once each way. */
    private static ProcessResult dig(LinuxPeer linux, String name, String type) throws Exception {
        ProcessResult r = linux.exec(Duration.ofSeconds(20), "dig", "@10.77.0.2", name, type, "+norecurse",
                "+tries=2", "+time=5");
        System.out.print(r.output()); // the real exchange, in the test log
        return r;
    }

    /** dig's flags line, e.g. {@code ;; flags: qr aa; QUERY: 1, ...}. */
    private static String flags(ProcessResult r) {
        for (String line : r.output().split("\n")) {
            if (line.contains(";; flags:")) {
                return line.substring(0, line.indexOf(';', line.indexOf("flags:")));
            }
        }
        return "";
    }
}
