package io.slipway.app.url;

import static io.slipway.app.url.UrlErrors.parseError;
import static io.slipway.app.url.UrlErrors.parseMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * One test per way a URL can be wrong outside the host (see HostNameTest) and the scheme-specific
 * parts (FileUrlTest, MailtoUrlTest, NewsUrlTest): the part named and the exact one-line message.
 */
class UrlErrorsTest {
    private static final String SUPPORTED = "http, https, ftp, file, mailto, news";

    @Test
    void shouldRejectTextWithoutScheme() {
        // RFC 3986 §3: URI = scheme ":" hier-part; a browser would guess http, we do not.
        assertEquals("bad scheme in 'www.cyber.co.kr/dir/': a URL starts with its scheme, as in"
                + " http://www.example.com/ (supported: " + SUPPORTED + ")",
                parseMessage("scheme", "www.cyber.co.kr/dir/"));
    }

    @Test
    void shouldRejectEmptyText() {
        parseMessage("scheme", "");
    }

    @Test
    void shouldRejectAnEmptyScheme() {
        assertEquals("bad scheme in '://h/': nothing before ':'; a URL starts with its scheme, as in http://"
                + " (supported: " + SUPPORTED + ")", parseMessage("scheme", "://h/"));
    }

    @Test
    void shouldRejectAnUnknownScheme() {
        assertEquals("bad scheme in 'gopher://h/': 'gopher' is not supported; supported schemes are " + SUPPORTED,
                parseMessage("scheme", "gopher://h/"));
    }

    @Test
    void shouldTakeAHostAndPortWithoutSchemeAsAnUnknownScheme() {
        // RFC 3986 §3.1: "localhost" is a well-formed scheme name, so this reads as scheme "localhost".
        assertEquals("bad scheme in 'localhost:8080': 'localhost' is not supported; supported schemes are "
                + SUPPORTED, parseMessage("scheme", "localhost:8080"));
    }

    @Test
    void shouldRejectASchemeStartingWithADigit() {
        // RFC 3986 §3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ).
        assertEquals("bad scheme in '1http://h/': '1' at position 1 is not allowed in a scheme name (a letter,"
                + " then letters, digits, '+', '-' or '.', RFC 3986 §3.1)", parseMessage("scheme", "1http://h/"));
    }

    @Test
    void shouldRejectASpaceInTheScheme() {
        assertEquals("bad scheme in 'ht tp://h/': space at position 3 is not allowed in a scheme name (a letter,"
                + " then letters, digits, '+', '-' or '.', RFC 3986 §3.1)", parseMessage("scheme", "ht tp://h/"));
    }

    @Test
    void shouldRejectLeadingWhitespace() {
        // A browser trims what the user typed; a parser given " http://h/" has been given a bad URL.
        parseMessage("scheme", " http://h/");
    }

    @Test
    void shouldRejectAnHttpUrlWithoutAuthority() {
        // RFC 9110 §4.2.1: http-URI = "http" "://" authority path-abempty [ "?" query ].
        assertEquals("bad host in 'http:/dir/': an http URL has '//' and a host after 'http:', as in"
                + " http://www.example.com/", parseMessage("host", "http:/dir/"));
    }

    @Test
    void shouldRejectAnHttpUrlWithAnEmptyHost() {
        // RFC 9110 §4.2.1: "A sender MUST NOT generate an "http" URI with an empty host identifier."
        assertEquals("bad host in 'http:///dir/': no host after '//'; an http URL names the server, as in"
                + " http://www.example.com/", parseMessage("host", "http:///dir/"));
    }

    @Test
    void shouldRejectAnHttpsUrlWithOnlyUserinfo() {
        parseMessage("host", "https://user@/");
    }

    @Test
    void shouldRejectAFtpUrlWithoutHost() {
        parseMessage("host", "ftp://");
    }

    @Test
    void shouldRejectAPortAbove65535() {
        assertEquals("bad port in 'http://h:99999/': 99999 is not in 1..65535",
        parseMessage("port", "http://h:99999/"));
    }

    @Test
    void shouldRejectPortZero() {
        // Port 0 is reserved; TCP cannot connect to it (RFC 9293 §3.1, IANA).
        assertEquals("bad port in 'http://h:0/': 0 is not in 1..65535", parseMessage("port", "http://h:0/"));
    }

    @Test
    void shouldRejectAHugePortWithoutOverflow() {
        assertEquals("bad port in 'http://h:99999999999999999999/': 99999999999999999999 is not in 1..65535",
                parseMessage("port", "http://h:99999999999999999999/"));
    }

    @Test
    void shouldRejectAPortThatIsNotANumber() {
        // RFC 3986 §3.2.3: port = *DIGIT.
        assertEquals("bad port in 'http://h:http/': 'http' is not a number; a port is a number 1..65535",
                parseMessage("port", "http://h:http/"));
    }

    @Test
    void shouldRejectANegativePort() {
        parseMessage("port", "http://h:-1/");
    }

    @Test
    void shouldRejectASecondColonAfterTheHost() {
        assertEquals("bad port in 'http://h:80:81/': '80:81' is not a number; a port is a number 1..65535",
                parseMessage("port", "http://h:80:81/"));
    }

