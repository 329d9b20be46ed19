package io.slipway.base;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A fixed set of event counters named by an enum: frames in, drops by reason, and so on.
 *
 * <p>Each counter has a single writer (the thread that owns that event: the stack thread, or a
 * serial reader thread for decoder drops); any thread may read. Writes are opaque, so a reader
 * sees a recent value without the writer paying for a locked instruction.
 */
public final class Counters<E extends Enum<E>> {
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private final E[] names;
    private final long[] values;

    public Counters(Class<E> names) {
        this.names = names.getEnumConstants();
        this.values = new long[this.names.length];
    }

    public void increment(E name) {
        add(name, 1);
    }

    public void add(E name, long delta) {
        int i = name.ordinal();
        SLOT.setOpaque(values, i, (long) SLOT.getOpaque(values, i) + delta);
    }

    public long get(E name) {
        return (long) SLOT.getOpaque(values, name.ordinal());
    }

    /** Sum of every counter, e.g. all drops whatever their reason. */
    public long total() {
        long sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += (long) SLOT.getOpaque(values, i);
        }
        return sum;
    }

    /** The counters that are not zero, as {@code name=value} pairs; for stats and test messages. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (E name : names) {
            long v = get(name);
            if (v != 0) {
                if (sb.length() > 1) {
                    sb.append(", ");
                }
                sb.append(name.name().toLowerCase(java.util.Locale.ROOT)).append('=').append(v);
            }
        }
        return sb.append('}').toString();
    }
}
