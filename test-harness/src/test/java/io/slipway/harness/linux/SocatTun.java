package io.slipway.harness.linux;

import io.slipway.hal.Medium;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * socat holding a TUN or TAP device open and joining it to a UDP socket on 127.0.0.1, one packet
 * per datagram each way: what the kernel routes to the device comes out as a datagram to the Java
 * side's port, and a datagram sent to socat's port goes into the kernel as if received on the
 * device.
 *
 * <pre>
 *   socat -b 65536 TUN,tun-name=DEV,tun-type=tun|tap,iff-no-pi \
 *         UDP-DATAGRAM:127.0.0.1:JAVA,bind=127.0.0.1:SOCAT
 * </pre>
 *
 * <ul>
 *   <li>{@code tun} carries IP packets (what SLIP carries), {@code tap} Ethernet II frames without
 *       FCS (what slipway's Ethernet-over-serial framing carries once its CRC-32 is checked).
 *   <li>{@code iff-no-pi}: no 4-byte packet-information header in front of each packet.
 *   <li>{@code -b 65536}: socat reads and writes in blocks of 8192 bytes by default, which would
 *       truncate a larger datagram or packet.
 * </ul>
 *
 * <p>socat runs in the root namespace; the device is then moved into the test's namespace, and the
 * file descriptor socat holds keeps working. The device is not persistent: it disappears when
 * socat exits, so {@link #close()} removes it too.
 */
final class SocatTun implements AutoCloseable {
    private static final long READY_TIMEOUT_MILLIS = 10_000;
    /** socat's port is found free and then bound by socat, so another process may take it between. */
    private static final int PORT_ATTEMPTS = 3;
    private static final String LOCALHOST_HEX = "0100007F"; // 127.0.0.1 as /proc/net/udp prints it

    private final String device;
    private final InetSocketAddress address;
    private final BackgroundProcess socat;

    private SocatTun(String device, InetSocketAddress address, BackgroundProcess socat) {
        this.device = device;
        this.address = address;
        this.socat = socat;
    }

    /**
     * Starts socat creating {@code device} (a TUN device for {@link Medium#IP}, TAP for
     * {@link Medium#ETHERNET}) and sending what it reads to 127.0.0.1:{@code javaPort}; returns once
     * the device exists and socat's UDP socket is bound.
     */
    static SocatTun start(String device, Medium medium, int javaPort) throws IOException {
        String type = medium == Medium.IP ? "tun" : "tap";
        IOException last = null;
        for (int attempt = 0; attempt < PORT_ATTEMPTS; attempt++) {
            int port = freeUdpPort();
            BackgroundProcess socat = BackgroundProcess.start(List.of("socat", "-d", "-b", "65536",
                    "TUN,tun-name=" + device + ",tun-type=" + type + ",iff-no-pi",
                    "UDP-DATAGRAM:127.0.0.1:" + javaPort + ",bind=127.0.0.1:" + port));
            SocatTun tun = new SocatTun(device, new InetSocketAddress(InetAddress.getLoopbackAddress(), port), socat);
            try {
                tun.awaitReady();
                return tun;
            } catch (IOException | RuntimeException e) {
                tun.close();
                if (!(e instanceof IOException) || !tun.socat.output().contains("Address already in use")) {
                    throw e;
                }
                last = (IOException) e;
            }
        }
        throw last;
    }

    /** The device's name (it keeps it when moved into a namespace). */
    String device() {
        return device;
    }

    /** Where socat receives the datagrams that go into the kernel. */
    InetSocketAddress address() {
        return address;
    }

    long pid() {
        return socat.pid();
    }

    boolean isAlive() {
        return socat.isAlive();
    }

    /** socat's warnings and errors so far, for failure messages. */
    String log() {
        return socat.output();
    }

    /** Stops socat, which removes the device. Idempotent. */
    @Override
    public void close() {
        socat.close();
    }

    @Override
    public String toString() {
        return "socat " + device + " <-> udp " + address.getPort() + " (pid " + socat.pid()
                + (socat.isAlive() ? "" : ", ended") + ")";
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(READY_TIMEOUT_MILLIS);
        while (!(Files.exists(Path.of("/sys/class/net", device)) && udpPortBound(address.getPort()))) {
            if (!socat.isAlive()) {
                throw new IOException("socat for " + device + " exited before it was ready: " + socat.output());
            }
            if (System.nanoTime() - deadline > 0) {
                throw new IOException("socat did not create " + device + " and bind udp port " + address.getPort()
                        + " within " + READY_TIMEOUT_MILLIS + " ms: " + socat.output());
            }
            try {
                // Polling another process's progress: there is nothing to wait on but time.
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while waiting for socat", e);
            }
        }
    }

    /** Whether a UDP socket of this (root) namespace is bound to 127.0.0.1:{@code port}. */
    private static boolean udpPortBound(int port) {
        String local = LOCALHOST_HEX + ":" + String.format("%04X", port);
        try {
            for (String line : Files.readAllLines(Path.of("/proc/net/udp"), StandardCharsets.US_ASCII)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length > 1 && fields[1].equals(local)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/net/udp", e);
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return probe.getLocalPort();
        }
    }
}
