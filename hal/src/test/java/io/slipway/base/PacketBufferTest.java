package io.slipway.base;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** PacketBuffer's window from its javadoc contract: every move checks its bound and a refused move changes nothing. */
class PacketBufferTest {
    @Test
    void shouldStartEmptyWithTheRequestedHeadroom() {
        PacketBuffer b = PacketBuffer.standalone(100, 40);
        assertEquals(100, b.capacity());
        assertEquals(100, b.data().length);
        assertEquals(40, b.offset());
        assertEquals(40, b.headroom());
        assertEquals(0, b.length());
        assertEquals(40, b.end());
        assertEquals(60, b.tailroom());
    }

    @Test
    void shouldRefuseHeadroomOutsideTheBuffer() {
        assertThrows(IllegalArgumentException.class, () -> PacketBuffer.standalone(100, 101));
        assertThrows(IllegalArgumentException.class, () -> PacketBuffer.standalone(100, -1));
        PacketBuffer b = PacketBuffer.standalone(100, 100);
        assertEquals(0, b.tailroom());
    }

    @Test
    void shouldPrependHeadersIntoTheHeadroom() {
        PacketBuffer b = PacketBuffer.standalone(64, 34);
        b.append(new byte[] {1, 2, 3}, 0, 3);
        assertEquals(14, b.prepend(20));
        assertEquals(23, b.length());
        assertEquals(0, b.prepend(14));
        assertEquals(0, b.headroom());
        assertEquals(37, b.length());
        assertEquals(37, b.end());
    }

    @Test
    void shouldRefusePrependBeyondHeadroomAndChangeNothing() {
        PacketBuffer b = PacketBuffer.standalone(64, 8);
        b.append(5);
        assertThrows(IllegalStateException.class, () -> b.prepend(9));
        assertThrows(IllegalStateException.class, () -> b.prepend(-1));
        assertEquals(8, b.offset());
        assertEquals(5, b.length());
    }

    @Test
    void shouldAppendIntoTheTailroom() {
        PacketBuffer b = PacketBuffer.standalone(16, 4);
        assertEquals(4, b.append(3));
        assertEquals(7, b.append(9));
        assertEquals(0, b.tailroom());
        assertEquals(12, b.length());
    }

    @Test
    void shouldCopyAppendedBytesToTheEnd() {
        PacketBuffer b = PacketBuffer.standalone(16, 2);
        b.append(new byte[] {9, 1, 2, 3, 9}, 1, 3);
        b.append(new byte[] {4}, 0, 1);
        assertArrayEquals(new byte[] {1, 2, 3, 4}, Arrays.copyOfRange(b.data(), b.offset(), b.end()));
    }

    @Test
    void shouldRefuseAppendBeyondTailroomAndChangeNothing() {
        PacketBuffer b = PacketBuffer.standalone(16, 4);
        b.append(10);
        assertThrows(IllegalStateException.class, () -> b.append(3));
        assertThrows(IllegalStateException.class, () -> b.append(-1));
        assertThrows(IllegalStateException.class, () -> b.append(new byte[3], 0, 3));
        assertEquals(4, b.offset());
        assertEquals(10, b.length());
    }

    @Test
    void shouldConsumeHeadersFromTheFront() {
        PacketBuffer b = PacketBuffer.standalone(64, 0);
        b.append(40);
        b.consume(20);
        assertEquals(20, b.offset());
        assertEquals(20, b.length());
        assertEquals(20, b.headroom());
        b.consume(20);
        assertEquals(0, b.length());
    }

    @Test
    void shouldRefuseToConsumeMoreThanThePacketAndChangeNothing() {
        PacketBuffer b = PacketBuffer.standalone(64, 2);
        b.append(10);
        assertThrows(IllegalStateException.class, () -> b.consume(11));
        assertThrows(IllegalStateException.class, () -> b.consume(-1));
        assertEquals(2, b.offset());
        assertEquals(10, b.length());
    }

