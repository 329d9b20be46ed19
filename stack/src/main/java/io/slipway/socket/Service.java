package io.slipway.socket;

import io.slipway.base.Clock;

/**
 * An application that runs on the stack thread, driven by the stack as its timers are: a DNS
 * server answering queries, a resolver walking referrals. It uses the socket API in non-blocking
 * mode only (a blocking call there would stop the very thread that moves its data).
 *
 * <p>Why on the stack thread: a {@code Simulation} then runs servers and clients in virtual time,
 * deterministically, exactly as a {@code StackRunner} runs them in real time. Applications with
 * threads of their own use the same socket API in blocking mode instead.
 */
public interface Service {
    /**
     * Does whatever is due at {@code nowNanos}: reads what arrived on its sockets, sends, runs its
     * timeouts. Called on every turn of the stack, so it must return quickly.
     */
    void poll(long nowNanos);

    /** When it next needs to run though nothing arrives; {@link Clock#NEVER} if only input wakes it. */
    default long nextDeadline() {
        return Clock.NEVER;
    }

    /** A short name for messages and {@code stats}. */
    default String name() {
        return getClass().getSimpleName();
    }
}
