package io.slipway.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

/**
 * The reference for in-memory bulk: {@code iperf3 -M 1460} over the kernel's loopback,
 * segments of the same size as slipway's at MTU 1500 (the plain loopback uses 65 483-byte
 * segments, which says little about per-segment work). Null when iperf3 is not installed.
 */
final class Iperf3 {
    private static final java.util.regex.Pattern RECEIVED = java.util.regex.Pattern.compile(
            "\"sum_received\"\\s*:\\s*\\{[^}]*?\"bits_per_second\"\\s*:\\s*([0-9.eE+]+)");

    private Iperf3() {
    }

    /** Bytes per second iperf3 reports its receiver got, or null without iperf3. */
    static Double loopbackMss1460(int seconds) throws IOException, InterruptedException {
        return onPath("iperf3") ? run(List.of(), seconds) : null;
    }

    /**
     * The same in a network namespace of its own whose loopback has slipway's MTU, 1500, and no
     * segmentation or receive offloads (TSO, GSO, GRO off): the kernel then handles every
     * 1 460-byte segment itself, as slipway does. With them, as in {@link #loopbackMss1460}, it
     * hands 64 KiB super-segments through the loopback whole and acknowledges each once, so its
     * per-segment work is done once per 44 segments. Null unless root with iperf3, ip and
     * ethtool.
     */
    static Double perSegmentLoopback(int seconds) throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name")) || !onPath("iperf3") || !onPath("ip")
                || !onPath("ethtool")) {
            return null;
        }
        String ns = "slipway-bench-" + ProcessHandle.current().pid();
        List<String> inNs = List.of("ip", "netns", "exec", ns);
        command(List.of("ip", "netns", "add", ns));
        try {
            command(concat(inNs, "ip", "link", "set", "lo", "up", "mtu", "1500"));
            command(concat(inNs, "ethtool", "-K", "lo", "tso", "off", "gso", "off", "gro", "off"));
            return run(inNs, seconds);
        } finally {
            command(List.of("ip", "netns", "del", ns));
        }
    }

    private static Double run(List<String> prefix, int seconds) throws IOException, InterruptedException {
        int port = 5201 + (int) (ProcessHandle.current().pid() % 1000);
        Process server = new ProcessBuilder(concat(prefix, "iperf3", "-s", "-1", "-p", Integer.toString(port)))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Thread.sleep(300); // until it listens
            Process client = new ProcessBuilder(concat(prefix, "iperf3", "-c", "127.0.0.1", "-p", Integer.toString(port),
                    "-M", "1460", "-O", "1", "-t", Integer.toString(seconds), "-J")).redirectErrorStream(true).start();
            String json = new String(client.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!client.waitFor(seconds + 30L, TimeUnit.SECONDS) || client.exitValue() != 0) {
                throw new IOException("iperf3 failed: " + json.strip());
            }
            Matcher m = RECEIVED.matcher(json);
            if (!m.find()) {
                throw new IOException("iperf3 printed no receiver figure: " + json.strip());
            }
            return Double.parseDouble(m.group(1)) / 8;
        } finally {
            server.destroy();
            server.waitFor(5, TimeUnit.SECONDS);
        }
    }

    private static void command(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + output.strip());
        }
    }

    private static List<String> concat(List<String> prefix, String... rest) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(List.of(rest));
        return all;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
