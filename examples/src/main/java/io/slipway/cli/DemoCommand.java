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
 * {@code slipway demo}: two hosts in one process joined by a loopback cable. Until the protocol
 * layers exist, the journey is the bottom of the stack: frames go down host alice's LAN driver,
 * are SLIP-framed onto a cable paced like a serial line, decoded at host bob, echoed, and
 * return.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Two slipway hosts joined by an in-memory serial cable exchange frames; "
                + "prints what crossed.")
final class DemoCommand implements Callable<Integer> {
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
                .name("cable0").framing(wire).mtu(wire == Framing.SLIP ? 1006 : 1500)
                .impairments(baud == 0 ? Impairments.PERFECT : Impairments.builder().baud(baud).build())
                .build();
        LanAdapter aliceEnd = cable.a();
        if (pcap != null) {
            aliceEnd = PcapTap.toFile(aliceEnd, pcap, SystemClock.INSTANCE,
                    PcapTap.wallClockOffset(SystemClock.INSTANCE));
        }
        try (FrameEchoDemo demo = new FrameEchoDemo(out, wire, baud, aliceEnd, cable.b())) {
            boolean ok = demo.run();
            if (pcap != null) {
                aliceEnd.close();
                out.printf("capture written to %s%n", pcap);
            }
            return ok ? Slipway.EXIT_OK : Slipway.EXIT_FAILED;
        } finally {
            cable.close();
        }
    }
}
