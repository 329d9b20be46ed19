package io.slipway.ip;

import static io.slipway.ip.Packets.FLAG_DF;
import static io.slipway.ip.Packets.FLAG_MF;
import static io.slipway.ip.Packets.NO_OPTIONS;
import static io.slipway.ip.Packets.OPTIONS;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.Bytes;
import io.slipway.base.Counters;
import io.slipway.base.InternetChecksum;
import io.slipway.base.ManualClock;
import io.slipway.base.PacketBuffer;
import io.slipway.base.TimerQueue;
import io.slipway.hal.mock.Hex;
import io.slipway.testing.SteadyState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * IPv4 reassembly rules (RFC 791 §3.2, RFC 815, RFC 1122 §3.3.2, RFC 5722 §4), one per test, on a
 * manual clock: fragments go in as the IPv4 layer hands them over, and what comes out (a datagram,
 * a timeout report, counters) is checked exactly.
 */
class ReassemblerTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long TIMEOUT = 30 * SECOND;
    private static final int HEADROOM = Ipv4.HEADROOM;
    private static final int SOURCE = Ipv4Address.parse("192.0.2.7");
    private static final int DESTINATION = Ipv4Address.parse("192.0.2.1");
    private static final int TTL = 64;

    private final ManualClock clock = new ManualClock();
    private static final long STALL = 1_000_000_000L;
    private final TimerQueue timers = new TimerQueue(16);
    private final Counters<IpEvent> events = new Counters<>(IpEvent.class);
    private final List<Timeout> timeouts = new ArrayList<>();
    private final IpInterface sl0 = new IpInterface(0, new RecordingLink("sl0", 1500),
            Ipv4Prefix.parse("192.0.2.1/24", 24), Ipv4Address.ANY, null);
    private final IpInterface sl1 = new IpInterface(1, new RecordingLink("sl1", 1500),
            Ipv4Prefix.parse("198.51.100.1/24", 24), Ipv4Address.ANY, null);
    private Reassembler reassembler = reassembler(ReassemblyConfig.DEFAULT);

    /** What the timeout listener was told. */
    private record Timeout(byte[] quoted, IpInterface in, long nowNanos) {
    }

    // ---------------------------------------------------------------- order

    @Test
    void shouldReassembleFragmentsInOrder() {
        byte[] data = Packets.data(600, 1);
        assertNull(add(fragment(1, data, 0, 200, true)));
        assertNull(add(fragment(1, data, 200, 200, true)));
        PacketBuffer whole = add(fragment(1, data, 400, 200, false));

        assertDatagram(datagram(1, data, NO_OPTIONS), whole);
        assertEquals(0, reassembler.inProgress());
    }

    @Test
    void shouldReassembleFragmentsInReverseOrder() {
        byte[] data = Packets.data(600, 2);
        assertNull(add(fragment(2, data, 400, 200, false)));
        assertNull(add(fragment(2, data, 200, 200, true)));
        PacketBuffer whole = add(fragment(2, data, 0, 200, true));

        assertDatagram(datagram(2, data, NO_OPTIONS), whole);
    }

    @Test
    void shouldReassembleShuffledFragments() {
        Random random = new Random(791);
        for (int round = 0; round < 50; round++) {
            int id = 100 + round;
            byte[] data = Packets.data(8 * 64 + 5, round);
            List<byte[]> fragments = new ArrayList<>();
            for (int start = 0; start < data.length; start += 64) {
                int len = Math.min(64, data.length - start);
                fragments.add(fragment(id, data, start, len, start + len < data.length));
            }
            Collections.shuffle(fragments, random);
            for (int i = 0; i < fragments.size() - 1; i++) {
                assertNull(add(fragments.get(i)), "round " + round + ", fragment " + i);
            }
            PacketBuffer whole = add(fragments.get(fragments.size() - 1));

            assertDatagram(datagram(id, data, NO_OPTIONS), whole);
            reassembler.release(whole);
        }
        assertEquals(0, events.total(), events.toString());
    }

    @Test
    void shouldKeepInterleavedDatagramsApart() {
        byte[] a = Packets.data(24, 3);
        byte[] b = Packets.data(24, 4);
        assertNull(add(fragment(7, a, 0, 8, true)));
        assertNull(add(fragment(8, b, 16, 8, false)));
        assertNull(add(fragment(7, a, 8, 8, true)));
        assertNull(add(fragment(8, b, 0, 8, true)));
        assertEquals(2, reassembler.inProgress());

        PacketBuffer first = add(fragment(7, a, 16, 8, false));
        assertDatagram(datagram(7, a, NO_OPTIONS), first);
        reassembler.release(first);
        PacketBuffer second = add(fragment(8, b, 8, 8, true));
        assertDatagram(datagram(8, b, NO_OPTIONS), second);
    }

    @Test
    void shouldTellDatagramsApartBySourceDestinationProtocolAndIdentification() {
        byte[] data = Packets.data(16, 5);
        int other = Ipv4Address.parse("192.0.2.8");
        assertNull(add(fragment(9, data, 0, 8, true)));
        // Same identification, each time one other key field: four more datagrams, none complete.
        assertNull(add(Packets.packet(9, 1, TTL, IpProtocol.UDP, other, DESTINATION, NO_OPTIONS, data, 8, 8)));
        assertNull(add(Packets.packet(9, 1, TTL, IpProtocol.UDP, SOURCE, other, NO_OPTIONS, data, 8, 8)));
        assertNull(add(Packets.packet(9, 1, TTL, IpProtocol.TCP, SOURCE, DESTINATION, NO_OPTIONS, data, 8, 8)));
        assertEquals(4, reassembler.inProgress());

        assertNotNull(add(fragment(9, data, 8, 8, false)));
    }

    // ---------------------------------------------------------------- duplicates and overlaps

    @Test
    void shouldIgnoreAnExactDuplicate() {
        byte[] data = Packets.data(24, 6);
        assertNull(add(fragment(10, data, 0, 8, true)));
        assertNull(add(fragment(10, data, 8, 8, true)));
        assertNull(add(fragment(10, data, 8, 8, true)));
        assertNull(add(fragment(10, data, 0, 8, true)));

        assertEquals(2, events.get(IpEvent.DUPLICATE_FRAGMENT));
        assertEquals(1, reassembler.inProgress());
        assertDatagram(datagram(10, data, NO_OPTIONS), add(fragment(10, data, 16, 8, false)));
    }

    @Test
    void shouldDropTheWholeDatagramWhenFragmentsOverlap() {
        byte[] data = Packets.data(32, 7);
        assertNull(add(fragment(11, data, 0, 16, true)));
        assertNull(add(fragment(11, data, 8, 16, true)));

        assertEquals(1, events.get(IpEvent.DROP_REASSEMBLY_OVERLAP));
        assertEquals(0, reassembler.inProgress());
        assertEquals(1, reassembler.slotsInUse(), "the key is kept to discard the rest");
        assertEquals(0, reassembler.bytesHeld());
    }

    @Test
    void shouldDiscardTheLaterFragmentsOfAnOverlappingDatagramSilently() {
        byte[] data = Packets.data(32, 8);
        add(fragment(12, data, 0, 16, true));
        add(fragment(12, data, 16, 8, true));
        add(fragment(12, data, 8, 16, true)); // [8, 24) overlaps both

        // Fragments that would have completed it: discarded, nothing delivered.
        assertNull(add(fragment(12, data, 0, 16, true)));
        assertNull(add(fragment(12, data, 16, 8, true)));
        assertNull(add(fragment(12, data, 24, 8, false)));
        assertEquals(3, events.get(IpEvent.DROP_REASSEMBLY_DISCARDED));
        assertEquals(0, events.get(IpEvent.DUPLICATE_FRAGMENT));

        // The key lives until the first fragment's timer: no timeout count, no ICMP.
        advance(TIMEOUT);
        assertEquals(0, reassembler.slotsInUse());
        assertEquals(0, events.get(IpEvent.DROP_REASSEMBLY_TIMEOUT));
        assertTrue(timeouts.isEmpty(), "no time exceeded for a poisoned datagram");

        // After that the identification is free for a new datagram.
        add(fragment(12, data, 0, 16, true));
        assertDatagram(datagram(12, data, NO_OPTIONS), add(fragment(12, data, 16, 16, false)));
    }

    @Test
    void shouldTreatTheSameOffsetWithAnotherLengthAsOverlap() {
        byte[] data = Packets.data(32, 9);
        add(fragment(13, data, 0, 16, true));
        add(fragment(13, data, 0, 8, true));

        assertEquals(1, events.get(IpEvent.DROP_REASSEMBLY_OVERLAP));
        assertEquals(0, events.get(IpEvent.DUPLICATE_FRAGMENT));
    }

    @Test
    void shouldDropADatagramWhoseLastFragmentsDisagree() {
        byte[] data = Packets.data(40, 10);
        add(fragment(14, data, 16, 8, false)); // says 24 bytes
        add(fragment(14, data, 24, 16, false)); // says 40 bytes

        assertEquals(1, events.get(IpEvent.DROP_BAD_FRAGMENT));
        assertEquals(0, reassembler.inProgress());
        assertNull(add(fragment(14, data, 0, 16, true)));
        assertEquals(1, events.get(IpEvent.DROP_REASSEMBLY_DISCARDED));
    }

    @Test
    void shouldDropADatagramWithDataBeyondItsLastFragment() {
        byte[] data = Packets.data(40, 11);
        add(fragment(15, data, 24, 16, true));
        add(fragment(15, data, 8, 8, false)); // ends at 16, but data up to 40 is held

        assertEquals(1, events.get(IpEvent.DROP_BAD_FRAGMENT));
        assertEquals(0, reassembler.inProgress());
    }

    @Test
    void shouldDropAFragmentWhoseDataIsNotAMultipleOfEight() {
        byte[] data = Packets.data(24, 12);
        add(fragment(16, data, 0, 8, true));
        assertNull(add(fragment(16, data, 8, 12, true)));

        assertEquals(1, events.get(IpEvent.DROP_BAD_FRAGMENT));
        assertEquals(1, reassembler.inProgress(), "only that fragment goes");
        add(fragment(16, data, 8, 8, true));
        assertDatagram(datagram(16, data, NO_OPTIONS), add(fragment(16, data, 16, 8, false)));
    }

    @Test
    void shouldDropAFragmentWithoutData() {
        byte[] data = Packets.data(8, 13);
        assertNull(add(fragment(17, data, 8, 0, true)));

        assertEquals(1, events.get(IpEvent.DROP_BAD_FRAGMENT));
        assertEquals(0, reassembler.slotsInUse());
    }

    // ---------------------------------------------------------------- timeout

    @Test
    void shouldFreeTheSlotOnTimeoutWithoutReportWhenFragmentZeroIsMissing() {
        byte[] data = Packets.data(24, 14);
        add(fragment(18, data, 8, 8, true));
        add(fragment(18, data, 16, 8, false));

        advance(TIMEOUT - 1);
        assertEquals(1, reassembler.inProgress());
        advance(1);

        assertEquals(0, reassembler.slotsInUse());
        assertEquals(0, reassembler.bytesHeld());
        assertEquals(1, events.get(IpEvent.DROP_REASSEMBLY_TIMEOUT));
        assertTrue(timeouts.isEmpty(), "RFC 1122 §3.3.2: no time exceeded without fragment zero");
    }

    @Test
    void shouldReportATimeoutWithFragmentZerosHeaderAndEightDataBytes() {
        byte[] data = Packets.data(64, 15);
        byte[] zero = fragment(19, data, 0, 32, true, OPTIONS, TTL);
        add(fragment(19, data, 48, 16, false), sl1);
        add(zero, sl0);

        advance(TIMEOUT);

        assertEquals(1, timeouts.size());
        Timeout t = timeouts.get(0);
        // RFC 792: the internet header plus the first 64 bits of the datagram's data, as received.
        assertArrayEquals(Arrays.copyOf(zero, 32 + 8), t.quoted(), Hex.of(t.quoted()));
        assertSame(sl0, t.in(), "the interface fragment zero arrived on");
        assertEquals(TIMEOUT, t.nowNanos());
        assertEquals(1, events.get(IpEvent.DROP_REASSEMBLY_TIMEOUT));
        assertEquals(0, reassembler.slotsInUse());
    }

    @Test
    void shouldTimeFromTheFirstFragmentWithoutRestarting() {
        byte[] data = Packets.data(24, 16);
        add(fragment(20, data, 0, 8, true));
        advance(20 * SECOND);
        add(fragment(20, data, 8, 8, true));

        advance(10 * SECOND - 1);
        assertEquals(1, reassembler.inProgress());
        advance(1);
        assertEquals(0, reassembler.inProgress());
        assertEquals(1, timeouts.size());
    }

    @Test
    void shouldStopTheTimerOfACompletedDatagram() {
        byte[] data = Packets.data(16, 17);
        add(fragment(21, data, 0, 8, true));
        reassembler.release(add(fragment(21, data, 8, 8, false)));

        assertEquals(0, timers.size());
        advance(TIMEOUT);
        assertEquals(0, events.get(IpEvent.DROP_REASSEMBLY_TIMEOUT));
    }

    // ---------------------------------------------------------------- limits

    @Test
    void shouldDropANewDatagramWhenEverySlotIsTaken() {
        reassembler = reassembler(new ReassemblyConfig(2, 65_535, 64, 1 << 20, TIMEOUT));
        byte[] data = Packets.data(16, 18);
        add(fragment(30, data, 0, 8, true));
        add(fragment(31, data, 0, 8, true));

        assertNull(add(fragment(32, data, 0, 8, true)));
        assertEquals(1, events.get(IpEvent.DROP_REASSEMBLY_FULL));
        assertEquals(2, reassembler.slotsInUse());

        // The datagrams under way are not evicted: they complete.
        PacketBuffer done = add(fragment(30, data, 8, 8, false));
        assertDatagram(datagram(30, data, NO_OPTIONS), done);
        reassembler.release(done);
        // And the freed slot takes the next newcomer.
        assertNull(add(fragment(32, data, 0, 8, true)));
        assertDatagram(datagram(32, data, NO_OPTIONS), add(fragment(32, data, 8, 8, false)));
    }

    @Test
    void shouldLetADatagramThatHasStalledGiveItsSlotToANewcomer() {
        reassembler = reassembler(new ReassemblyConfig(2, 65_535, 64, 1 << 20, TIMEOUT, STALL));
        byte[] data = Packets.data(16, 20);
        add(fragment(40, data, 0, 8, true)); // will stall: its second half never comes
        clock.advance(STALL / 2);
        add(fragment(41, data, 0, 8, true)); // still arriving when the newcomer comes
        clock.advance(STALL / 2);

        assertNull(add(fragment(42, data, 0, 8, true)));

        assertEquals(1, events.get(IpEvent.DROP_REASSEMBLY_EVICTED), "datagram 40, stalled for STALL");
        assertEquals(0, events.get(IpEvent.DROP_REASSEMBLY_FULL));
        assertDatagram(datagram(41, data, NO_OPTIONS), add(fragment(41, data, 8, 8, false)));
        assertNull(add(fragment(40, data, 8, 8, false)), "40's second half starts over, alone");
    }

    @Test
    void shouldNeverEvictADatagramThatIsStillArriving() {
        reassembler = reassembler(new ReassemblyConfig(1, 65_535, 64, 1 << 20, TIMEOUT, STALL));
        byte[] data = Packets.data(24, 21);
        add(fragment(50, data, 0, 8, true));
        clock.advance(STALL - 1);
        add(fragment(50, data, 8, 8, true)); // progress: the stall clock starts again
        clock.advance(STALL - 1);

        assertNull(add(fragment(51, data, 0, 8, true)));

        assertEquals(1, events.get(IpEvent.DROP_REASSEMBLY_FULL));
        assertEquals(0, events.get(IpEvent.DROP_REASSEMBLY_EVICTED));
        assertDatagram(datagram(50, data, NO_OPTIONS), add(fragment(50, data, 16, 8, false)));
    }

    @Test
    void shouldDropAFragmentBeyondTheByteBudget() {
        // Fragment zero holds its 20-byte header and 40 data bytes: 60 of 100.
        reassembler = reassembler(new ReassemblyConfig(4, 65_535, 64, 100, TIMEOUT));
        byte[] data = Packets.data(120, 19);
        add(fragment(33, data, 0, 40, true));
        assertEquals(60, reassembler.bytesHeld());

        assertNull(add(fragment(33, data, 40, 48, true)));
        assertEquals(1, events.get(IpEvent.DROP_REASSEMBLY_FULL));
        assertNull(add(fragment(34, data, 0, 40, true)), "a new datagram does not fit either");
        assertEquals(2, events.get(IpEvent.DROP_REASSEMBLY_FULL));
        assertEquals(1, reassembler.slotsInUse());

        add(fragment(33, data, 40, 40, true));
        assertEquals(100, reassembler.bytesHeld());
        advance(TIMEOUT);
        assertEquals(0, reassembler.bytesHeld());
    }

    @Test
    void shouldDropADatagramLongerThanTheMaximum() {
        reassembler = reassembler(new ReassemblyConfig(4, 1_000, 64, 1 << 20, TIMEOUT));
        byte[] data = Packets.data(1_000, 20);
        // 20 + 976 + 8 = 1004 > 1000. Alone it takes no slot.
        assertNull(add(fragment(35, data, 976, 8, false)));
        assertEquals(1, events.get(IpEvent.DROP_REASSEMBLY_TOO_BIG));
        assertEquals(0, reassembler.slotsInUse());

        // 20 + 980 = 1000 fits exactly.
        add(fragment(36, data, 0, 976, true));
        assertDatagram(datagram(36, data, NO_OPTIONS, 980), add(fragment(36, data, 976, 4, false)));
    }

    @Test
    void shouldDropTheWholeDatagramWhenOneFragmentMakesItTooBig() {
        reassembler = reassembler(new ReassemblyConfig(4, 1_000, 64, 1 << 20, TIMEOUT));
        byte[] data = Packets.data(1_000, 21);
        add(fragment(37, data, 0, 8, true));
        assertNull(add(fragment(37, data, 976, 8, false)));

        assertEquals(1, events.get(IpEvent.DROP_REASSEMBLY_TOO_BIG));
        assertEquals(0, reassembler.inProgress());
        assertNull(add(fragment(37, data, 8, 8, true)));
        assertEquals(1, events.get(IpEvent.DROP_REASSEMBLY_DISCARDED));
    }

    @Test
    void shouldCountFragmentZerosOptionsAgainstTheMaximum() {
        reassembler = reassembler(new ReassemblyConfig(4, 1_000, 64, 1 << 20, TIMEOUT));
        byte[] data = Packets.data(1_000, 22);
        add(fragment(38, data, 976, 4, false)); // 20 + 980: fits with a plain header
        add(fragment(38, data, 0, 8, true, OPTIONS, TTL)); // 32 + 980 does not

        assertEquals(1, events.get(IpEvent.DROP_REASSEMBLY_TOO_BIG));
        assertEquals(0, reassembler.inProgress());
    }

    @Test
    void shouldSurviveAFragmentReachingBeyond65535Bytes() {
        // The "ping of death": offset 65 528 plus 100 bytes.
        byte[] data = Packets.data(100, 23);
        byte[] p = Packets.packet(39, 8191, TTL, IpProtocol.ICMP, SOURCE, DESTINATION, NO_OPTIONS, data, 0, 100);

        assertNull(add(p));
        assertEquals(1, events.get(IpEvent.DROP_REASSEMBLY_TOO_BIG));
    }

    @Test
    void shouldDropADatagramInTooManyFragments() {
        reassembler = reassembler(new ReassemblyConfig(4, 65_535, 3, 1 << 20, TIMEOUT));
        byte[] data = Packets.data(32, 24);
        add(fragment(40, data, 0, 8, true));
        add(fragment(40, data, 8, 8, true));
        add(fragment(40, data, 16, 8, true));
        assertNull(add(fragment(40, data, 24, 8, false)));

        assertEquals(1, events.get(IpEvent.DROP_REASSEMBLY_TOO_MANY_FRAGMENTS));
        assertEquals(0, reassembler.inProgress());
        assertEquals(0, reassembler.bytesHeld());
    }

    // ---------------------------------------------------------------- the completed datagram

    @Test
    void shouldBuildTheHeaderFromFragmentZero() {
        byte[] data = Packets.data(96, 25);
        // Fragment zero has the options, Don't Fragment clear, TTL 9; the others TTL 64.
        add(fragment(41, data, 48, 48, false));
        add(Packets.packet(41, FLAG_MF, 9, IpProtocol.UDP, SOURCE, DESTINATION, OPTIONS, data, 0, 24));
        PacketBuffer whole = add(fragment(41, data, 24, 24, true, Packets.COPIED_OPTIONS, TTL));

        byte[] got = bytes(whole);
        Ipv4Header h = Packets.header(got);
        assertEquals(32, h.headerLength());
        assertEquals(32 + 96, h.totalLength());
        assertEquals(9, h.ttl());
        assertFalse(h.moreFragments());
        assertEquals(0, h.fragmentOffset());
        assertFalse(h.isFragment());
        assertTrue(Packets.checksumOk(got, 0), Hex.of(got));
        assertArrayEquals(OPTIONS, Arrays.copyOfRange(got, 20, 32));
        assertArrayEquals(data, Arrays.copyOfRange(got, 32, got.length));
        assertTrue(whole.headroom() >= HEADROOM, "headroom " + whole.headroom());
    }

    @Test
    void shouldKeepDontFragmentAndClearTheRest() {
        byte[] data = Packets.data(16, 26);
        add(Packets.packet(42, FLAG_DF | FLAG_MF, TTL, IpProtocol.UDP, SOURCE, DESTINATION, NO_OPTIONS, data, 0, 8));
        PacketBuffer whole = add(Packets.packet(42, FLAG_DF | 1, TTL, IpProtocol.UDP, SOURCE, DESTINATION, NO_OPTIONS,
                data, 8, 8));

        Ipv4Header h = Packets.header(bytes(whole));
        assertEquals(FLAG_DF, h.flagsAndOffset());
        assertTrue(Packets.checksumOk(bytes(whole), 0));
    }

    @Test
    void shouldReassembleTheFragmentsLinuxSent() {
        // Packets.linuxFragment: what Linux sent for a 1228-byte echo request over an MTU of 576.
        byte[] first = Packets.linuxFragment(0);
        byte[] second = Packets.linuxFragment(1);
        byte[] third = Packets.linuxFragment(2);
        assertNull(add(second));
        assertNull(add(third));
        byte[] got = bytes(add(first));

        assertEquals(1228, got.length);
        assertArrayEquals(Hex.bytes("4500 04cc a21f 0000 4001"), Arrays.copyOf(got, 10));
        assertTrue(Packets.checksumOk(got, 0), Hex.of(got));
        // Linux's ICMP checksum covers all 1208 bytes: it verifies only if every byte is in place.
        assertEquals(0, InternetChecksum.of(got, 20, 1208));
    }

    // ---------------------------------------------------------------- release and memory

    @Test
    void shouldReuseTheSlotOnceReleased() {
        reassembler = reassembler(new ReassemblyConfig(1, 65_535, 64, 1 << 20, TIMEOUT));
        byte[] data = Packets.data(16, 27);
        add(fragment(43, data, 0, 8, true));
        PacketBuffer whole = add(fragment(43, data, 8, 8, false));

        assertNull(add(fragment(44, data, 0, 8, true)), "the slot is lent until released");
        assertEquals(1, events.get(IpEvent.DROP_REASSEMBLY_FULL));
        reassembler.release(whole);
        assertEquals(0, reassembler.slotsInUse());
        assertEquals(0, reassembler.bytesHeld());

        add(fragment(44, data, 0, 8, true));
        assertDatagram(datagram(44, data, NO_OPTIONS), add(fragment(44, data, 8, 8, false)));
    }

    @Test
    void shouldRefuseToReleaseABufferTwiceOrOneItDidNotReturn() {
        byte[] data = Packets.data(16, 28);
        add(fragment(45, data, 0, 8, true));
        PacketBuffer whole = add(fragment(45, data, 8, 8, false));
        reassembler.release(whole);

        assertThrows(IllegalArgumentException.class, () -> reassembler.release(whole));
        assertThrows(IllegalArgumentException.class,
                () -> reassembler.release(PacketBuffer.standalone(64, 0)));
    }

    @Test
    void shouldReassembleWithoutAllocating() {
        ZeroAllocationRun run = new ZeroAllocationRun();
        int datagrams = 10_000; // per round, of 3 fragments each

        SteadyState.assertAllocatesNothing("reassembling datagrams of 3 fragments", datagrams,
                () -> run.reassemble(datagrams));

        // every datagram of every round, warm-up and measured, completed
        assertEquals((long) datagrams * run.rounds, run.completed);
        assertEquals(0, reassembler.slotsInUse());
    }

    /** Three fragments built once; each datagram rewrites their identification in place. */
    private final class ZeroAllocationRun {
        final byte[] data = Packets.data(1_200, 29);
        final PacketBuffer[] fragments = {
            Packets.buffer(fragment(0, data, 400, 400, true)),
            Packets.buffer(fragment(0, data, 0, 400, true, OPTIONS, TTL)),
            Packets.buffer(fragment(0, data, 800, 400, false)),
        };
        final Ipv4Header[] headers = {new Ipv4Header(), new Ipv4Header(), new Ipv4Header()};
        int rounds;
        long completed;
        int identification;

        void reassemble(int datagrams) {
            rounds++;
            for (int d = 0; d < datagrams; d++) {
                identification = (identification + 1) & 0xFFFF;
                PacketBuffer whole = null;
                for (int i = 0; i < fragments.length; i++) {
                    PacketBuffer f = fragments[i];
                    Ipv4Header h = headers[i].wrap(f.data(), f.offset(), f.length());
                    Bytes.put16(f.data(), f.offset() + Ipv4Header.IDENTIFICATION, identification);
                    h.updateChecksum();
                    whole = reassembler.add(h, f, sl0, clock.nanos());
                }
                if (whole != null && whole.length() == 32 + data.length) {
                    completed++;
                    reassembler.release(whole);
                }
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private Reassembler reassembler(ReassemblyConfig config) {
        return new Reassembler(config, HEADROOM, timers, events,
                (data, offset, length, in, now) -> timeouts.add(
                        new Timeout(Arrays.copyOfRange(data, offset, offset + length), in, now)));
    }

    /** Fragment of datagram {@code id} carrying {@code data[start, start + len)}, plain header. */
    private static byte[] fragment(int id, byte[] data, int start, int len, boolean more) {
        return fragment(id, data, start, len, more, NO_OPTIONS, TTL);
    }

    private static byte[] fragment(int id, byte[] data, int start, int len, boolean more, byte[] options, int ttl) {
        int flags = (more ? FLAG_MF : 0) | (start / 8);
        return Packets.packet(id, flags, ttl, IpProtocol.UDP, SOURCE, DESTINATION, options, data, start, len);
    }

    /** The datagram as it was before fragmentation: what reassembly must give back, byte for byte. */
    private static byte[] datagram(int id, byte[] data, byte[] options) {
        return datagram(id, data, options, data.length);
    }

    private static byte[] datagram(int id, byte[] data, byte[] options, int length) {
        return Packets.packet(id, 0, TTL, IpProtocol.UDP, SOURCE, DESTINATION, options, data, 0, length);
    }

    private PacketBuffer add(byte[] fragment) {
        return add(fragment, sl0);
    }

    private PacketBuffer add(byte[] fragment, IpInterface in) {
        PacketBuffer b = Packets.buffer(fragment);
        Ipv4Header h = new Ipv4Header().wrap(b.data(), b.offset(), b.length());
        assertNull(h.check(), "test fragments are well-formed");
        return reassembler.add(h, b, in, clock.nanos());
    }

    private void advance(long nanos) {
        clock.advance(nanos);
        timers.runDue(clock.nanos());
    }

    private static byte[] bytes(PacketBuffer b) {
        return Arrays.copyOfRange(b.data(), b.offset(), b.end());
    }

    private static void assertDatagram(byte[] expected, PacketBuffer got) {
        assertNotNull(got, "no datagram completed");
        assertArrayEquals(expected, bytes(got), () -> "expected " + Hex.of(expected) + "\n got " + Hex.of(bytes(got)));
    }
}
