package io.slipway.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 9110 §14.1.2 and §14.2, over a representation of 10000 bytes unless said otherwise. */
class ByteRangeTest {
    private static final long LENGTH = 10_000;

    private static ByteRange.Kind kind(String value, long length) {
        return ByteRange.parse(value, length).kind();
    }

    @Test
    void shouldServeTheFirst500Bytes() {
        // RFC 9110 §14.1.2 example: bytes=0-499.
        ByteRange r = ByteRange.parse("bytes=0-499", LENGTH);
        assertEquals(ByteRange.Kind.SATISFIABLE, r.kind());
        assertEquals(0, r.first());
        assertEquals(499, r.last());
        assertEquals(500, r.length());
        assertEquals("bytes 0-499/10000", r.contentRange(LENGTH));
    }

    @Test
    void shouldServeAMiddleRange() {
        ByteRange r = ByteRange.parse("bytes=500-999", LENGTH);
        assertEquals("bytes 500-999/10000", r.contentRange(LENGTH));
    }

    @Test
    void shouldServeASuffixRange() {
        // RFC 9110 §14.1.2: bytes=-500 is the final 500 bytes.
        ByteRange r = ByteRange.parse("bytes=-500", LENGTH);
        assertEquals(9500, r.first());
        assertEquals(9999, r.last());
    }

    @Test
    void shouldServeAnOpenRange() {
        // RFC 9110 §14.1.2: bytes=9500- is from 9500 to the end.
        ByteRange r = ByteRange.parse("bytes=9500-", LENGTH);
        assertEquals(9500, r.first());
        assertEquals(9999, r.last());
    }

    @Test
    void shouldServeTheLastByte() {
        ByteRange r = ByteRange.parse("bytes=9999-9999", LENGTH);
        assertEquals(1, r.length());
        assertEquals("bytes 9999-9999/10000", r.contentRange(LENGTH));
    }

    @Test
    void shouldClampALastPositionPastTheEnd() {
        // RFC 9110 §14.1.2: a last-pos at or past the length means the end.
        ByteRange r = ByteRange.parse("bytes=9000-20000", LENGTH);
        assertEquals(9999, r.last());
    }

    @Test
    void shouldServeEverythingForASuffixLargerThanTheLength() {
        // RFC 9110 §14.1.2: a suffix longer than the representation selects all of it.
        ByteRange r = ByteRange.parse("bytes=-20000", LENGTH);
        assertEquals(0, r.first());
        assertEquals(9999, r.last());
    }

    @Test
    void shouldClampAPositionTooLargeForALong() {
        ByteRange r = ByteRange.parse("bytes=0-99999999999999999999999", LENGTH);
        assertEquals(9999, r.last());
        assertEquals(0, ByteRange.parse("bytes=-99999999999999999999999", LENGTH).first());
    }

    @Test
    void shouldReadTheUnitCaseInsensitively() {
        // RFC 9110 §14.1: range units are case-insensitive.
        assertEquals(ByteRange.Kind.SATISFIABLE, kind("Bytes=0-1", LENGTH));
        assertEquals(ByteRange.Kind.SATISFIABLE, kind("BYTES=0-1", LENGTH));
    }

    @Test
    void shouldAllowWhitespaceAroundTheRangeSpec() {
        // RFC 9110 §5.6.1: OWS around list elements; empty elements ignored.
        assertEquals(ByteRange.Kind.SATISFIABLE, kind("bytes= 0-1 ,", LENGTH));
    }

    @Test
    void shouldRefuseAFirstPositionAtTheLength() {
        // RFC 9110 §14.1.3: satisfiable only if first-pos is less than the length.
        ByteRange r = ByteRange.parse("bytes=10000-", LENGTH);
        assertEquals(ByteRange.Kind.UNSATISFIABLE, r.kind());
        assertEquals("bytes */10000", r.contentRange(LENGTH));
    }

    @Test
    void shouldRefuseAFirstPositionPastTheLength() {
        assertEquals(ByteRange.Kind.UNSATISFIABLE, kind("bytes=20000-30000", LENGTH));
        assertEquals(ByteRange.Kind.UNSATISFIABLE, kind("bytes=99999999999999999999999-", LENGTH));
    }

    @Test
    void shouldRefuseAFirstPositionAfterTheLast() {
        // RFC 9110 §14.1.2: such an int-range is invalid; §14.2 lets a server reject it.
        assertEquals(ByteRange.Kind.UNSATISFIABLE, kind("bytes=500-400", LENGTH));
    }

    @Test
    void shouldRefuseASuffixOfZeroBytes() {
        // RFC 9110 §14.1.3: only a suffix-range with a non-zero suffix-length is satisfiable.
        assertEquals(ByteRange.Kind.UNSATISFIABLE, kind("bytes=-0", LENGTH));
    }

    @Test
    void shouldRefuseAnyIntRangeOfAZeroLengthRepresentation() {
        ByteRange r = ByteRange.parse("bytes=0-", 0);
        assertEquals(ByteRange.Kind.UNSATISFIABLE, r.kind());
        assertEquals("bytes */0", r.contentRange(0));
    }

    @Test
    void shouldServeAZeroLengthRepresentationWholeForASuffixRange() {
        // Satisfiable by §14.1.3, but a 206 cannot carry an empty range: 200 with the empty whole.
        assertEquals(ByteRange.Kind.NONE, kind("bytes=-5", 0));
    }

    @Test
    void shouldIgnoreANullHeader() {
        assertEquals(ByteRange.Kind.NONE, kind(null, LENGTH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"items=0-1", "bytes 0-1", "bytes =0-1", "=0-1", "0-499", "none"})
    void shouldIgnoreAnotherUnitOrNoUnit(String value) {
        // RFC 9110 §14.2: a server MUST ignore a range unit it does not understand.
        assertEquals(ByteRange.Kind.NONE, kind(value, LENGTH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=0-1,5-6", "bytes=0-1, -5", "bytes=0-0,0-0"})
    void shouldIgnoreSeveralRanges(String value) {
        // RFC 9110 §14.2: a server MAY ignore Range; this one sends no multipart/byteranges.
        assertEquals(ByteRange.Kind.NONE, kind(value, LENGTH));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=", "bytes=,", "bytes=abc", "bytes=1", "bytes=-", "bytes=a-b", "bytes=1-b",
        "bytes=--1", "bytes=1--2", "bytes=+1-2", "bytes=0x1-2", "bytes=1 - 2"})
    void shouldIgnoreASyntaxThatIsNotARangeSet(String value) {
        // RFC 9110 §14.2: a server MAY ignore an invalid ranges-specifier.
        assertEquals(ByteRange.Kind.NONE, kind(value, LENGTH));
    }

    @Test
    void shouldHaveNoContentRangeWhenIgnored() {
        assertThrows(IllegalStateException.class, () -> ByteRange.parse(null, LENGTH).contentRange(LENGTH));
    }

    @Test
    void shouldRefuseANegativeLength() {
        assertThrows(IllegalArgumentException.class, () -> ByteRange.parse("bytes=0-1", -1));
    }

    @ParameterizedTest
    @CsvSource({"bytes=0-0,1,0,0", "bytes=-1,1,0,0", "bytes=0-,1,0,0", "bytes=-1,2,1,1"})
    void shouldServeTinyRepresentations(String value, long length, long first, long last) {
        ByteRange r = ByteRange.parse(value, length);
        assertEquals(first, r.first());
        assertEquals(last, r.last());
    }
}
