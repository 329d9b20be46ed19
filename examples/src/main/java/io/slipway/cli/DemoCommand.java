package io.slipway.cli;

import io.slipway.app.url.Url;
import io.slipway.base.SystemClock;
import io.slipway.cli.trace.JourneyTrace;
import io.slipway.cli.trace.TracingAdapter;
import io.slipway.ip.Ipv4Address;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.Medium;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.loopback.Impairments;
import io.slipway.hal.loopback.LoopbackCable;
import io.slipway.hal.pcap.PcapTap;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code slipway demo [URL]}: two hosts in one process joined by a loopback cable paced like a
 * serial line. By default the journey of a URL ({@link WebDemo}): alice's browser fetches a page
 * and its images from bob's web server, by a name bob's DNS server gives; {@code --trace} prints
 * every step as it happens, from the URL down to the frames. {@code --ping}: alice looks bob up
 * and pings him instead, small and larger than the MTU ({@link PingDemo}).
 */
@Command(name = "demo", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Two slipway hosts joined by an in-memory serial cable. alice's browser fetches URL (default "
                    + WebDemo.DEFAULT_URL + ") and the images on the page from bob, who serves DNS for example.test "
                    + "and a small web site; prints sizes and timings, and with --trace the whole journey as it happens.",
            "",
            "Exit status: 0 when the page and its images arrived, 1 if not, 2 for a bad command line."
        })
final class DemoCommand implements Callable<Integer> {
    private static final int SLIP_MTU = 1006;
    private static final int ETHERNET_MTU = 1500;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "URL", defaultValue = WebDemo.DEFAULT_URL,
            description = "What alice fetches (default ${DEFAULT-VALUE}); bob is www.example.test, 10.0.0.2.")
    String url;

    @Option(names = "--trace",
            description = "Print the journey as it happens: the URL decoded, the DNS query and answer, the socket, "
                    + "the handshake, the request and response segments, ACKs, windows and FINs.")
    boolean trace;

    @Option(names = "--ping",
            description = "Instead of a web page: alice looks bob up in his DNS server and pings him, small and fragmented.")
    boolean ping;

    @Option(names = "--baud", paramLabel = "N", defaultValue = "115200",
            description = "Line rate of the cable in bit/s, 0 for an unpaced cable (default ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--framing", paramLabel = "slip|cslip|ethernet", defaultValue = "slip",
            description = "Framing on the cable (default ${DEFAULT-VALUE}).")
    String framing;

    @Option(names = "--pcap", paramLabel = "FILE",
            description = "Write what crosses alice's adapter to FILE (Wireshark opens it).")
    Path pcap;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (baud < 0) {
            throw new IllegalArgumentException("--baud must be 0 (unpaced) or a positive rate, was " + baud);
        }
        Framing wire = Framing.named(framing);
        Url target = Url.parse(url);
        if (ping && trace) {
            throw new IllegalArgumentException("--trace follows a URL's journey; it does not go with --ping");
        }
        PrintWriter out = spec.commandLine().getOut();
        LoopbackCable cable = LoopbackCable.builder(SystemClock.INSTANCE)
                .name("cable0").framing(wire).mtu(wire.medium() == Medium.IP ? SLIP_MTU : ETHERNET_MTU)
                .impairments(baud == 0 ? Impairments.PERFECT : Impairments.builder().baud(baud).build())
                .build();
        LanAdapter aliceEnd = cable.a();
        if (pcap != null) {
            aliceEnd = PcapTap.toFile(aliceEnd, pcap, SystemClock.INSTANCE,
                    PcapTap.wallClockOffset(SystemClock.INSTANCE));
        }
        int mtu = wire.medium() == Medium.IP ? SLIP_MTU : ETHERNET_MTU;
        try {
            boolean ok;
            if (ping) {
                ok = new PingDemo(out, spec.commandLine().getErr(), wire, baud, mtu).run(aliceEnd, cable.b(), pcap);
            } else {
                JourneyTrace journey = trace ? new JourneyTrace(out, "alice") : null;
                if (journey != null) {
                    aliceEnd = new TracingAdapter(aliceEnd, journey.wire(aliceEnd.medium(), Map.of(
                            Ipv4Address.parse(WebDemo.ALICE), "alice", Ipv4Address.parse(WebDemo.BOB), "bob")));
                }
                ok = new WebDemo(out, spec.commandLine().getErr(), journey).run(target, aliceEnd, cable.b(), wire, baud,
                        mtu);
                if (pcap != null) {
                    out.println("capture of alice's side written to " + pcap + " (Wireshark and tcpdump open it)");
                }
            }
            return ok ? Slipway.EXIT_OK : Slipway.EXIT_FAILED;
        } finally {
            cable.close();
        }
    }
}
