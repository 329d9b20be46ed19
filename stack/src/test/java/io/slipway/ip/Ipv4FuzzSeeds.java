package io.slipway.ip;

import static io.slipway.ip.Packets.FLAG_DF;
import static io.slipway.ip.Packets.FLAG_MF;
import static io.slipway.ip.Packets.NO_OPTIONS;
import static io.slipway.ip.Packets.OPTIONS;

import io.slipway.base.Bytes;
import io.slipway.hal.mock.Hex;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the seed corpus of {@link Ipv4FuzzTest}: valid packets and fragment sequences that take
 * the fuzzer straight to reassembly, its limits and timers, and forwarding with fragmentation.
 * Runs only when asked:
 *
 * <pre>
 * mvn -B -o -pl hal,stack test -Dtest=Ipv4FuzzSeeds -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dipv4.seeds.dir=$PWD/stack/src/test/resources/io/slipway/ip/Ipv4FuzzTestInputs
 * </pre>
 */
class Ipv4FuzzSeeds {
    private static final int PEER = Ipv4Address.parse("192.0.2.7");
    private static final int US = Ipv4FuzzHarness.SL0;
    private static final int FAR = Ipv4Address.parse("203.0.113.5");

    @Test
    @EnabledIfSystemProperty(named = "ipv4.seeds.dir", matches = ".+")
    void writeSeeds() throws IOException {
        Path dir = Path.of(System.getProperty("ipv4.seeds.dir"));
        write(dir.resolve("shouldSurviveAnyPacket"), packets());
        write(dir.resolve("shouldSurviveAnySequenceOfPackets"), sequences());
    }

    private static Map<String, byte[]> packets() {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        byte[] udp = Packets.data(13, 1);
        seeds.put("udp-to-us", udp(1, 0, PEER, US, NO_OPTIONS, udp));
        seeds.put("udp-with-options", udp(2, 0, PEER, US, OPTIONS, udp));
        seeds.put("udp-to-subnet-broadcast", udp(3, 0, PEER, Ipv4Address.parse("192.0.2.255"), NO_OPTIONS, udp));
        seeds.put("tcp-to-us-unknown-protocol", Packets.packet(4, 0, 64, IpProtocol.TCP, PEER, US, NO_OPTIONS,
                Packets.data(20, 2), 0, 20));
        seeds.put("linux-echo-request", linuxPing(PEER, US));
        seeds.put("linux-fragment-zero", linuxFragment(0, PEER, US));
        seeds.put("linux-last-fragment", linuxFragment(2, PEER, US));
        byte[] big = Packets.data(1_000, 3);
        seeds.put("forward-big-with-options", udp(5, 0, PEER, FAR, OPTIONS, big));
        seeds.put("forward-dont-fragment", udp(6, FLAG_DF, PEER, FAR, NO_OPTIONS, big));
        seeds.put("forward-ttl-1", Packets.packet(7, 0, 1, IpProtocol.UDP, PEER, FAR, NO_OPTIONS, udp, 0, 13));
        seeds.put("forward-middle-fragment", udp(8, FLAG_MF | 100, PEER, FAR, NO_OPTIONS, big));
        seeds.put("ping-of-death-fragment-to-us", udp(9, 8189, PEER, US, NO_OPTIONS, Packets.data(600, 4)));
        seeds.put("ping-of-death-fragment-to-forward", udp(10, 8189, PEER, FAR, NO_OPTIONS, Packets.data(600, 5)));
        byte[] bad = udp(11, 0, PEER, US, NO_OPTIONS, udp);
        bad[10] ^= 0x55;
        seeds.put("bad-checksum", bad);
        byte[] v6 = udp(12, 0, PEER, US, NO_OPTIONS, udp);
        v6[0] = 0x60;
        seeds.put("version-6", v6);
        byte[] shortIhl = udp(13, 0, PEER, US, NO_OPTIONS, udp);
        shortIhl[0] = 0x44;
        seeds.put("header-length-4-words", shortIhl);
        seeds.put("truncated-header", Arrays.copyOf(udp(14, 0, PEER, US, NO_OPTIONS, udp), 17));
        seeds.put("loopback-source", udp(15, 0, Ipv4Address.parse("127.0.0.1"), US, NO_OPTIONS, udp));
        seeds.put("multicast-destination", udp(16, 0, PEER, Ipv4Address.parse("224.0.0.1"), NO_OPTIONS, udp));
        return seeds;
    }

