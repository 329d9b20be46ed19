package io.slipway.cli.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        if (!onPath()) {
            return null;
        }
        int port = 5201 + (int) (ProcessHandle.current().pid() % 1000);
        Process server = new ProcessBuilder("iperf3", "-s", "-1", "-p", Integer.toString(port)).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            Thread.sleep(300); // until it listens
            Process client = new ProcessBuilder("iperf3", "-c", "127.0.0.1", "-p", Integer.toString(port), "-M", "1460",
                    "-O", "1", "-t", Integer.toString(seconds), "-J").redirectErrorStream(true).start();
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
        }
    }

    private static boolean onPath() {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (java.nio.file.Files.isExecutable(java.nio.file.Path.of(dir, "iperf3"))) {
                return true;
            }
        }
        return false;
    }
}
