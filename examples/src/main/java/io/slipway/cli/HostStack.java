package io.slipway.cli;

import io.slipway.arp.Arp;
import io.slipway.base.SystemClock;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.pcap.PcapTap;
import io.slipway.hal.serial.JSerialCommLine;
import io.slipway.hal.serial.SerialAdapter;
import io.slipway.ip.IpInterface;
import io.slipway.ip.Ipv4Address;
import io.slipway.socket.Netstat;
import io.slipway.socket.SocketException;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import io.slipway.stack.StackRunner;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * A running host for a command: a {@link Stack} with one IP interface per link, driven by a
 * {@link StackRunner} on its own thread. One link today; the list leaves room for a router's second.
 *
 * <p>The stack is single-threaded: the command's thread reaches it only through {@link #call},
 * which runs a task on the stack thread and waits for its result. The serial adapters' link state
 * and line error are safe to read from any thread, and {@link #linkDown} does.
 */
final class HostStack implements AutoCloseable {
    /** How long {@link #call} waits for the stack thread: it answers within one turn unless stuck. */
    private static final long CALL_TIMEOUT_SECONDS = 5;
    /** How long {@link #close} waits for TCP to deliver data without seeing any acknowledged. */
    private static final long LINGER_IDLE_NANOS = 10_000_000_000L;
    private static final long LINGER_POLL_MILLIS = 10;
    /** How long a semi-blocking read waits in jSerialComm before the reader looks again. */
    private static final int READ_TIMEOUT_MILLIS = 100;

    /** One link: its settings and the adapter the stack drives (a pcap tap around the serial adapter). */
    record Attachment(LinkSettings settings, LanAdapter adapter, SerialAdapter serial) {
    }

    private final Stack stack;
    private final StackRunner runner;
    private final List<Attachment> links;

    private HostStack(Stack stack, StackRunner runner, List<Attachment> links) {
        this.stack = stack;
        this.runner = runner;
        this.links = List.copyOf(links);
    }

    /**
     * Opens each link's serial port and starts a stack on them.
     *
     * @throws IOException with one line naming the port (or capture file) that could not be opened
     * @throws IllegalArgumentException when the stack refuses the configuration
     */
    static HostStack open(String name, List<LinkSettings> settings, boolean forwarding) throws IOException {
        List<Attachment> opened = new ArrayList<>();
        try {
            for (LinkSettings s : settings) {
                opened.add(openLink(s));
            }
            return start(name, opened, forwarding);
        } catch (IOException | RuntimeException e) {
            closeAll(opened);
            throw e;
        }
    }

    /**
     * Starts a stack on links whose adapters are already open (a test's loopback cable); takes them
     * over: they are closed if the stack refuses them, and by {@link #close}.
     */
    static HostStack start(String name, List<Attachment> links, boolean forwarding) {
        Stack stack = new Stack(name, StackConfig.DEFAULT);
        try {
            for (Attachment link : links) {
                stack.addInterface(link.adapter(), link.settings().interfaceConfig());
            }
            // After every interface, so that a gateway on any link's prefix is found.
            for (Attachment link : links) {
                if (link.settings().gateway() != Ipv4Address.ANY) {
                    stack.ip().routes().addDefaultGateway(link.settings().gateway());
                }
            }
            stack.ip().setForwarding(forwarding);
        } catch (RuntimeException e) {
            closeAll(links);
            throw e;
        }
        // Configured on this thread before start(): Thread.start() publishes it to the stack thread.
        StackRunner runner = new StackRunner(stack, SystemClock.INSTANCE).start();
        return new HostStack(stack, runner, links);
    }

    private static Attachment openLink(LinkSettings s) throws IOException {
        JSerialCommLine line = JSerialCommLine.open(s.serial(),
                new JSerialCommLine.Options(s.baud(), s.exclusiveLock(), READ_TIMEOUT_MILLIS));
        SerialAdapter serial;
        try {
            serial = new SerialAdapter(line, s.framing(), s.mtu(), SerialAdapter.DEFAULT_RECEIVE_RING_BYTES,
                    SerialAdapter.transmitRingFor(s.framing(), s.mtu()));
        } catch (RuntimeException e) {
            line.close();
            throw e;
        }
        if (s.pcap() == null) {
            return new Attachment(s, serial, serial);
        }
        try {
            PcapTap tap = PcapTap.toFile(serial, s.pcap(), SystemClock.INSTANCE,
                    PcapTap.wallClockOffset(SystemClock.INSTANCE));
            return new Attachment(s, tap, serial);
        } catch (IOException e) {
            serial.close();
            throw new IOException("cannot write capture " + s.pcap() + ": " + reason(e), e);
        }
    }

    /** NoSuchFileException and friends carry only the path as their message. */
    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such directory";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    Stack stack() {
        return stack;
    }

    StackRunner runner() {
        return runner;
    }

    List<Attachment> links() {
        return links;
    }

    /** False once the stack thread has stopped (a bug: the runner has said why on stderr). */
    boolean isRunning() {
        return runner.isRunning();
    }

    /**
     * Runs {@code task} on the stack thread and returns its result; its exceptions are rethrown
     * here. Control path only (it allocates and waits).
     */
    <T> T call(Function<Stack, T> task) {
        if (!runner.isRunning()) {
            throw new IllegalStateException("the stack has stopped");
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        runner.execute(() -> {
            try {
                result.complete(task.apply(stack));
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw (Error) e.getCause();
        } catch (TimeoutException e) {
            throw new IllegalStateException("the stack thread did not answer within " + CALL_TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the stack thread");
        }
    }

    /**
     * Why a serial link is down ({@code /dev/ttyUSB0: closed by the other end}), or null while every
     * serial link is up. Safe from any thread.
     */
    String linkDown() {
        for (Attachment link : links) {
            SerialAdapter serial = link.serial();
            if (serial != null && !serial.isLinkUp()) {
                IOException error = serial.lineError();
                return "link " + link.settings().serial() + " is down"
                        + (error != null ? ": " + error.getMessage() : "");
            }
        }
        return null;
    }

    /** Whether every serial link is down: nothing more can come in or go out. */
    boolean allLinksDown() {
        boolean any = false;
        for (Attachment link : links) {
            if (link.serial() == null || link.serial().isLinkUp()) {
                return false;
            }
            any = true;
        }
        return any;
    }

    /** The counters, one {@code name: {counter=value, ...}} line per layer and link. */
    String stats() {
        return call(s -> {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < links.size(); i++) {
                Attachment link = links.get(i);
                out.append("link ").append(link.settings().serial()).append(": ")
                        .append(link.adapter().isLinkUp() ? "up" : "down").append(", ")
                        .append(link.adapter().counters()).append('\n');
                out.append("driver ").append(link.settings().serial()).append(": ")
                        .append(s.driver(i).events()).append('\n');
                if (s.ip().interfaceAt(i).link() instanceof io.slipway.driver.SlipDriver slip
                        && slip.compressesHeaders()) {
                    out.append("cslip ").append(link.settings().serial()).append(": ")
                            .append(slip.headerCompressionEvents()).append('\n');
                }
                if (link.adapter() instanceof PcapTap tap) {
                    out.append("pcap ").append(link.settings().pcap()).append(": ")
                            .append(tap.captureCounters()).append('\n');
                }
            }
            out.append("ip: ").append(s.ip().events()).append('\n');
            out.append("icmp: ").append(s.icmp().events()).append('\n');
            out.append("udp: ").append(s.udp().events()).append('\n');
            out.append("sockets: ").append(s.socketLayer().events()).append('\n');
            return out.toString();
        });
    }

    /** The socket table as netstat prints it. */
    String netstat() {
        return call(s -> {
            try {
                return Netstat.format(s.sockets().table());
            } catch (SocketException e) {
                return e.getMessage() + "\n";
            }
        });
    }

    /** Each Ethernet interface's ARP cache as {@code ip neigh} prints it; SLIP links have none. */
    String arp() {
        return call(s -> {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < s.ip().interfaceCount(); i++) {
                IpInterface in = s.ip().interfaceAt(i);
                if (in.resolver() instanceof Arp arp) {
                    if (arp.entries().isEmpty()) {
                        out.append(in.name()).append(": no neighbours\n");
                    }
                    for (var n : arp.entries()) {
                        out.append(n).append(" dev ").append(in.name()).append('\n');
                    }
                } else {
                    out.append(in.name()).append(": point-to-point, no ARP\n");
                }
            }
            return out.toString();
        });
    }

    /** The routing table as {@code ip route} prints it. */
    String routes() {
        return call(s -> s.ip().routes().toString());
    }

    /**
     * Lets TCP deliver what closed sockets still hold, then stops the stack thread and closes the
     * adapters (a capture is flushed and closed).
     */
    @Override
    public void close() {
        lingerWhileDelivering();
        runner.close();
        closeAll(links);
    }

    /**
     * A kernel goes on sending a closed socket's data and FIN after the process exits; a command's
     * stack ends with the command, so it waits here instead — while the peer keeps acknowledging,
     * and at most {@link #LINGER_IDLE_NANOS} without progress (a peer gone, a window that stays
     * shut). Not at all over a dead link.
     */
    private void lingerWhileDelivering() {
        long left = Long.MAX_VALUE;
        long lastProgress = System.nanoTime();
        try {
            while (runner.isRunning() && !allLinksDown()) {
                long now = call(s -> s.tcp().unacknowledgedBytes());
                if (now == 0 || System.nanoTime() - lastProgress > LINGER_IDLE_NANOS) {
                    return;
                }
                if (now < left) {
                    left = now;
                    lastProgress = System.nanoTime();
                }
                Thread.sleep(LINGER_POLL_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IllegalStateException e) {
            // the stack stopped or did not answer: nothing more to deliver through it
        }
    }

    private static void closeAll(List<Attachment> links) {
        for (Attachment link : links) {
            try {
                link.adapter().close();
            } catch (RuntimeException e) {
                // Closing is best effort: the port goes with the process anyway.
            }
        }
    }
}
