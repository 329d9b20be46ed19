package io.slipway.bench;

import io.slipway.base.Bytes;
import io.slipway.base.InternetChecksum;
import io.slipway.hal.Medium;
import io.slipway.hal.mock.ReplayAdapter;
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
 * adapter is a {@link ReplayAdapter} in memory (no framing, no cable), handing up the same request
 * once per operation and keeping the reply, so this measures the stack itself.
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
    private ReplayAdapter adapter;
    private int requestLength;
    private long now;

    @Setup
    public void setUp() {
        byte[] request = echoRequest(payload);
        requestLength = request.length;
        adapter = new ReplayAdapter("reflector", Medium.IP, 1006);
        adapter.replay(request, requestLength, 0); // written once; each operation replays it
        stack = new Stack("bench", StackConfig.DEFAULT, 1);
        stack.addInterface(adapter, InterfaceConfig.pointToPoint(Ipv4Prefix.parse("10.0.0.2/24", 24),
                Ipv4Address.parse("10.0.0.1")));
        stack.poll(0);
    }

    /** One echo request in, one reply out; returns the reply's length so nothing is dead code. */
    @Benchmark
    public int echo() {
        adapter.replay(requestLength, 1);
        stack.poll(++now);
        if (adapter.lastTransmittedLength() == 0) {
            throw new IllegalStateException("no reply");
        }
        return adapter.lastTransmittedLength();
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
}
