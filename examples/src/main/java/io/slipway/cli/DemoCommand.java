package io.slipway.cli;

import io.slipway.base.SystemClock;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.loopback.Impairments;
import io.slipway.hal.loopback.LoopbackCable;
import io.slipway.hal.pcap.PcapTap;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code slipway demo}: two hosts in one process joined by a loopback cable paced like a serial
 * line; alice looks bob up in his DNS server, then pings him, small and then larger than the MTU
 * ({@link PingDemo}). The journey grows with the stack: later the demo fetches a web page by name.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Two slipway hosts joined by an in-memory serial cable: one looks the other's name up "
                + "in its DNS server, then pings it, small and fragmented; prints what crossed.")
final class DemoCommand implements Callable<Integer> {
    private static final int SLIP_MTU = 1006;
    private static final int ETHERNET_MTU = 1500;

    @Spec
    CommandSpec spec;

    @Option(names = "--baud", paramLabel = "N", defaultValue = "115200",
            description = "Line rate of the cable in bit/s, 0 for an unpaced cable (default ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--framing", paramLabel = "slip|ethernet", defaultValue = "slip",
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
        PrintWriter out = spec.commandLine().getOut();
        LoopbackCable cable = LoopbackCable.builder(SystemClock.INSTANCE)
                .name("cable0").framing(wire).mtu(wire == Framing.SLIP ? SLIP_MTU : ETHERNET_MTU)
                .impairments(baud == 0 ? Impairments.PERFECT : Impairments.builder().baud(baud).build())
                .build();
        LanAdapter aliceEnd = cable.a();
        if (pcap != null) {
            aliceEnd = PcapTap.toFile(aliceEnd, pcap, SystemClock.INSTANCE,
                    PcapTap.wallClockOffset(SystemClock.INSTANCE));
        }
        int mtu = wire == Framing.SLIP ? SLIP_MTU : ETHERNET_MTU;
        try {
            boolean ok = new PingDemo(out, spec.commandLine().getErr(), wire, baud, mtu).run(aliceEnd, cable.b(), pcap);
            return ok ? Slipway.EXIT_OK : Slipway.EXIT_FAILED;
        } finally {
            cable.close();
        }
    }
}
