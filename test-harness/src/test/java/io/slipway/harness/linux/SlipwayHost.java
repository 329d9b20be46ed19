package io.slipway.harness.linux;

import io.slipway.base.SystemClock;
import io.slipway.driver.MacAddress;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.serial.JSerialCommLine;
import io.slipway.hal.serial.SerialAdapter;
import io.slipway.icmp.EchoEndpoint;
import io.slipway.icmp.EchoListener;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.ip.SendResult;
import io.slipway.stack.InterfaceConfig;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import io.slipway.stack.StackRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A slipway host on the pty end of a {@link LinuxPeer}: a serial adapter, a stack with one
 * interface, and its runner thread. Tests talk to the stack only through {@link #onStack}, as
 * an application would.
 */
final class SlipwayHost implements AutoCloseable {
    /** One echo reply as the stack thread saw it. */
    record Reply(int from, int sequence, int ttl, int payloadLength, long rttNanos) {
    }

    private final SerialAdapter adapter;
    private final Stack stack;
    private final StackRunner runner;

    private SlipwayHost(SerialAdapter adapter, Stack stack) {
        this.adapter = adapter;
        this.stack = stack;
        this.runner = new StackRunner(stack, SystemClock.INSTANCE).start();
    }

    /** Opens {@code port} and starts a stack as {@code cidr}, with {@code peer} on a SLIP line. */
    static SlipwayHost start(Path port, Framing framing, String cidr, String peer) throws IOException {
        return start(port, framing, cidr, peer, StackConfig.DEFAULT);
    }

    /** The same with a stack configured as {@code config} (short TCP timers, say). */
    static SlipwayHost start(Path port, Framing framing, String cidr, String peer, StackConfig config)
            throws IOException {
        return start(port, framing, cidr, peer, config, false);
    }

    /** The same, its interface asking TCP to offer timestamps (RFC 7323) when {@code tcpTimestamps}. */
    static SlipwayHost start(Path port, Framing framing, String cidr, String peer, StackConfig config,
            boolean tcpTimestamps) throws IOException {
        SerialAdapter adapter = new SerialAdapter(JSerialCommLine.open(port.toString(),
                JSerialCommLine.Options.DEFAULT.withExclusiveLock(false)), framing);
        Stack stack = new Stack("slipway", config);
        Ipv4Prefix address = Ipv4Prefix.parse(cidr, 24);
        stack.addInterface(adapter, (framing == Framing.SLIP
                ? InterfaceConfig.pointToPoint(address, Ipv4Address.parse(peer))
                : InterfaceConfig.ethernet(address, MacAddress.parse("02:00:00:00:00:02")))
                .withTcpTimestamps(tcpTimestamps));
        return new SlipwayHost(adapter, stack);
    }

    /** The stack's socket API, for applications on the test's threads (DNS servers, resolvers). */
    io.slipway.socket.Sockets sockets() {
        return stack.sockets();
    }

    /** The stack's TCP, for counters (read from any thread). */
    io.slipway.tcp.Tcp tcp() {
        return stack.tcp();
    }

    /** Runs {@code work} on the stack thread and waits for its result. */
    <T> T onStack(java.util.function.Function<Stack, T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        runner.execute(() -> {
            try {
                result.complete(work.apply(stack));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(5, TimeUnit.SECONDS);
    }

    /** Opens an echo endpoint; replies land in the returned queue. */
    Pinger pinger(int identifier, int maxPayload) throws Exception {
        BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
        EchoEndpoint endpoint = onStack(s -> s.icmp().openEcho(identifier, maxPayload, new EchoListener() {
            @Override
            public void onEchoReply(int from, int sequence, int ttl, int length, long sentNanos, long nowNanos) {
                replies.add(new Reply(from, sequence, ttl, length, nowNanos - sentNanos));
            }
        }));
        return new Pinger(endpoint, replies);
    }

    final class Pinger {
        private final EchoEndpoint endpoint;
        private final BlockingQueue<Reply> replies;

        private Pinger(EchoEndpoint endpoint, BlockingQueue<Reply> replies) {
            this.endpoint = endpoint;
            this.replies = replies;
        }

        SendResult send(String destination, int sequence, int payloadLength) throws Exception {
            int to = Ipv4Address.parse(destination);
            return onStack(s -> endpoint.send(to, sequence, payloadLength, 0, SystemClock.INSTANCE.nanos()));
        }

        /** The next reply, or null after {@code seconds}. */
        Reply await(int seconds) throws InterruptedException {
            return replies.poll(seconds, TimeUnit.SECONDS);
        }
    }

    /** The serial adapter's counters: frames each way and drops by reason. */
    io.slipway.hal.LinkCounters adapterCounters() {
        return adapter.counters();
    }

    /** Counters of every layer, for failure messages. */
    String diagnostics() {
        try {
            return onStack(s -> "ip " + s.ip().events() + " icmp " + s.icmp().events() + " tcp " + s.tcp().events()
                    + " " + s.tcp().connections() + " udp " + s.udp().events()
                    + " sockets " + s.socketLayer().events() + " link " + s.driver(0).events() + " adapter "
                    + adapter.counters());
        } catch (Exception e) {
            return "stack not answering: " + e + ", runner failure: " + runner.failure();
        }
    }

    @Override
    public void close() {
        runner.close();
        adapter.close();
    }
}
