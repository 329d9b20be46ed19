package io.slipway.bench;

import io.slipway.base.ManualClock;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.loopback.LoopbackCable;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.socket.PeerAddress;
import io.slipway.socket.SocketException;
import io.slipway.socket.SocketType;
import io.slipway.socket.Sockets;
import io.slipway.stack.InterfaceConfig;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * One UDP request and its echo per operation, through the socket API of two stacks — a client
 * and a server, each its own {@link Stack} — joined by an unpaced SLIP loopback cable, all on
 * the benchmark's thread: client sendto, both stacks' UDP, IPv4, SLIP drivers and framing, server
 * recvfrom and sendto, and back to the client's recvfrom. A DNS query and its answer take this
 * path. The reference, {@code linuxLoopback}, is the same exchange between two
 * {@link DatagramChannel}s on the Linux kernel's loopback interface (127.0.0.1), measured in the
 * same run: the kernel's UDP and IPv4, plus the system calls a user-space program pays for them.
 * With {@code -prof gc}, {@code gc.alloc.rate.norm} of {@code slipway} is bytes per round trip.
 *
 * <pre>
 * java -jar test-harness/target/benchmarks.jar UdpRoundTripBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class UdpRoundTripBenchmark {
    private static final int PORT = 5353;

    /** Data bytes per datagram: a small request, and a DNS answer's UDP limit. */
    @Param({"64", "512"})
    public int payload;

    private final ManualClock clock = new ManualClock();
    private Stack client;
    private Stack server;
    private Sockets clientApi;
    private Sockets serverApi;
    private int clientFd;
    private int serverFd;
    private int serverAddress;
    private byte[] request;
    private final byte[] buffer = new byte[2048];
    private final PeerAddress from = new PeerAddress();

    private DatagramChannel linuxClient;
    private DatagramChannel linuxServer;
    private ByteBuffer linuxOut;
    private final ByteBuffer linuxIn = ByteBuffer.allocateDirect(2048);
    private InetSocketAddress linuxServerAddress;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        request = new byte[payload];
        for (int i = 0; i < payload; i++) {
            request[i] = (byte) i;
        }
        LoopbackCable cable = LoopbackCable.builder(clock).name("bench").framing(Framing.SLIP).mtu(1006).build();
        client = new Stack("client", StackConfig.DEFAULT, 1);
        server = new Stack("server", StackConfig.DEFAULT, 2);
        client.addInterface(cable.a(), InterfaceConfig.pointToPoint(Ipv4Prefix.parse("10.0.0.1/24", 24),
                Ipv4Address.parse("10.0.0.2")));
        server.addInterface(cable.b(), InterfaceConfig.pointToPoint(Ipv4Prefix.parse("10.0.0.2/24", 24),
                Ipv4Address.parse("10.0.0.1")));
        serverAddress = Ipv4Address.parse("10.0.0.2");
        clientApi = client.sockets();
        serverApi = server.sockets();
        serverFd = serverApi.socket(SocketType.DATAGRAM);
        serverApi.setBlocking(serverFd, false);
        serverApi.bind(serverFd, 0, PORT);
        clientFd = clientApi.socket(SocketType.DATAGRAM);
        clientApi.setBlocking(clientFd, false);
        clientApi.connect(clientFd, serverAddress, PORT);

        linuxServer = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        linuxClient = DatagramChannel.open().bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        linuxServerAddress = (InetSocketAddress) linuxServer.getLocalAddress();
        linuxClient.connect(linuxServerAddress);
        linuxOut = ByteBuffer.allocateDirect(payload);
        linuxOut.put(request).flip();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        linuxClient.close();
        linuxServer.close();
    }

    /** slipway: request and echo through two whole stacks; returns the echo's length. */
    @Benchmark
    public int slipway() throws SocketException {
        clientApi.send(clientFd, request, 0, request.length);
        int n;
        do {
            pollBoth();
            n = serverApi.recvfrom(serverFd, buffer, 0, buffer.length, from);
        } while (n == Sockets.WOULD_BLOCK);
        serverApi.sendto(serverFd, buffer, 0, n, from.address(), from.port());
        int echo;
        do {
            pollBoth();
            echo = clientApi.recv(clientFd, buffer, 0, buffer.length);
        } while (echo == Sockets.WOULD_BLOCK);
        return echo;
    }

    /** The Linux kernel over loopback: the same exchange with blocking DatagramChannels. */
    @Benchmark
    public int linuxLoopback() throws IOException {
        linuxOut.rewind();
        linuxClient.write(linuxOut);
        linuxIn.clear();
        InetSocketAddress sender = (InetSocketAddress) linuxServer.receive(linuxIn);
        linuxIn.flip();
        linuxServer.send(linuxIn, sender);
        linuxIn.clear();
        return linuxClient.read(linuxIn);
    }

    private void pollBoth() {
        clock.advance(1_000);
        long now = clock.nanos();
        client.poll(now);
        server.poll(now);
    }
}
