package io.slipway.stack;

import io.slipway.arp.Arp;
import io.slipway.base.Clock;
import io.slipway.base.TimerQueue;
import io.slipway.driver.EthernetDriver;
import io.slipway.driver.LanDriver;
import io.slipway.driver.Link;
import io.slipway.driver.SlipDriver;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.Medium;
import io.slipway.icmp.Icmp;
import io.slipway.ip.IpInterface;
import io.slipway.ip.Ipv4;
import io.slipway.ip.NeighbourResolver;
import io.slipway.socket.SocketLayer;
import io.slipway.socket.Sockets;
import io.slipway.tcp.Tcp;
import io.slipway.udp.Udp;
import java.security.SecureRandom;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * One host's protocol stack: its interfaces' drivers and its timers, driven single-threaded.
 *
 * <p>{@link #poll(long)} moves received frames up, flushes transmit backlogs and runs due timers,
 * then returns; {@link #nextDeadline()} says when it next needs to run. Nothing in here reads
 * the wall clock, sleeps or starts a thread: a {@link StackRunner} drives it in real time, a
 * {@link Simulation} in virtual time, and both see the same behaviour.
 */
public final class Stack {
    /** Frames taken off one interface per poll, so one busy link cannot starve the others. */
    static final int RECEIVE_BUDGET = 64;

    private final String name;
    private final LanDriver[] drivers;
    private int driverCount;
    private final TimerQueue timers;
    private final int backlogBytes;
    private final StackConfig config;
    private final SplittableRandom random;
    private final Ipv4 ip;
    private final Icmp icmp;
    private final Udp udp;
    private final Tcp tcp;
    private final SocketLayer sockets;
    private final Runnable adapterWakeup = this::wake;
    private volatile Runnable wakeup = () -> { };
    /** True when the last poll stopped at a receive budget: frames may still be waiting. */
    private boolean receivePending;
    private long lastPoll;

    /**
     * A stack for real use: its random choices are unpredictable, IP identifications seeded from
     * SecureRandom and ephemeral ports drawn from it (RFC 6056).
     */
    public Stack(String name, StackConfig config) {
        this(name, config, new SecureRandom().nextLong(), new SecureRandom());
    }

    /** A stack whose random choices replay from {@code seed}: for simulations and tests. */
    public Stack(String name, StackConfig config, long seed) {
        this(name, config, seed, new SplittableRandom(~seed));
    }

    private Stack(String name, StackConfig config, long seed, RandomGenerator portRandom) {
        this.name = name;
        this.config = config;
        this.random = new SplittableRandom(seed);
        this.drivers = new LanDriver[config.maxInterfaces()];
        this.timers = new TimerQueue(config.maxTimers());
        this.backlogBytes = config.driverBacklogBytes();
        this.ip = new Ipv4(config.ipv4(), timers, random.nextInt());
        this.icmp = new Icmp(ip, config.icmp());
        this.udp = new Udp(ip, icmp, config.udp(), portRandom);
        this.tcp = new Tcp(ip, icmp, config.tcp(), timers, portRandom, this::wake);
        this.sockets = new SocketLayer(udp, tcp, config.sockets(), this::wake);
    }

    /**
     * Attaches an adapter as an IP interface: a SLIP driver (point-to-point) or an Ethernet driver
     * with ARP, our address, and its connected routes. Header compression (CSLIP) is for SLIP
     * lines only.
     */
    public IpInterface addInterface(LanAdapter adapter, InterfaceConfig settings) {
        if (settings.compressHeaders() && adapter.medium() != Medium.IP) {
            throw new IllegalArgumentException("TCP/IP header compression (RFC 1144) is for SLIP lines, not "
                    + adapter.name() + " (" + adapter.medium() + ")");
        }
        LanDriver lan = attach(adapter);
        Link link;
        NeighbourResolver resolver;
        if (adapter.medium() == Medium.IP) {
            link = new SlipDriver(lan, settings.compressHeaders());
            resolver = null; // point-to-point: IP's default
        } else {
            link = new EthernetDriver(lan, settings.mac());
            resolver = new Arp(link, settings.address().address(), config.arp(), timers);
        }
        IpInterface added = ip.addInterface(link, settings.address(), settings.peer(), resolver);
        added.setTcpTimestamps(settings.tcpTimestamps());
        return added;
    }

    public Ipv4 ip() {
        return ip;
    }

    public Icmp icmp() {
        return icmp;
    }

    public Udp udp() {
        return udp;
    }

    public Tcp tcp() {
        return tcp;
    }

    /** The socket library's stack half: descriptors, services, counters. */
    public SocketLayer socketLayer() {
        return sockets;
    }

    /** The BSD-like socket API applications call, from any thread. */
    public Sockets sockets() {
        return sockets.api();
    }

    /** Names the thread that will drive this stack, so socket calls from it run at once. */
    void setStackThread(Thread thread) {
        sockets.setStackThread(thread);
    }

    public StackConfig config() {
        return config;
    }

    public String name() {
        return name;
    }

    /** Attaches an adapter as a new interface; its wake-ups will wake this stack's runner. */
    public LanDriver attach(LanAdapter adapter) {
        if (driverCount == drivers.length) {
            throw new IllegalStateException(name + ": no room for another interface (max "
                    + drivers.length + ")");
        }
        LanDriver driver = new LanDriver(adapter, backlogBytes);
        drivers[driverCount++] = driver;
        adapter.setWakeup(adapterWakeup);
        return driver;
    }

    public int interfaceCount() {
        return driverCount;
    }

    public LanDriver driver(int index) {
        if (index < 0 || index >= driverCount) {
            throw new IndexOutOfBoundsException("no interface " + index);
        }
        return drivers[index];
    }

    public TimerQueue timers() {
        return timers;
    }

    /** Sets what wakes the thread that drives this stack (called from any thread). */
    void setWakeup(Runnable wakeup) {
        this.wakeup = wakeup;
    }

    /** Asks the driving thread to poll soon; safe from any thread. */
    public void wake() {
        wakeup.run();
    }

    /** Does all the work that is due at {@code nowNanos}. Single-threaded: the stack thread only. */
    public void poll(long nowNanos) {
        lastPoll = nowNanos;
        boolean pending = false;
        for (int i = 0; i < driverCount; i++) {
            pending |= drivers[i].poll(nowNanos, RECEIVE_BUDGET) == RECEIVE_BUDGET;
        }
        receivePending = pending;
        ip.poll(nowNanos);
        timers.runDue(nowNanos);
        sockets.poll(nowNanos);
        tcp.poll(nowNanos);
    }

    /**
     * When {@link #poll} next needs to run: the earliest timer or adapter event, the time of the
     * last poll if work is already waiting, or {@link Clock#NEVER}.
     */
    public long nextDeadline() {
        if (receivePending || ip.hasPendingWork() || sockets.hasPendingWork() || tcp.hasPendingWork()) {
            return lastPoll;
        }
        long next = Math.min(timers.nextDeadline(), sockets.nextDeadline());
        for (int i = 0; i < driverCount; i++) {
            next = Math.min(next, drivers[i].nextDeadline());
        }
        return next;
    }

    @Override
    public String toString() {
        return "Stack[" + name + ", " + driverCount + " interfaces]";
    }
}
