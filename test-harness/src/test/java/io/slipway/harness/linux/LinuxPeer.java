package io.slipway.harness.linux;

import io.slipway.hal.Medium;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.serial.JSerialCommLine;
import io.slipway.hal.serial.SerialAdapter;
import io.slipway.hal.serial.SerialLine;
import io.slipway.testing.Environment;
import io.slipway.testing.SocatPtyPair;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.channels.DatagramChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Linux kernel as the peer at the other end of slipway's serial line, as a PC running
 * {@code slattach -p slip} would be. This kernel has no SLIP driver, so the test builds the
 * equivalent:
 *
 * <pre>
 *   slipway ── {@link #slipwayPort()} (pty B) ═ socat ═ pty A ── bridge (SLIP or Ethernet framing)
 *                 ── UDP ── socat ── TUN (SLIP) or TAP (Ethernet) device in a network namespace
 * </pre>
 *
 * <p>The kernel's interface has the address given to {@link #start} (e.g. {@code 10.77.0.1/24}),
 * the given MTU, and nothing else: it lives in a namespace of its own ({@code slw-<pid>-<n>}),
 * with IPv6 disabled so that the kernel sends nothing unprompted (see {@link NetworkNamespace}).
 * Commands such as {@code ping}, {@code nc} or {@code tcpdump} run in that namespace through
 * {@link #exec} (to completion) or {@link #spawn} (in the background).
 *
 * <p>The pty pair carries one session: once slipway has opened {@link #slipwayPort()}, closing it
 * ends socat's pty pair (see {@link SocatPtyPair}), so a test opens it once. {@link #close()} tears
 * down everything this peer started (spawned commands, the bridge, both socat processes, the
 * namespace), also after a start that failed halfway, and is idempotent; a shutdown hook does it
 * should the JVM exit without it.
 *
 * <p>{@link #attach} builds a second peer whose bridge opens another peer's {@link #slipwayPort()}
 * instead of a pty pair of its own, for a Linux-to-Linux line that is the same as slipway's:
 *
 * <pre>
 *   kernel ── bridge ── pty B ═ socat ═ pty A ── bridge ── kernel
 * </pre>
 *
 * <p>Needs root with CAP_NET_ADMIN and CAP_SYS_ADMIN, {@code /dev/net/tun}, socat, ip and ping:
 * call {@link #availableOrSkip()} first, which skips the test on a machine without them and fails
 * it under {@code CI=true}.
 */
public final class LinuxPeer implements AutoCloseable {
    /** The kernel's end of the link, when a test has no reason to choose. */
    public static final String DEFAULT_LINUX_CIDR = "10.77.0.1/24";

    private static final AtomicInteger NEXT = new AtomicInteger();
    /** Linux interface names hold at most 15 characters (IFNAMSIZ - 1). */
    private static final int MAX_DEVICE_NAME = 15;
    private static final JSerialCommLine.Options PTY = JSerialCommLine.Options.DEFAULT.withExclusiveLock(false);

    private final Framing framing;
    private final String linuxCidr;
    private final Inet4Address linuxAddress;
    private final int mtu;
    /** The serial port an {@link #attach}ed peer's bridge opens; null when it makes its own pty pair. */
    private final Path attachedPort;
    private final List<BackgroundProcess> spawned = new ArrayList<>();
    private final Thread shutdownHook = new Thread(this::close, "linuxpeer-shutdown");

    // Set one by one as start() gets further; close() releases whatever is set.
    private NetworkNamespace namespace;
    private String device;
    private DatagramChannel udp;
    private SocatTun tun;
    private SocatPtyPair pty;
    private PtyUdpBridge bridge;
    private boolean closed;

    private LinuxPeer(Framing framing, String linuxCidr, Inet4Address linuxAddress, int mtu, Path attachedPort) {
        this.framing = framing;
        this.linuxCidr = linuxCidr;
        this.linuxAddress = linuxAddress;
        this.mtu = mtu;
        this.attachedPort = attachedPort;
    }

    /**
     * Skips the calling test (fails it under {@code CI=true}) unless this machine can host a
     * Linux peer: root with CAP_NET_ADMIN and CAP_SYS_ADMIN, {@code /dev/net/tun}, pseudo-terminals,
     * and socat, ip and ping on the PATH.
     */
    public static void availableOrSkip() {
        Environment.requireOrSkip(Privileges.isRoot(),
                "root (network namespaces and TUN/TAP devices need it; run the tests as root or in a privileged container)");
        Environment.requireOrSkip(Privileges.canAdministerNetworks(),
                "CAP_NET_ADMIN and CAP_SYS_ADMIN (run the container with --privileged or --cap-add NET_ADMIN,SYS_ADMIN)");
        Path tunDevice = Path.of("/dev/net/tun");
        Environment.requireOrSkip(Files.isReadable(tunDevice) && Files.isWritable(tunDevice),
                "/dev/net/tun (modprobe tun; in a container, --device /dev/net/tun)");
        Environment.requireOrSkip(Environment.pseudoTerminalsAvailable(), "pseudo-terminals (/dev/ptmx)");
        Environment.requireOrSkip(Environment.onPath("socat"), "socat (apt install socat)");
        Environment.requireOrSkip(Environment.onPath("ip"), "ip (apt install iproute2)");
        Environment.requireOrSkip(Environment.onPath("ping"), "ping (apt install iputils-ping)");
    }

    /**
     * A peer at {@link #DEFAULT_LINUX_CIDR} with the framing's usual MTU (1006 for SLIP, 1500 for
     * Ethernet, as {@link SerialAdapter#defaultMtu} says).
     */
    public static LinuxPeer start(Framing framing) throws IOException {
        return start(framing, DEFAULT_LINUX_CIDR, SerialAdapter.defaultMtu(framing));
    }

    /**
     * Builds the peer and returns once the kernel's interface is up and the bridge is running;
     * slipway may then open {@link #slipwayPort()}.
     *
     * @param framing {@link Framing#SLIP} (a TUN device: IP packets) or {@link Framing#ETHERNET}
     *     (a TAP device: Ethernet II frames, the kernel answering ARP)
     * @param linuxCidr the kernel's address and prefix, e.g. {@code 10.77.0.1/24}; the prefix's
     *     other addresses are on the link (slipway takes one, e.g. 10.77.0.2)
     * @param mtu the kernel interface's MTU; match slipway's ({@link SerialAdapter#SLIP_MTU},
     *     {@link SerialAdapter#ETHERNET_MTU}). At 1280 or more IPv6 would be possible, which the
     *     namespace keeps disabled.
     * @throws IOException naming the step that failed, after undoing the steps before it
     */
    public static LinuxPeer start(Framing framing, String linuxCidr, int mtu) throws IOException {
        return start(framing, linuxCidr, mtu, null);
    }

    /**
     * A peer whose bridge opens {@code port} (typically another peer's {@link #slipwayPort()}, in
     * slipway's place) instead of a pty pair of its own: two kernels at the two ends of one pty
     * pair, the line slipway gets from {@link #start}. Such a peer has no {@link #slipwayPort()};
     * closing it closes {@code port}, which ends the other peer's pty pair (see
     * {@link SocatPtyPair}), so the two share one session, as slipway and a peer do.
     *
     * <p>Joining two peers' {@link #slipwayPort()}s with a third socat instead deadlocks under
     * load: socat copies both directions on one thread with blocking writes, so the pair's socat
     * and the joint, each blocked writing into the pty between them, waits for the other to read.
     */
    public static LinuxPeer attach(Framing framing, String linuxCidr, int mtu, Path port) throws IOException {
        return start(framing, linuxCidr, mtu, Objects.requireNonNull(port, "port"));
    }

    private static LinuxPeer start(Framing framing, String linuxCidr, int mtu, Path attachedPort) throws IOException {
        Objects.requireNonNull(framing, "framing");
        if (mtu < 1) {
            throw new IllegalArgumentException("mtu must be positive: " + mtu);
        }
        LinuxPeer peer = new LinuxPeer(framing, linuxCidr, parseAddress(linuxCidr), mtu, attachedPort);
        Runtime.getRuntime().addShutdownHook(peer.shutdownHook);
        try {
            peer.build();
            return peer;
        } catch (IOException | RuntimeException | Error e) {
            try {
                peer.close();
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
    }

    /**
     * The pty slipway opens (end B of the pair), e.g. {@code /tmp/slipway-pty-123/B}.
     *
     * @throws IllegalStateException for an {@link #attach}ed peer, which has no pty pair of its own
     */
    public Path slipwayPort() {
        if (pty == null) {
            throw new IllegalStateException("attached to " + attachedPort + ": no pty pair of its own");
        }
        return pty.b();
    }

    /** The network namespace the kernel's interface lives in, e.g. {@code slw-4711-0}. */
    public String namespace() {
        return namespace.name();
    }

    /** The kernel's interface in {@link #namespace()}, e.g. {@code slw4711-0}. */
    public String device() {
        return device;
    }

    public Framing framing() {
        return framing;
    }

    /** The kernel interface's MTU. */
    public int mtu() {
        return mtu;
    }

    /** The kernel's address and prefix as given, e.g. {@code 10.77.0.1/24}. */
    public String linuxCidr() {
        return linuxCidr;
    }

    /** The kernel's address, e.g. 10.77.0.1. */
    public Inet4Address linuxAddress() {
        return linuxAddress;
    }

    /**
     * The kernel interface's MAC address (random, chosen by the kernel for the TAP device), e.g.
     * {@code 06:26:4b:27:1d:7f}; only with {@link Framing#ETHERNET}.
     */
    public String linuxMac() throws IOException {
        if (framing.medium() != Medium.ETHERNET) {
            throw new IllegalStateException("a " + framing.name() + " link has no MAC addresses");
        }
        String line = namespace.ip("-o", "link", "show", "dev", device);
        String marker = "link/ether ";
        int at = line.indexOf(marker);
        if (at < 0) {
            throw new IOException("no MAC address in: " + line);
        }
        return line.substring(at + marker.length()).split("\\s+")[0];
    }

    /**
     * Runs {@code command} in the namespace ({@code ip netns exec <ns> ...}) to completion, killing
     * it at {@code timeout}; the result holds its exit code and its output (stdout and stderr).
     */
    public ProcessResult exec(Duration timeout, String... command) throws IOException {
        return Commands.run(timeout, requireStarted().inside(command));
    }

    /**
     * Starts {@code command} in the namespace in the background, e.g. a {@code ping} whose request
     * the test answers, or an {@code nc -l} for slipway to connect to. {@link #close()} kills it if
     * the test has not.
     */
    public BackgroundProcess spawn(String... command) throws IOException {
        List<String> full = requireStarted().inside(command);
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("closed");
            }
            BackgroundProcess process = BackgroundProcess.start(full);
            spawned.add(process);
            return process;
        }
    }

    /**
     * Makes the line lossy: the bridge drops each frame, either way, with probability {@code rate}
     * (seeded, so the same run loses the same frames), as a noisy serial line does.
     */
    public void setFrameLoss(double rate, long seed) {
        setFrameLoss(rate, seed, false);
    }

    /**
     * The same, but never dropping a TCP SYN when {@code spareSyns}: a benchmark of one
     * connection would otherwise be decided by whether the seed's first draws hit the handshake,
     * since a lost SYN costs any stack the same second (RFC 6298 §2.1's initial RTO).
     */
    public void setFrameLoss(double rate, long seed, boolean spareSyns) {
        requireStarted();
        bridge.setLoss(rate, seed, spareSyns);
    }

    /** Frames the bridge dropped on purpose. */
    public long framesLost() {
        return bridge == null ? 0 : bridge.framesLost();
    }

    /** Datagrams the kernel sent, each put on the serial line towards slipway as one frame. */
    public long framesToSlipway() {
        return bridge == null ? 0 : bridge.framesFromLinux();
    }

    /** Frames slipway sent on the serial line, each handed to the kernel. */
    public long framesToLinux() {
        return bridge == null ? 0 : bridge.framesToLinux();
    }

    /** The state of every part, for a failing assertion's message. */
    public String diagnostics() {
        return "linux peer " + linuxCidr + " mtu " + mtu + " over " + framing.name()
                + (namespace == null ? "" : " in " + namespace) + (closed ? " (closed)" : "")
                + "\n  " + (bridge == null ? "no bridge" : bridge)
                + "\n  " + (tun == null ? "no socat tun" : tun + ", log: " + tun.log().trim())
                + "\n  " + (attachedPort != null ? "bridge on " + attachedPort
                        : pty == null ? "no pty pair"
                        : pty + (pty.isAlive() ? "" : " (ended)") + ", log: " + pty.log().trim());
    }

    @Override
    public String toString() {
        return "linux peer " + linuxCidr + " on " + device + " in " + namespace + ", slipway port "
                + (attachedPort != null ? "none (bridge on " + attachedPort + ")" : pty == null ? "none" : pty.b());
    }

    /**
     * Tears down, newest first: spawned commands, the bridge (and its end of the pty pair), the pty
     * pair, the socat holding the TUN/TAP device (which removes the device), the namespace.
     * Idempotent; every step runs even if one before it failed, and the failures are thrown
     * together at the end.
     */
    @Override
    public void close() {
        List<BackgroundProcess> processes;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            processes = new ArrayList<>(spawned);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Called by the hook itself, as the JVM shuts down.
        }
        List<Exception> failures = new ArrayList<>();
        for (BackgroundProcess process : processes) {
            step(failures, process::close);
        }
        step(failures, () -> {
            if (bridge != null) {
                bridge.close();
            }
        });
        step(failures, () -> {
            if (udp != null) {
                udp.close(); // already closed by the bridge, unless start failed before it
            }
        });
        step(failures, () -> {
            if (pty != null) {
                pty.close();
            }
        });
        step(failures, () -> {
            if (tun != null) {
                tun.close();
            }
        });
        step(failures, () -> {
            if (namespace != null) {
                namespace.close();
            }
        });
        if (!failures.isEmpty()) {
            IllegalStateException e = new IllegalStateException("tearing down " + this + " failed: " + failures.get(0),
                    failures.get(0));
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
    }

    /** Whether the bridge thread has ended (after close); for leak checks. */
    boolean bridgeFinished() {
        return bridge == null || bridge.threadFinished();
    }

    private void build() throws IOException {
        namespace = newNamespace();
        device = deviceName(namespace.name());
        udp = DatagramChannel.open();
        udp.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        int javaPort = ((InetSocketAddress) udp.getLocalAddress()).getPort();
        tun = SocatTun.start(device, framing.medium(), javaPort);

        Commands.check("ip", "link", "set", "dev", device, "netns", namespace.name());
        namespace.ip("link", "set", "dev", device, "mtu", Integer.toString(mtu));
        namespace.ip("addr", "add", linuxCidr, "dev", device);
        namespace.ip("link", "set", "dev", device, "up");
        namespace.ip("link", "set", "dev", "lo", "up");

        Path port = attachedPort;
        if (port == null) {
            pty = SocatPtyPair.start();
            port = pty.a();
        }
        SerialLine line = JSerialCommLine.open(port.toString(), PTY);
        SerialAdapter adapter;
        try {
            int bridgeMtu = PtyUdpBridge.MAX_DATAGRAM - framing.medium().headerLength();
            adapter = new SerialAdapter(line, framing, bridgeMtu, PtyUdpBridge.RING_BYTES, PtyUdpBridge.RING_BYTES);
        } catch (RuntimeException e) {
            line.close();
            throw e;
        }
        try {
            bridge = new PtyUdpBridge(namespace.name(), adapter, udp, tun.address());
        } catch (IOException | RuntimeException e) {
            adapter.close();
            throw e;
        }
    }

    /** A namespace named {@code slw-<pid>-<n>}, skipping names a leftover namespace still holds. */
    private static NetworkNamespace newNamespace() throws IOException {
        long pid = ProcessHandle.current().pid();
        List<String> existing = NetworkNamespace.list();
        while (true) {
            String name = "slw-" + pid + "-" + NEXT.getAndIncrement();
            if (!existing.contains(name)) {
                return NetworkNamespace.create(name);
            }
        }
    }

    /**
     * The device is made in the root namespace, where its name must be unique too: the namespace's
     * name, shortened to fit, e.g. {@code slw-4711-0} becomes {@code slw4711-0}.
     */
    private static String deviceName(String namespace) {
        String name = "slw" + namespace.substring("slw-".length());
        if (name.length() > MAX_DEVICE_NAME) {
            throw new IllegalStateException("device name " + name + " is longer than " + MAX_DEVICE_NAME + " characters");
        }
        return name;
    }

    private NetworkNamespace requireStarted() {
        synchronized (this) {
            if (closed || namespace == null) {
                throw new IllegalStateException(closed ? "closed" : "not started");
            }
            return namespace;
        }
    }

    private static Inet4Address parseAddress(String cidr) {
        Objects.requireNonNull(cidr, "linuxCidr");
        String[] parts = cidr.split("/", -1);
        if (parts.length != 2 || !parts[0].matches("\\d{1,3}(\\.\\d{1,3}){3}") || !parts[1].matches("\\d{1,2}")
                || Integer.parseInt(parts[1]) > 32) {
            throw new IllegalArgumentException("not an IPv4 address/prefix such as 10.77.0.1/24: " + cidr);
        }
        try {
            // A literal: no name lookup happens.
            return (Inet4Address) InetAddress.getByName(parts[0]);
        } catch (IOException e) {
            throw new IllegalArgumentException("not an IPv4 address: " + cidr, e);
        }
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void step(List<Exception> failures, Step step) {
        try {
            step.run();
        } catch (UncheckedIOException e) {
            failures.add(e.getCause());
        } catch (Exception e) {
            failures.add(e);
        }
    }
}
