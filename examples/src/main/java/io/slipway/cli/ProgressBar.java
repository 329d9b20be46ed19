package io.slipway.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A download's progress on standard error, for bodies over {@value #THRESHOLD} bytes: bytes so
 * far, the rate, and the time left — on a serial line a mebibyte takes a minute and a half, and
 * the user wants to know. Redrawn in place at most every {@value #REDRAW_MILLIS} ms.
 */
final class ProgressBar {
    static final long THRESHOLD = 64 * 1024;
    private static final long REDRAW_MILLIS = 200;
    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final long startNanos;
    private long lastDrawNanos;
    private boolean drawn;

    ProgressBar(PrintWriter err, long startNanos) {
        this.err = err;
        this.startNanos = startNanos;
    }

    /** {@code soFar} of {@code total} bytes (-1: unknown) at {@code nowNanos}. */
    void update(long soFar, long total, long nowNanos) {
        if (Math.max(soFar, total) <= THRESHOLD) {
            return;
        }
        if (drawn && nowNanos - lastDrawNanos < REDRAW_MILLIS * 1_000_000L && soFar != total) {
            return;
        }
        lastDrawNanos = nowNanos;
        drawn = true;
        err.print("\r" + line(soFar, total, nowNanos - startNanos));
        err.flush();
    }

    /** Ends the line the bar was drawn on, if any. */
    void finish() {
        if (drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }

    static String line(long soFar, long total, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos, 1) / 1e9;
        double rate = soFar / seconds;
        StringBuilder s = new StringBuilder();
        if (total > 0) {
            int filled = (int) Math.min(WIDTH, WIDTH * soFar / total);
            s.append('[').append("#".repeat(filled)).append(" ".repeat(WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%% ", 100 * soFar / total))
                    .append(size(soFar)).append(" of ").append(size(total));
        } else {
            s.append(size(soFar));
        }
        s.append(", ").append(size((long) rate)).append("/s");
        if (total > 0 && soFar < total && rate > 0) {
            s.append(", ").append(duration((total - soFar) / rate)).append(" left");
        } else if (total > 0 && soFar >= total) {
            s.append(", ").append(duration(seconds)).append(" in all");
        }
        return s.toString();
    }

    static String size(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        if (bytes < 1_000_000) {
            return String.format(Locale.ROOT, "%.1f kB", bytes / 1e3);
        }
        return String.format(Locale.ROOT, "%.2f MB", bytes / 1e6);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s < 60 ? s + " s" : (s / 60) + " min " + (s % 60) + " s";
    }
}
