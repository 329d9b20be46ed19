package io.slipway.arp;

import static io.slipway.arp.ArpFrames.OTHER_IP;
import static io.slipway.arp.ArpFrames.OUR_IP;
import static io.slipway.arp.ArpFrames.OUR_MAC;
import static io.slipway.arp.ArpFrames.PEER_IP;
import static io.slipway.arp.ArpFrames.PEER_MAC;
import static io.slipway.arp.ArpHarness.MS;
import static io.slipway.arp.ArpHarness.SECOND;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.slipway.base.Bytes;
import io.slipway.base.PacketBuffer;
import io.slipway.driver.EtherType;
import io.slipway.driver.EthernetHeader;
import io.slipway.driver.MacAddress;
import io.slipway.hal.mock.Hex;
import io.slipway.ip.Ipv4Address;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fuzz target for ARP's receive path. Under plain {@code mvn test} Jazzer replays the corpus in
 * {@code ArpFuzzTestInputs/shouldSurviveAnyMessage/}; with {@code JAZZER_FUZZ=1} it fuzzes.
 *
 * <p>The ARP under test has a small cache holding an entry in each state (REACHABLE 10.0.0.2,
 * INCOMPLETE 10.0.0.3 with packets waiting, STALE 10.0.0.4, FAILED 10.0.0.5), so that the bytes
 * can hit every branch of the merge rule. The input is delivered whole as one message, then in
 * 28-byte pieces, each followed by a packet sent to the piece's sender address and by time
 * moving on 50 ms times the last byte of the piece's target MAC address (a field ARP ignores).
 *
 * <p>Invariants, checked after every step: nothing throws; the cache and pool stay within
 * bounds; every entry is consistent with its state; every frame ARP sent is a well-formed
 * message from us to a sensible destination; and once time has run on, every entry has aged out
 * and every buffer is back in the pool.
 */
class ArpFuzzTest {
    private static final ArpConfig CONFIG = ArpConfig.DEFAULT.withCacheEntries(8).withQueues(2, 4);
    private static final int STALE_IP = Ipv4Address.parse("10.0.0.4");
    private static final int FAILED_IP = Ipv4Address.parse("10.0.0.5");

    @FuzzTest
    void shouldSurviveAnyMessage(byte[] input) {
        ArpHarness h = harness();
        deliver(h, input, 0, input.length);
        for (int at = 0; at + ArpPacket.LENGTH <= input.length; at += ArpPacket.LENGTH) {
            deliver(h, input, at, ArpPacket.LENGTH);
            h.send(Bytes.i32(input, at + ArpPacket.SENDER_IP), at, 60);
            checkOutput(h);
            h.advance((input[at + ArpPacket.TARGET_MAC + 5] & 0xFF) * 50 * MS);
            checkOutput(h);
        }

        h.advance(600 * SECOND);
        checkOutput(h);
        assertEquals(0, h.arp.size(), "entries left: " + h.arp.entries());
        assertEquals(0, h.arp.pool().inUse(), "wait-queue buffers leaked");
        assertEquals(0, h.timers.size(), "timers left");
    }

    @Test
    void shouldHaveASeedCorpusToReplay() {
        URL dir = ArpFuzzTest.class.getResource("ArpFuzzTestInputs/shouldSurviveAnyMessage");
        assertNotNull(dir, "no seed corpus next to " + ArpFuzzTest.class.getName());
        try (Stream<Path> files = Files.list(Paths.get(dir.toURI()))) {
            long seeds = files.filter(Files::isRegularFile).count();
            assertTrue(seeds >= 8, "seed files: " + seeds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An ARP with an entry in each state, at t = 31 s, nothing transmitted yet. */
    private static ArpHarness harness() {
        ArpHarness h = new ArpHarness(CONFIG);
        h.resolve(STALE_IP, MacAddress.parse("02:00:00:00:00:04"));
        h.advance(28 * SECOND);
        h.send(FAILED_IP, 5);
        h.advance(3 * SECOND);
        h.adapter.takeTransmitted();
        h.resolve(PEER_IP, PEER_MAC);
        h.send(OTHER_IP, 3);
        h.send(OTHER_IP, 4);
        h.adapter.takeTransmitted();
        assertEquals(NeighbourState.STALE, h.state(STALE_IP));
        assertEquals(NeighbourState.FAILED, h.state(FAILED_IP));
        assertEquals(NeighbourState.INCOMPLETE, h.state(OTHER_IP));
        return h;
    }

    private static void deliver(ArpHarness h, byte[] input, int offset, int length) {
        PacketBuffer b = PacketBuffer.standalone(length + 4, 2);
        b.append(input, offset, length);
        h.arp.onLinkPacket(EtherType.ARP, b, (length & 1) == 0, h.now());
        checkOutput(h);
    }

    private static void checkOutput(ArpHarness h) {
        assertTrue(h.arp.size() <= CONFIG.cacheEntries());
        assertTrue(h.arp.pool().inUse() <= CONFIG.queuedPackets());
        for (Neighbour n : h.arp.entries()) {
            assertTrue(n.address() != OUR_IP && n.address() != 0, n.toString());
            boolean known = n.state() == NeighbourState.REACHABLE || n.state() == NeighbourState.STALE
                    || n.state() == NeighbourState.PROBE;
            if (known) {
                assertTrue(n.mac() != MacAddress.NONE && !MacAddress.isGroup(n.mac()), n.toString());
            } else {
                assertEquals(MacAddress.NONE, n.mac(), n.toString());
            }
        }
        for (byte[] frame : h.adapter.takeTransmitted()) {
            long destination = MacAddress.read(frame, 0);
            assertEquals(OUR_MAC, MacAddress.read(frame, 6));
            assertTrue(destination != MacAddress.NONE, Hex.of(frame));
            if (Bytes.u16(frame, 12) == EtherType.IPV4) {
                // A neighbour's MAC, or, for a broadcast or multicast next hop, the mapped group.
                assertTrue(!MacAddress.isGroup(destination) || destination == MacAddress.BROADCAST
                        || (destination & ~0x7F_FFFFL) == 0x0100_5E00_0000L, Hex.of(frame));
                continue;
            }
            assertEquals(EtherType.ARP, Bytes.u16(frame, 12));
            assertEquals(EthernetHeader.LENGTH + ArpPacket.LENGTH, frame.length);
            ArpPacket m = new ArpPacket().wrap(Arrays.copyOfRange(frame, 14, 42), 0, ArpPacket.LENGTH);
            assertNull(m.check(), Hex.of(frame));
            assertEquals(OUR_MAC, m.senderMac());
            assertEquals(OUR_IP, m.senderIp());
            if (m.operation() == ArpPacket.REPLY) {
                assertEquals(destination, m.targetMac(), "a reply goes to the requester: " + Hex.of(frame));
                assertTrue(!MacAddress.isGroup(destination), Hex.of(frame));
            } else {
                assertEquals(MacAddress.NONE, m.targetMac());
            }
        }
    }
}
