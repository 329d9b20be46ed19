package io.slipway.harness.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What this process may do to the host's network, read from {@code /proc/self/status}: making a
 * network namespace needs root (to write {@code /run/netns}) and CAP_SYS_ADMIN (to mount it),
 * making and configuring TUN/TAP devices needs CAP_NET_ADMIN. A container that runs as root
 * without them (Docker's default drops CAP_SYS_ADMIN) is caught here rather than by a confusing
 * {@code ip} error.
 */
final class Privileges {
    private static final int CAP_NET_ADMIN = 12;
    private static final int CAP_SYS_ADMIN = 21;

    private Privileges() {
    }

    /** Whether the effective user is root. */
    static boolean isRoot() {
        String uid = statusField("Uid:");
        // Real, effective, saved, filesystem.
        String[] ids = uid == null ? new String[0] : uid.trim().split("\\s+");
        return ids.length > 1 && ids[1].equals("0");
    }

    /** Whether the effective capabilities include CAP_NET_ADMIN and CAP_SYS_ADMIN. */
    static boolean canAdministerNetworks() {
        String capEff = statusField("CapEff:");
        if (capEff == null) {
            return false;
        }
        long caps = Long.parseUnsignedLong(capEff.trim(), 16);
        return (caps & (1L << CAP_NET_ADMIN)) != 0 && (caps & (1L << CAP_SYS_ADMIN)) != 0;
    }

    private static String statusField(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"), StandardCharsets.US_ASCII)) {
                if (line.startsWith(name)) {
                    return line.substring(name.length());
                }
            }
        } catch (IOException e) {
            // Not Linux, or no /proc: the caller treats it as "not privileged".
        }
        return null;
    }
}
