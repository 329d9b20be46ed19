package io.slipway.app.http;

import static io.slipway.app.http.HttpSyntax.CR;
import static io.slipway.app.http.HttpSyntax.LF;

import java.util.Objects;

/**
 * Incremental decoder of the chunked transfer coding (RFC 9112 §7.1), without buffering: a
 * byte-at-a-time state machine over the framing, that leaves the chunk data to the caller.
 *
 * <pre>
 *   chunked-body = *chunk last-chunk trailer-section CRLF
 *   chunk        = chunk-size [ chunk-ext ] CRLF chunk-data CRLF
 *   chunk-size   = 1*HEXDIG            last-chunk = 1*("0") [ chunk-ext ] CRLF
 *   chunk-ext    = *( BWS ";" BWS chunk-ext-name [ BWS "=" BWS chunk-ext-val ] )
 *   trailer-section = *( field-line CRLF )
 * </pre>
 *
 * <p>Use: {@link #feed} framing bytes while the state is {@link State#FRAMING}; in
 * {@link State#DATA} the next {@link #dataRemaining()} bytes are chunk data, which the caller
 * takes itself and reports with {@link #dataTaken}; {@link State#DONE} after the final CRLF.
 * A server that only wants to read past a body calls {@link #discard}.
 *
 * <p>Strict where parsers that disagree let requests be smuggled (RFC 9112 §11.2): every line
 * ends in CRLF (the bare-LF lenience of §2.2 is for the head, not here), chunk data must be
 * followed by CRLF, whitespace after the size only before a {@code ;}, no control octets in
 * extensions or trailers. Extensions and trailer fields are read and discarded (§7.1.1, §7.1.2).
 * Bounded by {@link HttpLimits}: the size line by maxChunkLineBytes, the sum of chunk sizes by
 * maxBodyBytes (checked as the size's digits arrive, so no size can overflow), the trailer
 * section by maxHeaderSectionBytes and maxHeaderFields.
 */
public final class ChunkedDecoder {
    /** What the decoder expects next. */
    public enum State {
        /** Framing bytes: feed them. */
        FRAMING,
        /** {@link #dataRemaining()} bytes of chunk data: the caller takes them. */
        DATA,
        /** The body ended; what follows is the next message. */
        DONE,
        /** The body is malformed or above a limit; see {@link #failureReason()}. */
        FAILED
    }

    private enum Step {
        SIZE_FIRST, SIZE, SIZE_WHITESPACE, EXTENSION, SIZE_LF, DATA, DATA_CR, DATA_LF,
        TRAILER_START, TRAILER, TRAILER_LF, LAST_LF, DONE, FAILED
    }

    private final HttpLimits limits;
    private Step step = Step.SIZE_FIRST;
    /** While reading a size: its value so far; in DATA: the bytes of the chunk still to come. */
    private long chunkSize;
    /** Bytes of the current chunk-size line, CRLF not counted; at most maxChunkLineBytes. */
    private int sizeLineBytes;
    /** Sum of the chunk sizes so far; at most maxBodyBytes. */
    private long dataBytes;
    private int trailerBytes;
    private int trailerFields;
    private String failureReason;

