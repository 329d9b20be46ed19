package io.slipway.app.url;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Percent-decoding (RFC 3986 §2.1) of a part already checked by {@link CharacterCheck}: the octets
 * are read as UTF-8, as §2.5 says new schemes do and as browsers send non-ASCII text. Octets that
 * are not UTF-8 (a stray {@code %FF}, an overlong or a surrogate form, a sequence cut short) are an
 * error rather than U+FFFD, so that two different URLs never decode to the same text.
 */
final class PercentDecoder {
    private PercentDecoder() {
    }

    /**
     * The text [start, end) of {@code in} stands for.
     *
     * @throws UrlException part {@code percent-encoding} when the octets are not UTF-8
     */
    static String decode(ParseInput in, int start, int end) {
        String raw = in.substring(start, end);
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        // Checked parts are ASCII but for the triplets, so each character or triplet is one octet.
        byte[] octets = new byte[raw.length()];
        int[] writtenAt = new int[raw.length()];
        int n = 0;
        for (int i = start; i < end; i++) {
            char c = in.charAt(i);
            writtenAt[n] = i;
            if (c == '%') {
                octets[n++] = (byte) Integer.parseInt(in.substring(i + 1, i + 3), 16);
                i += 2;
            } else {
                octets[n++] = (byte) c;
            }
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer from = ByteBuffer.wrap(octets, 0, n);
        CharBuffer to = CharBuffer.allocate(n);
        CoderResult result = utf8.decode(from, to, true);
        if (!result.isError()) {
            result = utf8.flush(to);
        }
        if (result.isError()) {
            throw notUtf8(in, octets, writtenAt, from.position(), result.length());
        }
        return to.flip().toString();
    }

    private static UrlException notUtf8(ParseInput in, byte[] octets, int[] writtenAt, int bad, int length) {
        StringBuilder shown = new StringBuilder();
        for (int k = bad; k < bad + length; k++) {
            shown.append('%').append(String.format(Locale.ROOT, "%02X", octets[k] & 0xFF));
        }
        return in.fail("percent-encoding", shown + " at position " + in.position(writtenAt[bad])
                + " is not valid UTF-8 (percent-encoded octets are read as UTF-8, RFC 3986 §2.5)");
    }
}