    @Test
    void shouldRejectAnUnencodedAtSignInThePassword() {
        // RFC 3986 §3.2.1: userinfo has no '@'; the last '@' ends it, an earlier one must be %40.
        assertEquals("bad userinfo in 'ftp://tone:p@ss@h/': '@' at position 13 is not allowed in the user name"
                + " or password (a browser would write it as %40)", parseMessage("userinfo", "ftp://tone:p@ss@h/"));
    }

    @Test
    void shouldRejectASpaceInTheUserinfo() {
        assertEquals("bad userinfo in 'ftp://to ne@h/': space at position 9 is not allowed in the user name or"
                + " password (a browser would write it as %20)", parseMessage("userinfo", "ftp://to ne@h/"));
    }

    @Test
    void shouldRejectASpaceInThePath() {
        // RFC 3986 §2: a space is never allowed; a browser would send %20.
        assertEquals("bad path in 'http://h/my file.html': space at position 12 is not allowed in a path"
                + " (a browser would write it as %20)", parseMessage("path", "http://h/my file.html"));
    }

    @Test
    void shouldRejectAControlCharacterInThePathOnOneLine() {
        // The message must stay one line, whatever the URL holds.
        String message = parseMessage("path", "http://h/a\nb");

        assertEquals("bad path in 'http://h/a\\u000Ab': control character U+000A at position 11 is not allowed"
                + " in a path (a browser would write it as %0A)", message);
        assertFalse(message.contains("\n"));
    }

    @Test
    void shouldRejectANonAsciiCharacterInThePath() {
        // RFC 3986 §2.5: other characters are first encoded as UTF-8, then percent-encoded.
        assertEquals("bad path in 'http://h/\ud55c': '\ud55c' (U+D55C) at position 10 is not allowed in a path"
                + " (a browser would write it as %ED%95%9C)", parseMessage("path", "http://h/\ud55c"));
    }

    @Test
    void shouldShowACharacterOutsideTheBmpWhole() {
        // U+1F600 is two Java chars but one character; its UTF-8 form is four octets (RFC 3629 §3).
        assertEquals("bad path in 'http://h/\ud83d\ude00': '\ud83d\ude00' (U+1F600) at position 10 is not allowed"
                + " in a path (a browser would write it as %F0%9F%98%80)",
                parseMessage("path", "http://h/\ud83d\ude00"));
    }

    @Test
    void shouldRejectALoneSurrogateWithoutSuggestingAnEncoding() {
        assertEquals("bad path in 'http://h/\ud800': lone surrogate U+D800 at position 10 is not allowed in a path",
                parseMessage("path", "http://h/\ud800"));
    }

    @Test
    void shouldRejectABackslashInThePath() {
        // RFC 3986 §2: '\' is not a URI character; a Windows path is written with '/'.
        assertEquals("bad path in 'http://h/a\\b': '\\' at position 11 is not allowed in a path"
                + " (a browser would write it as %5C)", parseMessage("path", "http://h/a\\b"));
    }

    @Test
    void shouldRejectSquareBracketsInThePath() {
        // RFC 3986 §2.2: '[' and ']' are gen-delims, allowed only around an IP literal.
        parseMessage("path", "http://h/a[1]");
    }

    @Test
    void shouldRejectEveryCharacterOutsideTheRfcSetsInThePath() {
        // RFC 3986 §2: '"', '<', '>', '^', '`', '{', '|', '}' are not URI characters.
        for (char c : "\"<>^`{|}".toCharArray()) {
            UrlException e = parseError("path", "http://h/" + c);
            assertTrue(e.getMessage().contains("'" + c + "' at position 10"), e.getMessage());
        }
    }

    @Test
    void shouldRejectAControlCharacterInTheQuery() {
        assertEquals("bad query in 'http://h/?a\\u0009b': control character U+0009 at position 12 is not allowed"
                + " in a query (a browser would write it as %09)", parseMessage("query", "http://h/?a\tb"));
    }

    @Test
    void shouldRejectASpaceInTheQuery() {
        parseMessage("query", "http://h/?q=a b");
    }

    @Test
    void shouldRejectASecondHashInTheFragment() {
        // RFC 3986 §3.5: fragment = *( pchar / "/" / "?" ), no '#'.
        assertEquals("bad fragment in 'http://h/#a#b': '#' at position 12 is not allowed in a fragment"
                + " (a browser would write it as %23)", parseMessage("fragment", "http://h/#a#b"));
    }

    @Test
    void shouldCutAVeryLongUrlInTheMessage() {
        String message = parseMessage("path", "http://h/" + "a".repeat(1000) + " ");

        assertTrue(message.length() < 400, message);
        assertTrue(message.contains("aaa...': space at position 1010"), message);
    }

    @Test
    void shouldRejectNullWithNullPointerException() {
        assertThrows(NullPointerException.class, () -> Url.parse(null));
    }

    @Test
    void shouldKeepTheConstructedPartAndMessage() {
        UrlException e = new UrlException("port", "bad port in 'x': y");

        assertEquals("port", e.part());
        assertEquals("bad port in 'x': y", e.getMessage());
    }
}
