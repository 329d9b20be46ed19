package io.slipway.bench;

import io.slipway.base.Bytes;
import io.slipway.base.Clock;
import io.slipway.base.InternetChecksum;
import io.slipway.hal.LanAdapter;
import io.slipway.hal.LinkCounters;
import io.slipway.hal.Medium;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.stack.InterfaceConfig;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The network layer's receive-and-answer path, one ICMP echo request per operation: the LAN
 * driver takes the frame off the adapter, IPv4 validates it, ICMP turns it into the reply in
 * place, IPv4 routes and writes the reply's header, the SLIP driver hands it to the adapter. The
 * adapter is a reflector in memory (no framing, no cable), so this measures the stack itself.
 * With {@code -prof gc}, {@code gc.alloc.rate.norm} is bytes allocated per echo: it must be 0.
 *
 * <pre>
 * java -jar test-harness/target/benchmarks.jar EchoBenchmark -f 1 -wi 3 -w 2s -i 5 -r 2s -prof gc
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EchoBenchmark {
    /** ICMP data bytes: Linux ping's default, and one near the SLIP MTU. */
    @Param({"56", "960"})
    public int payload;

    private Stack stack;
    private Reflector adapter;
    private long now;

    @Setup
    public void setUp() {
        adapter = new Reflector(echoRequest(payload));
        stack = new Stack("bench", StackConfig.DEFAULT, 1);
        stack.addInterface(adapter, InterfaceConfig.pointToPoint(Ipv4Prefix.parse("10.0.0.2/24", 24),
                Ipv4Address.parse("10.0.0.1")));
        stack.poll(0);
    }

    /** One echo request in, one reply out; returns the reply's length so nothing is dead code. */
    @Benchmark
    public int echo() {
        adapter.armed = true;
        stack.poll(++now);
        if (adapter.lastReplyLength == 0) {
            throw new IllegalStateException("no reply");
        }
        return adapter.lastReplyLength;
    }

    private static byte[] echoRequest(int data) {
        byte[] p = new byte[20 + 8 + data];
        p[0] = 0x45;
        Bytes.put16(p, 2, p.length);
        p[8] = 64;
        p[9] = 1;
        Bytes.put32(p, 12, Ipv4Address.parse("10.0.0.1"));
        Bytes.put32(p, 16, Ipv4Address.parse("10.0.0.2"));
        Bytes.put16(p, 10, InternetChecksum.of(p, 0, 20));
        p[20] = 8;
        Bytes.put32(p, 24, (0x1234 << 16) | 1);
        for (int i = 28; i < p.length; i++) {
            p[i] = (byte) i;
        }
        Bytes.put16(p, 22, InternetChecksum.of(p, 20, p.length - 20));
        return p;
    }

    /** Hands the same request up once per arming; takes replies and keeps only their length. */
    static final class Reflector implements LanAdapter {
        private final byte[] request;
        private final LinkCounters counters = new LinkCounters();
        boolean armed;
        int lastReplyLength;

        Reflector(byte[] request) {
            this.request = request;
        }

        @Override
        public String name() {
            return "reflector";
        }

        @Override
        public Medium medium() {
            return Medium.IP;
        }

        @Override
        public int mtu() {
            return 1006;
        }

        @Override
        public boolean isLinkUp() {
            return true;
        }

        @Override
        public boolean canTransmit() {
            return true;
        }

        @Override
        public boolean transmit(byte[] frame, int off, int len) {
            lastReplyLength = len;
            return true;
        }

        @Override
        public int receive(byte[] into, int off, int maxLen) {
            if (!armed) {
                return -1;
            }
            armed = false;
            System.arraycopy(request, 0, into, off, request.length);
            return request.length;
        }

        @Override
        public long nextEventNanos() {
            return Clock.NEVER;
        }

        @Override
        public void setWakeup(Runnable wakeup) {
        }

        @Override
        public LinkCounters counters() {
            return counters;
        }

        @Override
        public void close() {
        }
    }
}