    private static Map<String, byte[]> sequences() {
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        byte[] f0 = linuxFragment(0, PEER, US);
        byte[] f1 = linuxFragment(1, PEER, US);
        byte[] f2 = linuxFragment(2, PEER, US);
        seeds.put("linux-echo-in-order", sequence(0, packet(0, f0), packet(0, f1), packet(0, f2)));
        seeds.put("linux-echo-reversed", sequence(0, packet(0, f2), packet(0, f1), packet(0, f0)));
        seeds.put("linux-echo-with-duplicate", sequence(0, packet(0, f1), packet(0, f0), packet(0, f1),
                packet(0, f2)));
        seeds.put("linux-echo-on-both-interfaces", sequence(0, packet(1, f1), packet(0, f0), packet(1, f2)));
        seeds.put("fragment-zero-then-timeout", sequence(0, packet(0, f0), time(7), time(7)));
        seeds.put("last-fragments-then-timeout", sequence(0, packet(0, f2), packet(0, f1), time(15)));

        byte[] data = Packets.data(64, 6);
        seeds.put("overlap-then-the-rest", sequence(0,
                packet(0, fragment(20, data, 0, 24, true, US)), packet(0, fragment(20, data, 16, 16, true, US)),
                packet(0, fragment(20, data, 24, 40, false, US)), time(15)));
        seeds.put("two-datagrams-interleaved", sequence(0,
                packet(0, fragment(21, data, 0, 32, true, US)), packet(0, fragment(22, data, 32, 32, false, US)),
                packet(0, fragment(21, data, 32, 32, false, US)), packet(0, fragment(22, data, 0, 32, true, US))));
        byte[][] nine = new byte[9][];
        for (int i = 0; i < 9; i++) {
            nine[i] = packet(0, fragment(23, Packets.data(72, 7), i * 8, 8, i < 8, US));
        }
        seeds.put("too-many-fragments", sequence(0, nine));
        byte[] large = Packets.data(1_480, 8);
        byte[][] budget = new byte[5][];
        for (int i = 0; i < budget.length; i++) {
            budget[i] = packet(0, fragment(30 + i, large, 0, 1_472, true, US));
        }
        seeds.put("byte-budget-and-slots-full", sequence(0, budget));
        seeds.put("too-big", sequence(0, packet(0, fragment(40, data, 0, 8, true, US)),
                packet(0, fragment(40, Packets.data(4_000, 9), 3_976, 24, false, US))));

        byte[] options = Packets.packet(50, 0, 64, IpProtocol.UDP, PEER, FAR, OPTIONS, Packets.data(1_400, 10), 0,
                1_400);
        seeds.put("router-fragments-with-options", sequence(1, packet(0, options)));
        byte[] middle = Packets.packet(51, FLAG_MF | 100, 64, IpProtocol.UDP, PEER, FAR, NO_OPTIONS,
                Packets.data(1_200, 11), 0, 1_200);
        seeds.put("router-fragments-a-fragment", sequence(1, packet(0, middle)));
        byte[] forUs = Packets.data(48, 12);
        seeds.put("router-reassembles-for-itself", sequence(1,
                packet(0, fragment(52, forUs, 24, 24, false, Ipv4FuzzHarness.SL1)),
                packet(0, fragment(52, forUs, 0, 24, true, Ipv4FuzzHarness.SL1))));
        seeds.put("raw-and-unfixed-kinds", sequence(0, record(Ipv4FuzzTest.RAW, 0, f0),
                record(Ipv4FuzzTest.FIX_CHECKSUM, 1, f1), time(0)));
        return seeds;
    }

    private static byte[] udp(int id, int flagsAndOffset, int source, int destination, byte[] options, byte[] data) {
        return Packets.packet(id, flagsAndOffset, 64, IpProtocol.UDP, source, destination, options, data, 0,
                data.length);
    }

    private static byte[] fragment(int id, byte[] data, int start, int len, boolean more, int destination) {
        return Packets.packet(id, (more ? FLAG_MF : 0) | start / 8, 64, IpProtocol.UDP, PEER, destination,
                NO_OPTIONS, data, start, len);
    }

    /**
     * The echo request Linux 6.18 sent for {@code ping -c 1 127.0.0.1} (tcpdump -x; its header is
     * Ipv4HeaderTest's), readdressed from {@code source} to {@code destination}.
     */
    private static byte[] linuxPing(int source, int destination) {
        byte[] head = Hex.bytes("0800 acef 2736 0001 009d 026b 0000 0000 5afe 0700 0000 0000");
        byte[] echo = Arrays.copyOf(head, 64);
        for (int i = head.length; i < echo.length; i++) {
            echo[i] = (byte) (0x10 + i - head.length);
        }
        return Packets.packet(0x1d44, FLAG_DF, 64, IpProtocol.ICMP, source, destination, NO_OPTIONS, echo, 0, 64);
    }

    /** Linux's fragment {@code i}, readdressed (loopback sources are dropped on arrival). */
    private static byte[] linuxFragment(int i, int source, int destination) {
        byte[] f = Packets.linuxFragment(i);
        Bytes.put32(f, Ipv4Header.SOURCE, source);
        Bytes.put32(f, Ipv4Header.DESTINATION, destination);
        Ipv4FuzzTest.fixChecksum(f, 0, f.length);
        return f;
    }

    private static byte[] packet(int iface, byte[] packet) {
        return record(Ipv4FuzzTest.FIX_LENGTH_AND_CHECKSUM, iface, packet);
    }

    private static byte[] record(int kind, int iface, byte[] packet) {
        byte[] r = new byte[3 + packet.length];
        r[0] = (byte) (kind | iface << 2);
        Bytes.put16(r, 1, packet.length);
        System.arraycopy(packet, 0, r, 3, packet.length);
        return r;
    }

    private static byte[] time(int n) {
        return new byte[] {(byte) Ipv4FuzzTest.TIME, (byte) n};
    }

    private static byte[] sequence(int flags, byte[]... records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(flags);
        for (byte[] r : records) {
            out.writeBytes(r);
        }
        return out.toByteArray();
    }

    private static void write(Path dir, Map<String, byte[]> seeds) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
            Files.write(dir.resolve(seed.getKey()), seed.getValue());
        }
    }
}
