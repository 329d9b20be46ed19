package io.slipway.cli.bench;

import io.slipway.hal.framing.Framing;
import io.slipway.stack.StackRunner;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code slipway bench}: the TCP benchmarks of BENCHMARKS.md, each figure beside its reference
 * measured in the same run. Timing lives here and in JMH, never in a pass/fail test.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Measures slipway's TCP: goodput over a paced serial line against the line's limit (serial), bulk "
                    + "throughput between two stacks in memory against Linux loopback TCP (memory), 1-byte round "
                    + "trips against Linux loopback TCP (rr), keystroke latency behind a bulk transfer at 115200 "
                    + "baud (latency), and a thousand connections at once (scale).",
            "",
            "Exit status: 0 when every benchmark ran, 1 if one failed, 2 for a bad command line."
        })
public final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "BENCHMARK",
            description = "serial, memory, rr, latency, scale (default: all).")
    List<String> which;

    @Option(names = "--baud", paramLabel = "N", defaultValue = "115200",
            description = "Line rate of the serial benchmarks (default ${DEFAULT-VALUE}).")
    int baud;

    @Option(names = "--framing", paramLabel = "slip|cslip", defaultValue = "slip",
            description = "Framing of the serial benchmark's line: slip, or cslip (RFC 1144 compressed TCP/IP "
                    + "headers at both ends), measured against the uncompressed line's limit (default ${DEFAULT-VALUE}).")
    String framing;

    @Option(names = "--bytes", paramLabel = "N", defaultValue = "1048576",
            description = "Bytes of the serial bulk transfer (default ${DEFAULT-VALUE}).")
    long bytes;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "5",
            description = "How long each real-time benchmark runs (memory, rr; default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3",
            description = "Rounds of the memory benchmark's slipway/iperf3 pair, alternating; the median round's ratio "
                    + "is its figure (default ${DEFAULT-VALUE}).")
    int rounds;

    @Option(names = "--connections", paramLabel = "N", defaultValue = "1000",
            description = "Connections open at once in the scale benchmark (default ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--buffers", paramLabel = "BYTES", defaultValue = "4096",
            description = "Each connection's send and receive ring in the scale benchmark, a power of two "
                    + "(default ${DEFAULT-VALUE}).")
    int buffers;

    @Override
    public Integer call() throws Exception {
        List<String> all = List.of("serial", "memory", "rr", "latency", "scale");
        List<String> run = which == null || which.isEmpty() ? all : which;
        for (String name : run) {
            if (!all.contains(name)) {
                throw new IllegalArgumentException("no benchmark '" + name + "': " + String.join(", ", all));
            }
        }
        if (baud < 300 || bytes < 10_000 || seconds < 1 || connections < 1 || rounds < 1) {
            throw new IllegalArgumentException("--baud must be at least 300, --bytes 10000, --seconds 1, "
                    + "--connections 1, --rounds 1");
        }
        if (!framing.equals("slip") && !framing.equals("cslip")) {
            throw new IllegalArgumentException("--framing must be slip or cslip, was '" + framing + "'");
        }
        if (Integer.bitCount(buffers) != 1 || buffers < 1024) {
            throw new IllegalArgumentException("--buffers must be a power of two of at least 1024, was " + buffers);
        }
        PrintWriter out = spec.commandLine().getOut();
        for (String name : run) {
            switch (name) {
                case "serial" -> serial(out);
                case "memory" -> memory(out);
                case "rr" -> roundTrips(out);
                case "latency" -> latency(out);
                case "scale" -> scale(out);
                default -> throw new IllegalStateException(name);
            }
            out.flush();
        }
        return 0;
    }

    private void serial(PrintWriter out) throws Exception {
        SerialGoodput.Result r = SerialGoodput.run(baud, 1006, bytes);
        say(out, "serial goodput: %d bytes a -> b over SLIP at %d baud, MTU %d (virtual time)", r.bytes(), r.baud(),
                r.mtu());
        say(out, "  %.1f B/s of payload in %.2f s; the line's limit for these bytes %.1f B/s: %.2f %%", r.goodput(),
                r.seconds(), r.limit(), 100 * r.goodput() / r.limit());
        say(out, "  %d segments, %d retransmitted; %.2f bytes allocated per segment in the steady state", r.segments(),
                r.retransmitted(), r.allocatedBytesPerSegment());
        // RFC 7323 timestamps take 12 bytes of every segment: what they cost is why serial
        // interfaces do not offer them unless asked (InterfaceConfig.tcpTimestamps).
        SerialGoodput.Result t = SerialGoodput.run(Framing.SLIP, baud, 1006, bytes, true);
        say(out, "serial goodput with TCP timestamps (RFC 7323) at both ends: %.1f B/s, %.2f %% of the limit above",
                t.goodput(), 100 * t.goodput() / r.limit());
        if (framing.equals("cslip")) {
            SerialGoodput.Result c = SerialGoodput.run(Framing.CSLIP, baud, 1006, bytes);
            say(out, "serial goodput with CSLIP: the same bytes, TCP/IP headers compressed at both ends (RFC 1144)");
            say(out, "  %.1f B/s of payload in %.2f s: %.2f %% of the uncompressed limit above; the compressed line's "
                    + "own limit %.1f B/s: %.2f %%", c.goodput(), c.seconds(), 100 * c.goodput() / r.limit(), c.limit(),
                    100 * c.goodput() / c.limit());
            say(out, "  %d segments, %d retransmitted; %d wire bytes a -> b against %d uncompressed; %.2f bytes "
                    + "allocated per segment in the steady state", c.segments(), c.retransmitted(), c.wireBytes(),
                    r.wireBytes(), c.allocatedBytesPerSegment());
        }
    }

    private void memory(PrintWriter out) throws Exception {
        say(out, "in-memory bulk: one connection, two stacks on the unpaced cable, MTU 1500, rings of %d KiB "
                + "(real time, %d s)", MemoryBulk.RING_BYTES / 1024, seconds);
        // The target's pair, slipway with offloads against iperf3 -M 1460, goes in rounds that
        // alternate the two, so that a machine whose speed drifts from minute to minute (a shared
        // virtual machine's does, by half) weighs on both alike; the median round is the figure.
        double[] ratios = new double[rounds];
        double offloaded = 0;
        double iperf = 0;
        boolean haveIperf = true;
        for (int r = 0; r < rounds; r++) {
            double ours = MemoryBulk.slipway(MemoryBulk.Wire.SEGMENT_OFFLOAD, seconds);
            Double theirs = haveIperf ? Iperf3.loopbackMss1460(seconds) : null;
            haveIperf = theirs != null;
            offloaded += ours / rounds;
            if (haveIperf) {
                iperf += theirs / rounds;
                ratios[r] = ours / theirs;
                say(out, "  round %d: slipway, offloads as Linux's lo %8.3f Gbit/s, iperf3 -M 1460 %8.3f Gbit/s: %.2f",
                        r + 1, gbits(ours), gbits(theirs), ratios[r]);
            }
        }
        double offloadedParking = MemoryBulk.slipway(MemoryBulk.Wire.SEGMENT_OFFLOAD, seconds, false);
        double ours = MemoryBulk.slipway(MemoryBulk.Wire.IP_PACKETS, seconds);
        double slip = MemoryBulk.slipway(MemoryBulk.Wire.SLIP_FRAMED, seconds);
        double java = MemoryBulk.linuxLoopback(seconds);
        Double perSegment = Iperf3.perSegmentLoopback(seconds);
        say(out, "  slipway, offloads as Linux's lo  %8.3f Gbit/s   (MSS 1460, segments of up to 64 KiB, checksums left "
                + "to the cable; mean of %d rounds)", gbits(offloaded), rounds);
        say(out, "  the same, threads park at once   %8.3f Gbit/s   (no %d us watch for a wake-up before parking)",
                gbits(offloadedParking), StackRunner.BUSY_POLL_SPIN_NANOS / 1000);
        say(out, "  slipway, IP packets on the cable %8.3f Gbit/s   (each segment handled alone)", gbits(ours));
        say(out, "  slipway, SLIP-framed cable       %8.3f Gbit/s   (SLIP encoding and decoding each frame)", gbits(slip));
        if (haveIperf) {
            Arrays.sort(ratios);
            say(out, "  Linux loopback, iperf3 -M 1460   %8.3f Gbit/s   slipway with offload/Linux %.2f, the median "
                    + "round (TSO/GSO/GRO on; parking at once %.2f of the mean)", gbits(iperf), ratios[rounds / 2],
                    offloadedParking / iperf);
        } else {
            say(out, "  Linux loopback, iperf3 -M 1460   (iperf3 not installed: apt-get install iperf3)");
        }
        if (perSegment != null) {
            say(out, "  Linux, no TSO/GSO/GRO, MTU 1500  %8.3f Gbit/s   slipway IP packets/Linux %.2f (each segment alone)",
                    gbits(perSegment), ours / perSegment);
        } else {
            say(out, "  Linux, no TSO/GSO/GRO, MTU 1500  (needs root, ip and ethtool: a network namespace of its own)");
        }
        say(out, "  Linux loopback, Java sockets     %8.3f Gbit/s   slipway with offload/Linux %.2f (its segments are 64 KiB)",
                gbits(java), offloaded / java);
    }

    private void roundTrips(PrintWriter out) throws Exception {
        say(out, "request/response: 1-byte round trips to the echo service, two stacks on the unpaced cable (real time, %d s)",
                seconds);
        double ours = RoundTrips.slipway(seconds, true);
        double parking = RoundTrips.slipway(seconds, false);
        double linux = RoundTrips.linuxLoopback(seconds);
        say(out, "  slipway                          %10.0f round trips/s", ours);
        say(out, "  the same, threads park at once   %10.0f round trips/s   (no %d us watch for a wake-up before parking)",
                parking, StackRunner.BUSY_POLL_SPIN_NANOS / 1000);
        say(out, "  Linux loopback, Java sockets     %10.0f round trips/s   slipway/Linux %.2f (parking at once %.2f)",
                linux, ours / linux, parking / linux);
    }

    private void latency(PrintWriter out) throws Exception {
        int window = 30;
        say(out, "keystroke latency: 1 byte every 200 ms, echoed, SLIP at %d baud (virtual time, %d s)",
                baud, window);
        InteractiveLatency.Result quiet = InteractiveLatency.run(baud, false, window);
        InteractiveLatency.Result loaded = InteractiveLatency.run(baud, true, window);
        say(out, "  quiet line                 median %7.1f ms, max %7.1f ms (%d keystrokes)", ms(quiet.median()),
                ms(quiet.max()), quiet.sorted().length);
        say(out, "  behind a bulk transfer     median %7.1f ms, max %7.1f ms (%d keystrokes)", ms(loaded.median()),
                ms(loaded.max()), loaded.sorted().length);
    }

    private void scale(PrintWriter out) throws Exception {
        say(out, "scale: %d connections at once, two stacks on the unpaced cable, 10 exchanges of 100 bytes each, "
                + "rings of %d bytes (real time; -Xmx %d MB)", connections, buffers,
                Runtime.getRuntime().maxMemory() >> 20);
        Scale.Result r = Scale.run(connections, 10, buffers);
        say(out, "  %d completed, %d failed in %.2f s; %d were connected at once; heap in use %.1f MB",
                r.completed(), r.failed(), r.seconds(), r.mostConnected(), r.heapBytes() / 1e6);
        if (r.why() != null) {
            say(out, "  first failure: %s", r.why());
        }
    }

    private static double gbits(double bytesPerSecond) {
        return bytesPerSecond * 8 / 1e9;
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    static void say(PrintWriter out, String format, Object... args) {
        out.println(String.format(Locale.ROOT, format, args));
    }
}
