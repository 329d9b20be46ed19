package io.slipway.app.browser;

import static org.junit.jupiter.api.Assertions.fail;

import io.slipway.base.SystemClock;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.loopback.LoopbackCable;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.socket.SocketException;
import io.slipway.socket.SocketInfo;
import io.slipway.socket.SocketType;
import io.slipway.socket.Sockets;
import io.slipway.socket.resolver.HostsTable;
import io.slipway.socket.resolver.Resolver;
import io.slipway.socket.resolver.ResolverConfig;
import io.slipway.stack.InterfaceConfig;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import io.slipway.stack.StackRunner;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Two hosts in real time, as {@code StreamSocketThreadsTest} sets them up: the browser's
 * (10.0.0.1) and the server's (10.0.0.2), each a whole stack on its own {@link StackRunner},
 * joined by an unpaced SLIP cable (MTU 1006). The browser blocks on the test thread, as it does
 * on a command's; {@link ScriptedServer}s answer on threads of their own. Names are answered by
 * the resolver's hosts table ({@link #WWW}, {@link #IMAGES} are the server's address); no DNS
 * server is asked, so any other name does not resolve.
 */
final class BrowserNet implements AutoCloseable {
    static final int BROWSER_ADDRESS = Ipv4Address.parse("10.0.0.1");
    static final int SERVER_ADDRESS = Ipv4Address.parse("10.0.0.2");
    static final String WWW = "www.example.test";
    static final String IMAGES = "img.example.test";
    /** Every wait for another thread is this generous: a slow machine never fails a correct browser. */
    static final long WAIT_SECONDS = 30;
    /** Short enough that a browser waiting for an answer that never comes fails the test quickly. */
    static final BrowserConfig CONFIG = BrowserConfig.DEFAULT.withReadTimeout(Duration.ofSeconds(10));

    private final LoopbackCable cable = LoopbackCable.builder(SystemClock.INSTANCE).name("web")
            .framing(Framing.SLIP).mtu(1006).build();
    final Stack browserHost = stack("browser", true, BROWSER_ADDRESS, SERVER_ADDRESS, 1);
    final Stack serverHost = stack("server", false, SERVER_ADDRESS, BROWSER_ADDRESS, 2);
    private final List<StackRunner> runners = List.of(new StackRunner(browserHost, SystemClock.INSTANCE).start(),
            new StackRunner(serverHost, SystemClock.INSTANCE).start());
    private final List<AutoCloseable> opened = new ArrayList<>();

    private Stack stack(String name, boolean endA, int us, int peer, long seed) {
        Stack s = new Stack(name, StackConfig.DEFAULT, seed);
        s.addInterface(endA ? cable.a() : cable.b(), InterfaceConfig.pointToPoint(new Ipv4Prefix(us, 32), peer));
        return s;
    }

    Sockets browserSockets() {
        return browserHost.sockets();
    }

    /** A resolver that knows {@link #WWW} and {@link #IMAGES} from its hosts table and asks no server. */
    Resolver resolver() {
        HostsTable hosts = HostsTable.parse("test hosts", "10.0.0.2 " + WWW + " " + IMAGES + "\n");
        return new Resolver(browserSockets(), ResolverConfig.of().withHosts(hosts));
    }

    Browser browser(BrowserConfig config, BrowserListener listener) {
        Browser b = new Browser(browserSockets(), resolver(), config, listener);
        opened.add(b);
        return b;
    }

    Browser browser() {
        return browser(CONFIG, null);
    }

    /** A scripted server listening on the server's host at {@code port}. */
    ScriptedServer server(int port) throws SocketException {
        ScriptedServer s = new ScriptedServer(serverHost.sockets(), port);
        opened.add(s);
        return s;
    }

    /** The TCP state of every stream socket a descriptor of the browser's host holds, as netstat names it. */
    List<String> browserSocketStates() {
        List<String> states = new ArrayList<>();
        try {
            for (SocketInfo i : browserSockets().table()) {
                if (i.descriptor() >= 0 && i.type() == SocketType.STREAM) {
                    states.add(i.state());
                }
            }
        } catch (SocketException e) {
            throw new AssertionError(e);
        }
        return states;
    }

    static void waitFor(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                fail("never happened: " + what);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Closes browsers and servers, then the stacks, even when one of them reports a failure (thrown at the end). */
    @Override
    public void close() throws Exception {
        Throwable first = null;
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception | AssertionError e) {
                first = first == null ? e : first;
            }
        }
        for (StackRunner r : runners) {
            if (first == null && r.failure() != null) {
                first = new AssertionError("a stack thread died", r.failure());
            }
            r.close();
        }
        cable.close();
        if (first instanceof Exception e) {
            throw e;
        }
        if (first != null) {
            throw (AssertionError) first;
        }
    }
}
