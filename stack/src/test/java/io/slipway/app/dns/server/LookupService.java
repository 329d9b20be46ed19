package io.slipway.app.dns.server;

import io.slipway.base.Clock;
import io.slipway.socket.Service;
import io.slipway.socket.resolver.Lookup;

/** Drives one stub-resolver {@link Lookup} on a simulated stack's thread, as an application would. */
final class LookupService implements Service {
    private Lookup lookup;

    void start(Lookup l) {
        this.lookup = l;
    }

    boolean isDone() {
        return lookup != null && lookup.isDone();
    }

    Lookup lookup() {
        return lookup;
    }

    @Override
    public void poll(long nowNanos) {
        if (lookup != null) {
            lookup.poll(nowNanos);
        }
    }

    @Override
    public long nextDeadline() {
        return lookup == null ? Clock.NEVER : lookup.nextDeadline();
    }
}
