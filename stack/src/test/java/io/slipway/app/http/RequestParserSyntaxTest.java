package io.slipway.app.http;

import static io.slipway.app.http.Wire.parsedWhole;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Heads refused for their syntax: 400, 501 for the method, 505 for the version. */
class RequestParserSyntaxTest {
    private static int status(String request) {
        RequestParser p = parsedWhole(request);
        assertEquals(RequestParser.State.FAILED, p.state(), "refused: " + request);
        return p.failureStatus();
    }

    @Test
    void shouldRejectObsFold() {
        // RFC 9112 §5.2: a server MUST reject obs-fold (or replace it), 400.
        assertEquals(400, status("GET / HTTP/1.1\r\nHost: a\r\nX-Long: one\r\n two\r\n\r\n"));
    }

    @Test
    void shouldRejectObsFoldWithATab() {
        assertEquals(400, status("GET / HTTP/1.1\r\nHost: a\r\nX-Long: one\r\n\ttwo\r\n\r\n"));
    }

    @Test
    void shouldRejectWhitespaceBeforeTheFirstField() {
        // RFC 9112 §2.2: whitespace between the start-line and the first field.
        assertEquals(400, status("GET / HTTP/1.1\r\n Host: a\r\n\r\n"));
    }

    @Test
    void shouldRejectWhitespaceBetweenFieldNameAndColon() {
        // RFC 9112 §5.1: a server MUST reject such a request with 400.
        assertEquals(400, status("GET / HTTP/1.1\r\nHost : a\r\n\r\n"));
    }

    @Test
    void shouldRejectATabBetweenFieldNameAndColon() {
        assertEquals(400, status("GET / HTTP/1.1\r\nHost\t: a\r\n\r\n"));
    }

    @Test
    void shouldRejectAFieldLineWithoutAColon() {
        assertEquals(400, status("GET / HTTP/1.1\r\nHost: a\r\nNoColonHere\r\n\r\n"));
    }

    @Test
    void shouldRejectAnEmptyFieldName() {
        assertEquals(400, status("GET / HTTP/1.1\r\nHost: a\r\n: empty\r\n\r\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"X(1)", "X[", "X\"", "X/Y", "Caf\u00e9", "X@"})
    void shouldRejectAFieldNameThatIsNotAToken(String name) {
        // RFC 9110 §5.1: field-name = token.
        assertEquals(400, status("GET / HTTP/1.1\r\nHost: a\r\n" + name + ": v\r\n\r\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "a\u0001b", "a\u007Fb", "a\u001Bb", "a\u000Bb"})
    void shouldRejectAControlOctetInAFieldValue(String value) {
        // RFC 9110 §5.5: a field value with CR, LF or NUL is invalid; other CTLs are not field-vchar.
        assertEquals(400, status("GET / HTTP/1.1\r\nHost: a\r\nX: " + value + "\r\n\r\n"));
    }

    @Test
    void shouldRejectABareCrInAFieldLine() {
        // RFC 9112 §2.2: a bare CR makes the element invalid.
        assertEquals(400, status("GET / HTTP/1.1\r\nHost: a\rX: b\r\n\r\n"));
    }

    @Test
    void shouldRejectABareCrInTheRequestLine() {
        assertEquals(400, status("GET /\r HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @Test
    void shouldRejectABareCrBeforeTheRequestLine() {
        assertEquals(400, status("\rGET / HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "GET  / HTTP/1.1", "GET / HTTP/1.1 ", " GET / HTTP/1.1", "GET\t/ HTTP/1.1", "GET /\tHTTP/1.1",
        "GET /", "GET", "GET / http/1.1", "GET / HTTP/1", "GET / HTTP/1.10", "GET / HTTP/11",
        "GET / HTTP/1.1x", "GET /a b HTTP/1.1", "GET caf\u00e9 HTTP/1.1"})
    void shouldRejectARequestLineThatIsNotMethodSpTargetSpVersion(String line) {
        // RFC 9112 §3: one SP between the three parts; HTTP-version is case-sensitive, one digit each (§2.3).
        assertEquals(400, status(line + "\r\nHost: a\r\n\r\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"G(T", "GET/", "\"GET\""})
    void shouldRejectAMethodThatIsNotAToken(String method) {
        assertEquals(400, status(method + " / HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @Test
    void shouldRejectATargetWithAFragment() {
        // RFC 9112 §3.2: a request-target has no fragment.
        assertEquals(400, status("GET /a#frag HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"index.html", "?q", "1http://x/"})
    void shouldRejectATargetInNoForm(String target) {
        // RFC 9112 §3.2: origin-form starts with "/", absolute-form with a scheme.
        assertEquals(400, status("GET " + target + " HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @Test
    void shouldRejectTheAsteriskFormForAMethodOtherThanOptions() {
        // RFC 9112 §3.2.4: only OPTIONS.
        assertEquals(400, status("GET * HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "example.test", "example.test:", ":443"})
    void shouldRejectConnectWithoutHostAndPort(String target) {
        // RFC 9112 §3.2.3: authority-form = uri-host ":" port.
        assertEquals(400, status("CONNECT " + target + " HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"BREW", "get", "Get", "PROPFIND", "PRI"})
    void shouldAnswer501ToAMethodItDoesNotKnow(String method) {
        // RFC 9110 §9.1: methods are case-sensitive; an unknown one gets 501.
        assertEquals(501, status(method + " / HTTP/1.1\r\nHost: a\r\n\r\n"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"HTTP/2.0", "HTTP/0.9", "HTTP/3.0", "HTTP/9.9"})
    void shouldAnswer505ToAMajorVersionOtherThan1(String version) {
        // RFC 9110 §15.6.6.
        assertEquals(505, status("GET / " + version + "\r\nHost: a\r\n\r\n"));
    }

    @Test
    void shouldAnswer505ToTheHttp2Preface() {
        // RFC 9113 §3.4: what an HTTP/2 client sends first, prior knowledge.
        assertEquals(505, status("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n"));
    }

    @Test
    void shouldReportASyntaxErrorBeforeTheVersion() {
        assertEquals(400, status("G(T / HTTP/2.0\r\n\r\n"));
    }

    @Test
    void shouldFailOnTheOffendingByteAndConsumeNoMore() {
        byte[] b = Wire.bytes("GET / HTTP/1.1\r\nHost\u0000: a\r\n\r\nGET / HTTP/1.1\r\n\r\n");
        RequestParser p = new RequestParser(HttpLimits.DEFAULT);
        int consumed = p.feed(b, 0, b.length);
        assertTrue(consumed < b.length);
        assertEquals(0, p.feed(b, consumed, b.length - consumed));
    }

    @Test
    void shouldKeepTheFailureReasonOnOneLine() {
        RequestParser p = parsedWhole("GET / HTTP/1.1\r\nHost: a\r\nX\u001B[31m\u2028: v\r\n\r\n");
        assertFalse(p.failureReason().contains("\n"));
        assertFalse(p.failureReason().contains("\u001B"));
    }

    @Test
    void shouldQuoteAndCutPeerTextInTheReason() {
        RequestParser p = parsedWhole("GET / HTTP/1.1\r\nHost: a\r\n" + "x".repeat(5000) + "\r\n\r\n");
        assertTrue(p.failureReason().length() < 200, p.failureReason());
    }
}