    /** A decoder for one chunked body within {@code limits}. */
    public ChunkedDecoder(HttpLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public State state() {
        return switch (step) {
            case DATA -> State.DATA;
            case DONE -> State.DONE;
            case FAILED -> State.FAILED;
            default -> State.FRAMING;
        };
    }

    /**
     * Consumes framing bytes, stopping as soon as the state is no longer {@link State#FRAMING}.
     *
     * @return the number consumed; 0 when not in FRAMING
     */
    public int feed(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        int i = off;
        int end = off + len;
        while (i < end && state() == State.FRAMING) {
            step(b[i++] & 0xFF);
        }
        return i - off;
    }

    /** In {@link State#DATA}: the bytes of chunk data that come next (at least 1); else 0. */
    public long dataRemaining() {
        return step == Step.DATA ? chunkSize : 0;
    }

    /**
     * The caller took {@code n} bytes of chunk data; when that was the rest of the chunk, the
     * decoder expects the CRLF that ends it.
     *
     * @throws IllegalStateException when not in {@link State#DATA}
     * @throws IllegalArgumentException unless 0 &lt; n &lt;= {@link #dataRemaining()}
     */
    public void dataTaken(long n) {
        if (step != Step.DATA) {
            throw new IllegalStateException("decoder is " + state() + ", not DATA");
        }
        if (n <= 0 || n > chunkSize) {
            throw new IllegalArgumentException("took " + n + " of " + chunkSize + " chunk bytes");
        }
        chunkSize -= n;
        if (chunkSize == 0) {
            step = Step.DATA_CR;
        }
    }

    /**
     * Reads past framing and data alike, for a server that discards a body.
     *
     * @return the number of bytes consumed; fewer than {@code len} only when the body ended
     *     ({@link State#DONE}: the rest is the next request) or failed
     */
    public int discard(byte[] b, int off, int len) {
        Objects.checkFromIndexSize(off, len, b.length);
        int i = off;
        int end = off + len;
        while (i < end) {
            State s = state();
            if (s == State.DATA) {
                int n = (int) Math.min(end - i, chunkSize);
                dataTaken(n);
                i += n;
            } else if (s == State.FRAMING) {
                i += feed(b, i, end - i);
            } else {
                break;
            }
        }
        return i - off;
    }

    /** The sum of the chunk sizes read so far: the body's length once DONE. */
    public long dataBytes() {
        return dataBytes;
    }

    /**
     * Why the body was refused, one line.
     *
     * @throws IllegalStateException unless {@link State#FAILED}
     */
    public String failureReason() {
        if (step != Step.FAILED) {
            throw new IllegalStateException("decoder is " + state() + ", not FAILED");
        }
        return failureReason;
    }

    /** Ready for another chunked body. */
    public void reset() {
        step = Step.SIZE_FIRST;
        chunkSize = 0;
        sizeLineBytes = 0;
        dataBytes = 0;
        trailerBytes = 0;
        trailerFields = 0;
        failureReason = null;
    }

    private void step(int c) {
        switch (step) {
            case SIZE_FIRST -> sizeFirst(c);
            case SIZE -> size(c);
            case SIZE_WHITESPACE -> sizeWhitespace(c);
            case EXTENSION -> extension(c);
            case SIZE_LF -> sizeLf(c);
            case DATA_CR -> expect(c, CR, Step.DATA_LF, "chunk data not followed by CRLF");
            case DATA_LF -> {
                expect(c, LF, Step.SIZE_FIRST, "chunk data not followed by CRLF");
                sizeLineBytes = 0;
                chunkSize = 0;
            }
            case TRAILER_START, TRAILER, TRAILER_LF, LAST_LF -> trailer(c);
            default -> throw new IllegalStateException("feed in " + step);
        }
    }

    private void sizeFirst(int c) {
        int digit = HttpSyntax.hexValue(c);
        if (digit < 0) {
            fail("chunk size does not start with a hex digit but " + LogText.octet(c));
            return;
        }
        sizeLineBytes = 1;
        chunkSize = 0;
        step = Step.SIZE;
        addDigit(digit);
    }

    private void size(int c) {
        if (c == CR) {
            step = Step.SIZE_LF;
            return;
        }
        if (!countSizeLine()) {
            return;
        }
        int digit = HttpSyntax.hexValue(c);
        if (digit >= 0) {
            addDigit(digit);
        } else if (c == ';') {
            step = Step.EXTENSION;
        } else if (HttpSyntax.isWhitespace(c)) {
            step = Step.SIZE_WHITESPACE;
        } else {
            fail("octet " + LogText.octet(c) + " in a chunk size");
        }
    }

    /** BWS is allowed before the {@code ;} of an extension, nowhere else. */
    private void sizeWhitespace(int c) {
        if (!countSizeLine()) {
            return;
        }
        if (c == ';') {
            step = Step.EXTENSION;
        } else if (!HttpSyntax.isWhitespace(c)) {
            fail("whitespace after the chunk size, not followed by a chunk extension");
        }
    }

    private void extension(int c) {
        if (c == CR) {
            step = Step.SIZE_LF;
        } else if (countSizeLine() && !HttpSyntax.isFieldValueOctet(c)) {
            fail("octet " + LogText.octet(c) + " in a chunk extension");
        }
    }

    private void sizeLf(int c) {
        if (c != LF) {
            fail("chunk-size line not ended by CRLF");
        } else if (chunkSize == 0) {
            step = Step.TRAILER_START;
        } else {
            dataBytes += chunkSize;
            step = Step.DATA;
        }
    }

    /** The trailer section and the final CRLF, counted against the header section limits. */
    private void trailer(int c) {
        if (++trailerBytes > limits.maxHeaderSectionBytes()) {
            fail("trailer section longer than " + limits.maxHeaderSectionBytes() + " bytes");
            return;
        }
        switch (step) {
            case TRAILER_START -> {
                if (c == CR) {
                    step = Step.LAST_LF;
                } else if (++trailerFields > limits.maxHeaderFields()) {
                    fail("more than " + limits.maxHeaderFields() + " trailer fields");
                } else {
                    step = Step.TRAILER;
                    trailerOctet(c);
                }
            }
            case TRAILER -> {
                if (c == CR) {
                    step = Step.TRAILER_LF;
                } else {
                    trailerOctet(c);
                }
            }
            case TRAILER_LF -> expect(c, LF, Step.TRAILER_START, "trailer field line not ended by CRLF");
            default -> expect(c, LF, Step.DONE, "chunked body not ended by CRLF");
        }
    }

    private void trailerOctet(int c) {
        if (!HttpSyntax.isFieldValueOctet(c)) {
            fail("octet " + LogText.octet(c) + " in a trailer field");
        }
    }

    private void addDigit(int digit) {
        long allowed = limits.maxBodyBytes() - dataBytes;
        if (chunkSize > (Long.MAX_VALUE - digit) / 16 || chunkSize * 16 + digit > allowed) {
            fail("chunk size makes the body longer than the limit of " + limits.maxBodyBytes() + " bytes");
            return;
        }
        chunkSize = chunkSize * 16 + digit;
    }

    private boolean countSizeLine() {
        if (++sizeLineBytes > limits.maxChunkLineBytes()) {
            fail("chunk-size line longer than " + limits.maxChunkLineBytes() + " bytes");
            return false;
        }
        return true;
    }

    private void expect(int c, int expected, Step next, String otherwise) {
        if (c == expected) {
            step = next;
        } else {
            fail(otherwise);
        }
    }

    private void fail(String reason) {
        failureReason = reason;
        step = Step.FAILED;
    }
}
