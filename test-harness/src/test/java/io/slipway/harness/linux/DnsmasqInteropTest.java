package io.slipway.harness.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.cli.Slipway;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.serial.SerialAdapter;
import io.slipway.socket.Addresses;
import io.slipway.socket.dns.DnsName;
import io.slipway.socket.resolver.MxHost;
import io.slipway.socket.resolver.Resolver;
import io.slipway.socket.resolver.ResolverConfig;
import io.slipway.socket.resolver.ResolverException;
import io.slipway.testing.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * slipway's resolver against dnsmasq, a DNS server users run, in the Linux peer's namespace: A and
 * MX lookups (MX sorted by preference), a name dnsmasq says does not exist, over the serial line.
 * Then the {@code slipway lookup} command itself against the same server.
 */
@Timeout(120)
class DnsmasqInteropTest {
    private static final String[] DNSMASQ = {"dnsmasq", "--no-daemon", "--no-resolv", "--no-hosts",
        "--listen-address=10.77.0.1", "--bind-interfaces", "--port=53", "--log-queries", "--log-facility=-",
        "--address=/www.example.test/10.77.0.80", "--mx-host=example.test,mail.example.test,20",
        "--mx-host=example.test,backup.example.test,10", "--address=/nowhere.test/",
        // dnsmasq answers its own records with TTL 0 unless told otherwise, and TTL 0 is not cached
        "--local-ttl=300"};

    @BeforeEach
    void requireLinuxPeerAndDnsmasq() {
        LinuxPeer.availableOrSkip();
        Environment.requireOrSkip(Environment.onPath("dnsmasq"), "dnsmasq (apt install dnsmasq-base)");
    }

    @Test
    void shouldResolveThroughDnsmasqOverTheSerialLine() throws Exception {
        try (LinuxPeer linux = LinuxPeer.start(Framing.SLIP, "10.77.0.1/24", SerialAdapter.SLIP_MTU);
                SlipwayHost slipway = SlipwayHost.start(linux.slipwayPort(), Framing.SLIP, "10.77.0.2/24", "10.77.0.1")) {
            BackgroundProcess dnsmasq = startDnsmasq(linux);
            Resolver resolver = new Resolver(slipway.sockets(), ResolverConfig.of(Addresses.parse("10.77.0.1"))
                    .withTimeout(Duration.ofSeconds(1), Duration.ofSeconds(4), 5));

            List<Integer> www = resolver.getHostByName("www.example.test");
            String why = dnsmasq.output() + "\n" + slipway.diagnostics() + "\n" + linux.diagnostics();
            assertEquals(List.of(Addresses.parse("10.77.0.80")), www, why);

            List<MxHost> mx = resolver.lookupMx("example.test");
            assertEquals(List.of(new MxHost(10, DnsName.parse("backup.example.test")),
                    new MxHost(20, DnsName.parse("mail.example.test"))), mx, "sorted by preference: " + why);

            ResolverException nx = assertThrows(ResolverException.class, () -> resolver.getHostByName("a.nowhere.test"));
            assertEquals(ResolverException.Kind.NAME_NOT_FOUND, nx.kind(), nx.getMessage());

            // Asked again: from the cache, so dnsmasq logs the question once.
            resolver.getHostByName("www.example.test");
            long asked = dnsmasq.output().lines().filter(l -> l.contains("query[A] www.example.test")).count();
            assertEquals(1, asked, dnsmasq.output());
            assertEquals(0, slipway.sockets().openCount(), "every query's socket was closed");
        }
    }

    @Test
    void shouldPrintTheAnswerLikeNslookupWithTheLookupCommand() throws Exception {
        try (LinuxPeer linux = LinuxPeer.start(Framing.SLIP, "10.77.0.1/24", SerialAdapter.SLIP_MTU)) {
            BackgroundProcess dnsmasq = startDnsmasq(linux);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();

            int exit = Slipway.run(new String[] {"lookup", "--serial", linux.slipwayPort().toString(), "--no-lock",
                "--ip", "10.77.0.2/24", "--dns", "10.77.0.1", "--type", "MX", "example.test"},
                    new PrintWriter(out, true), new PrintWriter(err, true));

            String why = out + "\n" + err + "\n" + dnsmasq.output() + "\n" + linux.diagnostics();
            System.out.print(out);
            assertEquals(0, exit, why);
            assertTrue(out.toString().startsWith("Server:\t\t10.77.0.1\nAddress:\t10.77.0.1#53\n\n"), why);
            // dnsmasq sets AA on records it holds itself (--mx-host), and nslookup goes by that bit.
            assertTrue(out.toString().contains("Authoritative answer:\n"), why);
            assertTrue(out.toString().contains("example.test\tmail exchanger = 10 backup.example.test.\n"), why);
            assertTrue(out.toString().contains("example.test\tmail exchanger = 20 mail.example.test.\n"), why);
        }
    }

    /** Starts dnsmasq and waits until it says it has started (its port is bound by then). */
    private static BackgroundProcess startDnsmasq(LinuxPeer linux) throws Exception {
        BackgroundProcess dnsmasq = linux.spawn(DNSMASQ);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!dnsmasq.output().contains("started, version")) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("dnsmasq did not start: " + dnsmasq.output());
            }
            Thread.sleep(20);
        }
        return dnsmasq;
    }
}