    @Test
    void shouldTruncatePaddingAfterTheRealEnd() {
        PacketBuffer b = PacketBuffer.standalone(64, 14);
        b.append(46);
        b.truncate(28);
        assertEquals(28, b.length());
        assertEquals(14, b.offset());
        b.truncate(28);
        b.truncate(0);
        assertEquals(0, b.length());
    }

    @Test
    void shouldRefuseToTruncateToLongerOrNegativeAndChangeNothing() {
        PacketBuffer b = PacketBuffer.standalone(64, 14);
        b.append(20);
        assertThrows(IllegalStateException.class, () -> b.truncate(21));
        assertThrows(IllegalStateException.class, () -> b.truncate(-1));
        assertEquals(20, b.length());
    }

    @Test
    void shouldResetToEmptyWithNewHeadroom() {
        PacketBuffer b = PacketBuffer.standalone(64, 14);
        b.append(20);
        assertSame(b, b.reset(30));
        assertEquals(30, b.offset());
        assertEquals(0, b.length());
        assertThrows(IllegalArgumentException.class, () -> b.reset(65));
        assertThrows(IllegalArgumentException.class, () -> b.reset(-1));
        assertEquals(30, b.offset());
    }

    @Test
    void shouldSetTheWindowAfterADriverFilledTheArray() {
        PacketBuffer b = PacketBuffer.standalone(64, 0);
        b.set(10, 54);
        assertEquals(10, b.offset());
        assertEquals(54, b.length());
        assertEquals(0, b.tailroom());
        b.set(64, 0);
        assertEquals(0, b.length());
    }

    @Test
    void shouldRefuseAWindowOutsideTheArrayAndChangeNothing() {
        PacketBuffer b = PacketBuffer.standalone(64, 0);
        b.set(4, 8);
        assertThrows(IllegalArgumentException.class, () -> b.set(10, 55));
        assertThrows(IllegalArgumentException.class, () -> b.set(-1, 5));
        assertThrows(IllegalArgumentException.class, () -> b.set(0, -1));
        assertThrows(IllegalArgumentException.class, () -> b.set(65, 0));
        assertEquals(4, b.offset());
        assertEquals(8, b.length());
    }

    /** offset + length must not wrap past Integer.MAX_VALUE into a negative "end" that passes the check. */
    @Test
    void shouldRefuseAWindowWhoseEndOverflows() {
        PacketBuffer b = PacketBuffer.standalone(64, 0);
        assertThrows(IllegalArgumentException.class, () -> b.set(1, Integer.MAX_VALUE));
        assertThrows(IllegalArgumentException.class, () -> b.set(Integer.MAX_VALUE, Integer.MAX_VALUE));
        assertEquals(0, b.offset());
        assertEquals(0, b.length());
    }

    @Test
    void shouldTradeAnExchangeableBuffersArrayForOneOfTheSameLengthAndKeepTheWindow() {
        PacketBuffer b = PacketBuffer.exchangeable(34);
        b.append(100);
        byte[] mine = b.data();
        byte[] theirs = new byte[PacketBuffer.EXCHANGE_CAPACITY];

        assertSame(mine, b.exchange(theirs));
        assertSame(theirs, b.data());
        assertEquals(PacketBuffer.EXCHANGE_CAPACITY, b.capacity());
        assertEquals(34, b.offset());
        assertEquals(100, b.length());
    }

    @Test
    void shouldRefuseAnExchangeThatWouldChangeTheCapacityOrIsNotAllowed() {
        PacketBuffer b = PacketBuffer.exchangeable(0);
        byte[] mine = b.data();
        assertThrows(IllegalArgumentException.class, () -> b.exchange(new byte[PacketBuffer.EXCHANGE_CAPACITY - 1]));
        assertThrows(IllegalArgumentException.class, () -> b.exchange(mine));
        assertSame(mine, b.data());
        PacketBuffer fixed = PacketBuffer.standalone(PacketBuffer.EXCHANGE_CAPACITY, 0);
        assertThrows(IllegalStateException.class, () -> fixed.exchange(new byte[PacketBuffer.EXCHANGE_CAPACITY]));
        assertTrue(b.isExchangeable());
        assertFalse(fixed.isExchangeable());
    }
}
