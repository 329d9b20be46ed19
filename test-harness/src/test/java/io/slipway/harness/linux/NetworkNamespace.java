package io.slipway.harness.linux;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A named network namespace ({@code ip netns add}): a network stack of its own, with its own
 * interfaces, addresses, routes and sysctls, so that the kernel peer of a test is configured
 * without touching the host's network and two test runs cannot see each other.
 *
 * <p>IPv6 is disabled in it before any interface moves in: otherwise an interface with an MTU of
 * at least 1280 (the IPv6 minimum) gets a link-local address and the kernel sends, unprompted,
 * router solicitations (on TUN) and also MLDv2 reports and duplicate-address-detection neighbour
 * solicitations (on TAP) within a second of link-up. slipway speaks IPv4 only; a quiet link lets
 * tests assert exactly which frames crossed. The {@code default} setting is what a device moved in
 * inherits (it re-registers in the namespace), {@code all} covers {@code lo}.
 */
final class NetworkNamespace implements AutoCloseable {
    private final String name;
    private boolean deleted;

    private NetworkNamespace(String name) {
        this.name = name;
    }

    /** Creates the namespace; fails if one of that name exists. */
    static NetworkNamespace create(String name) throws IOException {
        Commands.check("ip", "netns", "add", name);
        NetworkNamespace ns = new NetworkNamespace(name);
        try {
            ns.sysctl("net.ipv6.conf.all.disable_ipv6", "1");
            ns.sysctl("net.ipv6.conf.default.disable_ipv6", "1");
        } catch (IOException | RuntimeException e) {
            ns.close();
            throw e;
        }
        return ns;
    }

    /** Whether {@code ip netns list} shows a namespace called {@code name}. */
    static boolean exists(String name) throws IOException {
        return list().contains(name);
    }

    /** The names {@code ip netns list} shows (each line is a name, maybe followed by {@code (id: N)}). */
    static List<String> list() throws IOException {
        List<String> names = new ArrayList<>();
        for (String line : Commands.check("ip", "netns", "list").split("\n")) {
            String trimmed = line.trim();
            if (!trimmed.isEmpty()) {
                names.add(trimmed.split("\\s+")[0]);
            }
        }
        return names;
    }

    String name() {
        return name;
    }

    /** {@code command} prefixed so that it runs inside the namespace: {@code ip netns exec <name> ...}. */
    List<String> inside(String... command) {
        List<String> full = new ArrayList<>(List.of("ip", "netns", "exec", name));
        full.addAll(Arrays.asList(command));
        return full;
    }

    /** Runs {@code ip -n <name> <args>}, which configures the namespace from outside; returns its output. */
    String ip(String... args) throws IOException {
        List<String> full = new ArrayList<>(List.of("ip", "-n", name));
        full.addAll(Arrays.asList(args));
        return Commands.check(full.toArray(String[]::new));
    }

    void sysctl(String key, String value) throws IOException {
        Commands.check(inside("sysctl", "-q", "-w", key + "=" + value).toArray(String[]::new));
    }

    /**
     * Deletes the namespace ({@code ip netns del}). The kernel frees it once nothing holds it any
     * more; the interfaces in it go with it. Idempotent.
     */
    @Override
    public void close() throws IOException {
        if (deleted) {
            return;
        }
        deleted = true;
        Commands.check("ip", "netns", "del", name);
    }

    @Override
    public String toString() {
        return "netns " + name;
    }
}
