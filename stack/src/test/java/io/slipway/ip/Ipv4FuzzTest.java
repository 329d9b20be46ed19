package io.slipway.ip;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.slipway.base.Bytes;
import io.slipway.base.Counters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fuzz targets for the IPv4 receive path: validation, local delivery, reassembly (with its
 * timers) and forwarding with fragmentation. Under plain {@code mvn test} Jazzer replays the seed
 * files in {@code Ipv4FuzzTestInputs/<method>/}; to fuzz one method (for {@code maxDuration},
 * by default 5 minutes) and save what fails there:
 *
 * <pre>
 * JAZZER_FUZZ=1 mvn -B -o -pl hal,stack test -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dtest='Ipv4FuzzTest#shouldSurviveAnySequenceOfPackets'
 * </pre>
 *
 * The invariants are {@link Ipv4FuzzHarness}'s; the seeds come from {@link Ipv4FuzzSeeds}, and
 * {@code fuzzed-*} files are findings kept as regression inputs.
 */
class Ipv4FuzzTest {
    /** Record kinds of {@link #shouldSurviveAnySequenceOfPackets}. */
    static final int RAW = 0;
    static final int FIX_CHECKSUM = 1;
    static final int TIME = 2;
    static final int FIX_LENGTH_AND_CHECKSUM = 3;

    /**
     * One packet, as received: on each interface of a host and of a router, then again with its
     * header checksum made right (the fuzzer would rarely find one by itself), then the time for
     * reassembly to give up.
     */
    @FuzzTest
    void shouldSurviveAnyPacket(byte[] packet) {
        byte[] fixed = packet.clone();
        fixChecksum(fixed, 0, fixed.length);
        for (boolean forwarding : new boolean[] {false, true}) {
            Ipv4FuzzHarness h = new Ipv4FuzzHarness(forwarding);
            h.receive(0, packet, 0, packet.length);
            h.receive(1, packet, 0, packet.length);
            h.receive(0, fixed, 0, fixed.length);
            h.finish();
        }
    }

    /**
     * A sequence of packets and pauses, so that fragments meet: byte 0 says whether the layer
     * forwards (bit 0); then records, each an op byte whose low two bits are the kind and bit 2
     * the interface:
     *
     * <ul>
     *   <li>{@link #RAW}, {@link #FIX_CHECKSUM}, {@link #FIX_LENGTH_AND_CHECKSUM}: a 16-bit length
     *       and that many bytes (as many as are left), received as they are, with the header
     *       checksum made right, or with the total length set to the record's and the checksum
     *       made right;
     *   <li>{@link #TIME}: one byte {@code n}; time moves on by {@code (n + 1) / 16} of the
     *       reassembly timeout.
     * </ul>
     *
     * At the end the reassembly timeout passes and nothing may be left.
     */
    @FuzzTest
    void shouldSurviveAnySequenceOfPackets(byte[] input) {
        runSequence(input);
    }

    /** Plays {@link #shouldSurviveAnySequenceOfPackets}'s input; returns the harness, or null for no input. */
    static Ipv4FuzzHarness runSequence(byte[] input) {
        if (input.length == 0) {
            return null;
        }
        Ipv4FuzzHarness h = new Ipv4FuzzHarness((input[0] & 1) != 0);
        int i = 1;
        while (i < input.length) {
            int op = input[i++] & 0xFF;
            int kind = op & 3;
            if (kind == TIME) {
                int n = i < input.length ? input[i++] & 0xFF : 0;
                h.advance((n + 1) * (Ipv4FuzzHarness.REASSEMBLY.timeoutNanos() / 16));
                continue;
            }
            if (i + 2 > input.length) {
                break;
            }
            int len = Math.min(Bytes.u16(input, i), input.length - i - 2);
            i += 2;
            byte[] packet = Arrays.copyOfRange(input, i, i + len);
            i += len;
            if (kind == FIX_LENGTH_AND_CHECKSUM && packet.length >= Ipv4Header.MIN_LENGTH
                    && packet.length <= Ipv4Header.MAX_TOTAL_LENGTH) {
                Bytes.put16(packet, Ipv4Header.TOTAL_LENGTH, packet.length);
            }
            if (kind != RAW) {
                fixChecksum(packet, 0, packet.length);
            }
            h.receive((op >>> 2) & 1, packet, 0, packet.length);
        }
        h.finish();
        return h;
    }

    @Test
    void shouldHaveASeedCorpusToReplay() {
        assertTrue(seeds("shouldSurviveAnyPacket").size() >= 10);
        assertTrue(seeds("shouldSurviveAnySequenceOfPackets").size() >= 10);
    }

    /** The seeds are only worth replaying if they take the fuzzer to every reassembly outcome. */
    @Test
    void shouldHaveSeedsThatReachEveryReassemblyOutcome() throws IOException {
        Counters<IpEvent> seen = new Counters<>(IpEvent.class);
        int delivered = 0;
        for (Path seed : seeds("shouldSurviveAnySequenceOfPackets")) {
            Ipv4FuzzHarness h = runSequence(Files.readAllBytes(seed));
            for (IpEvent e : IpEvent.values()) {
                seen.add(e, h.ip().events().get(e));
            }
            delivered += h.delivered();
        }
        for (IpEvent e : new IpEvent[] {IpEvent.REASSEMBLED, IpEvent.DUPLICATE_FRAGMENT,
            IpEvent.DROP_REASSEMBLY_OVERLAP, IpEvent.DROP_REASSEMBLY_DISCARDED, IpEvent.DROP_REASSEMBLY_TIMEOUT,
            IpEvent.DROP_REASSEMBLY_FULL, IpEvent.DROP_REASSEMBLY_TOO_BIG, IpEvent.DROP_REASSEMBLY_TOO_MANY_FRAGMENTS,
            IpEvent.FORWARDED, IpEvent.FRAGMENTS_OUT}) {
            assertTrue(seen.get(e) > 0, e + " never reached by the seeds: " + seen);
        }
        assertTrue(delivered > 0);
    }

    /** Makes the header checksum right, when the bytes hold a header length to compute it over. */
    static void fixChecksum(byte[] packet, int off, int len) {
        if (len < Ipv4Header.MIN_LENGTH) {
            return;
        }
        Ipv4Header h = new Ipv4Header().wrap(packet, off, len);
        if (h.headerLength() >= Ipv4Header.MIN_LENGTH && h.headerLength() <= len) {
            h.updateChecksum();
        }
    }

    private static List<Path> seeds(String method) {
        URL dir = Ipv4FuzzTest.class.getResource("Ipv4FuzzTestInputs/" + method);
        assertTrue(dir != null, "no seed corpus for " + method);
        try (Stream<Path> files = Files.list(Paths.get(dir.toURI()))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
