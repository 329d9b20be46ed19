package io.slipway.app.http;

import static io.slipway.app.http.Wire.bytes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The chunked coding, RFC 9112 §7.1, decoded incrementally. */
class ChunkedDecoderTest {
    private static final HttpLimits LIMITS = HttpLimits.DEFAULT;

    /** Decodes {@code body} fed {@code step} bytes at a time; the data, or "FAILED: reason". */
    private static String decode(HttpLimits limits, String body, int step) {
        ChunkedDecoder d = new ChunkedDecoder(limits);
        byte[] b = bytes(body);
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < b.length && d.state() != ChunkedDecoder.State.DONE && d.state() != ChunkedDecoder.State.FAILED) {
            int end = (int) Math.min(b.length, (long) pos + step);
            if (d.state() == ChunkedDecoder.State.DATA) {
                int n = (int) Math.min(end - pos, d.dataRemaining());
                data.write(b, pos, n);
                d.dataTaken(n);
                pos += n;
            } else {
                pos += d.feed(b, pos, end - pos);
            }
        }
        return switch (d.state()) {
            case DONE -> Wire.text(data.toByteArray()) + (pos == b.length ? "" : "|rest " + (b.length - pos));
            case FAILED -> "FAILED: " + d.failureReason();
            default -> "INCOMPLETE";
        };
    }

    private static String decode(String body) {
        return decode(LIMITS, body, Integer.MAX_VALUE);
    }

    private static boolean fails(String body) {
        return decode(body).startsWith("FAILED");
    }

    @Test
    void shouldDecodeChunks() {
        assertEquals("hello world", decode("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"));
    }

    @Test
    void shouldDecodeTheSameFedByteByByte() {
        String body = "5;a=b\r\nhello\r\n6\r\n world\r\n0\r\nX: y\r\n\r\n";
        assertEquals(decode(body), decode(LIMITS, body, 1));
        assertEquals(decode(body), decode(LIMITS, body, 3));
    }

    @Test
    void shouldDecodeAnEmptyBody() {
        assertEquals("", decode("0\r\n\r\n"));
    }

    @Test
    void shouldStopRightAfterTheFinalCrlf() {
        // What follows is the next message on the connection.
        assertEquals("abc|rest 3", decode("3\r\nabc\r\n0\r\n\r\nGET"));
    }

    @Test
    void shouldReadHexSizesInEitherCaseWithLeadingZeros() {
        // RFC 9112 §7.1: chunk-size = 1*HEXDIG; HEXDIG is case-insensitive (RFC 5234).
        assertEquals("x".repeat(26) + "y".repeat(26), decode("1a\r\n" + "x".repeat(26) + "\r\n001A\r\n"
                + "y".repeat(26) + "\r\n000\r\n\r\n"));
    }

    @Test
    void shouldIgnoreChunkExtensions() {
        // RFC 9112 §7.1.1: a recipient MUST ignore unrecognized chunk extensions.
        assertEquals("hello", decode("5 ; name=value;flag ;q=\"quoted; \\\"x\\\"\"\r\nhello\r\n0;last\r\n\r\n"));
    }

    @Test
    void shouldReadAndDiscardTrailers() {
        // RFC 9112 §7.1.2: the trailer section is field lines after the last chunk.
        assertEquals("abc", decode("3\r\nabc\r\n0\r\nExpires: Sun, 06 Nov 1994 08:49:37 GMT\r\nX-Checksum: 1\r\n\r\n"));
    }

    @Test
    void shouldCountTheSumOfChunkSizes() {
        ChunkedDecoder d = new ChunkedDecoder(LIMITS);
        byte[] b = bytes("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n");
        assertEquals(b.length, d.discard(b, 0, b.length));
        assertEquals(ChunkedDecoder.State.DONE, d.state());
        assertEquals(11, d.dataBytes());
    }

    @Test
    void shouldDiscardABodySplitAnywhere() {
        byte[] b = bytes("5\r\nhello\r\n6\r\n world\r\n0\r\nT: 1\r\n\r\nnext");
        for (int split = 0; split <= b.length; split++) {
            ChunkedDecoder d = new ChunkedDecoder(LIMITS);
            int n = d.discard(b, 0, split);
            n += d.discard(b, n, b.length - n);
            assertEquals(b.length - 4, n, "split at " + split);
        }
    }

    @Test
    void shouldStopFeedingWhereDataBegins() {
        ChunkedDecoder d = new ChunkedDecoder(LIMITS);
        byte[] b = bytes("5\r\nhello");
        assertEquals(3, d.feed(b, 0, b.length));
        assertEquals(ChunkedDecoder.State.DATA, d.state());
        assertEquals(5, d.dataRemaining());
        assertEquals(0, d.feed(b, 3, 5));
    }

    @Test
    void shouldRejectTakingMoreDataThanTheChunkHas() {
        ChunkedDecoder d = new ChunkedDecoder(LIMITS);
        byte[] b = bytes("5\r\n");
        d.feed(b, 0, b.length);
        assertThrows(IllegalArgumentException.class, () -> d.dataTaken(6));
    }

    @Test
    void shouldRejectTakingDataOutsideTheData() {
        assertThrows(IllegalStateException.class, () -> new ChunkedDecoder(LIMITS).dataTaken(1));
    }

    @Test
    void shouldStartOverAfterReset() {
        ChunkedDecoder d = new ChunkedDecoder(LIMITS);
        byte[] bad = bytes("x");
        d.feed(bad, 0, 1);
        d.reset();
        byte[] b = bytes("0\r\n\r\n");
        d.feed(b, 0, b.length);
        assertEquals(ChunkedDecoder.State.DONE, d.state());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "x\r\n", "-5\r\n", "+5\r\n", " 5\r\n", "0x5\r\n", ";ext\r\n"})
    void shouldRejectAChunkSizeThatIsNotHex(String start) {
        assertTrue(fails(start + "hello\r\n0\r\n\r\n"));
    }

    @Test
    void shouldRejectWhitespaceAfterTheSizeWithoutAnExtension() {
        // RFC 9112 §7.1.1: BWS only precedes the ";" of a chunk-ext.
        assertTrue(fails("5 \r\nhello\r\n0\r\n\r\n"));
    }

    @Test
    void shouldRejectABareLfAfterTheSize() {
        // The head's bare-LF lenience (RFC 9112 §2.2) is not extended to chunk framing (§11.2, smuggling).
        assertTrue(fails("5\nhello\r\n0\r\n\r\n"));
    }

    @Test
    void shouldRejectABareLfInAnExtension() {
        assertTrue(fails("5;a\nb\r\nhello\r\n0\r\n\r\n"));
    }

    @Test
    void shouldRejectDataNotFollowedByCrlf() {
        // RFC 9112 §7.1: chunk = chunk-size [ chunk-ext ] CRLF chunk-data CRLF.
        assertTrue(fails("5\r\nhello!\r\n0\r\n\r\n"));
    }

    @Test
    void shouldRejectDataFollowedByABareLf() {
        assertTrue(fails("5\r\nhello\n0\r\n\r\n"));
    }

    @Test
    void shouldRejectAControlOctetInAnExtension() {
        assertTrue(fails("5;a=\u0000\r\nhello\r\n0\r\n\r\n"));
    }

    @Test
    void shouldRejectAControlOctetInATrailer() {
        assertTrue(fails("0\r\nX: \u0001\r\n\r\n"));
    }

    @Test
    void shouldNotEndBeforeTheFinalCrlf() {
        // RFC 9112 §7.1: chunked-body = *chunk last-chunk trailer-section CRLF.
        assertEquals("INCOMPLETE", decode("0\r\nX: 1\r\n"));
    }

    @Test
    void shouldRejectABareLfAsTheFinalLine() {
        assertTrue(fails("0\r\n\n"));
    }

    @Test
    void shouldRejectAChunkSizeThatOverflowsALong() {
        // Checked digit by digit, so no size wraps around to a small or negative one.
        assertTrue(fails("10000000000000000\r\n"));
        assertTrue(fails("FFFFFFFFFFFFFFFFFFFFFFFF\r\n"));
    }

    @Test
    void shouldAcceptChunksAddingUpToExactlyTheBodyLimit() {
        HttpLimits limits = new HttpLimits(100, 100, 10, 10, 16);
        assertEquals("0123456789", decode(limits, "5\r\n01234\r\n5\r\n56789\r\n0\r\n\r\n", Integer.MAX_VALUE));
    }

    @Test
    void shouldRejectChunksAddingUpToOneByteOverTheBodyLimit() {
        HttpLimits limits = new HttpLimits(100, 100, 10, 10, 16);
        assertTrue(decode(limits, "5\r\n01234\r\n6\r\n56789a\r\n0\r\n\r\n", 1).startsWith("FAILED"));
    }

    @Test
    void shouldAcceptAChunkLineOfExactlyTheLimit() {
        // maxChunkLineBytes counts the size and extensions, not the CRLF.
        HttpLimits limits = new HttpLimits(100, 100, 10, 100, 8);
        assertEquals("a", decode(limits, "1;abcdef\r\na\r\n0\r\n\r\n", 1));
    }

    @Test
    void shouldRejectAChunkLineOneByteOverTheLimit() {
        HttpLimits limits = new HttpLimits(100, 100, 10, 100, 8);
        assertTrue(decode(limits, "1;abcdefg\r\na\r\n0\r\n\r\n", 1).startsWith("FAILED"));
    }

    @Test
    void shouldRejectLeadingZerosPastTheChunkLineLimit() {
        HttpLimits limits = new HttpLimits(100, 100, 10, 100, 8);
        assertTrue(decode(limits, "000000001\r\na\r\n0\r\n\r\n", 1).startsWith("FAILED"));
    }

    @Test
    void shouldAcceptATrailerSectionOfExactlyTheLimit() {
        // The trailer section counts like a header section: field lines and the final CRLF.
        HttpLimits limits = new HttpLimits(100, 10, 10, 100, 8);
        assertEquals("", decode(limits, "0\r\nX: 123\r\n\r\n", 1));
    }

    @Test
    void shouldRejectATrailerSectionOneByteOverTheLimit() {
        HttpLimits limits = new HttpLimits(100, 10, 10, 100, 8);
        assertTrue(decode(limits, "0\r\nX: 1234\r\n\r\n", 1).startsWith("FAILED"));
    }

    @Test
    void shouldRejectMoreTrailerFieldsThanTheLimit() {
        HttpLimits limits = new HttpLimits(100, 100, 2, 100, 8);
        assertEquals("", decode(limits, "0\r\nA: 1\r\nB: 2\r\n\r\n", 1));
        assertTrue(decode(limits, "0\r\nA: 1\r\nB: 2\r\nC: 3\r\n\r\n", 1).startsWith("FAILED"));
    }
}
