package io.slipway.app.url;

import static io.slipway.app.url.UrlErrors.parseMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** mailto URLs: RFC 6068 §2 {@code "mailto:" [ to ] [ hfields ]}, {@code to = addr-spec *("," addr-spec )}. */
class MailtoUrlTest {
    @Test
    void shouldReadTheAddressOfAMailtoUrl() {
        // The study notes' example.
        Url url = Url.parse("mailto:tone@cyber.co.kr");

        assertEquals("mailto", url.scheme());
        assertEquals("tone@cyber.co.kr", url.mailbox());
        assertNull(url.host());
        assertEquals(-1, url.port());
        assertFalse(url.hasExplicitPort());
        assertNull(url.user());
        assertNull(url.query());
        assertNull(url.newsgroup());
    }

    @Test
    void shouldKeepHeaderFieldsInTheQuery() {
        // RFC 6068 §2: hfields = "?" hfield *( "&" hfield ).
        Url url = Url.parse("mailto:tone@cyber.co.kr?subject=Hello%20there&cc=b@cyber.co.kr");

        assertEquals("tone@cyber.co.kr", url.mailbox());
        assertEquals("subject=Hello%20there&cc=b@cyber.co.kr", url.query());
    }

    @Test
    void shouldReadSeveralAddresses() {
        // RFC 6068 §2: to = addr-spec *("," addr-spec ).
        assertEquals("a@cyber.co.kr,b@cyber.co.kr", Url.parse("mailto:a@cyber.co.kr,b@cyber.co.kr").mailbox());
    }

    @Test
    void shouldDecodeTheAddress() {
        // RFC 6068 §2: a '%' or '?' in an address is percent-encoded; the example of §6.2 is
        // "mailto:%22not%40me%22@example.org".
        assertEquals("\"not@me\"@example.org", Url.parse("mailto:%22not%40me%22@example.org").mailbox());
    }

    @Test
    void shouldAllowHeaderFieldsWithoutAnAddress() {
        // RFC 6068 §2: the to part is optional when header fields name the recipients.
        Url url = Url.parse("mailto:?to=tone@cyber.co.kr");

        assertEquals("", url.mailbox());
        assertEquals("to=tone@cyber.co.kr", url.query());
    }

    @Test
    void shouldReadTheMailtoSchemeInAnyCase() {
        assertEquals("mailto:Tone@Cyber.co.kr", Url.parse("MAILTO:Tone@Cyber.co.kr").toString());
    }

    @Test
    void shouldRejectAMailtoUrlWithoutAddress() {
        assertEquals("bad mailbox in 'mailto:': no address after 'mailto:', as in mailto:tone@cyber.co.kr"
                + " (RFC 6068 §2)", parseMessage("mailbox", "mailto:"));
    }

    @Test
    void shouldRejectAnAddressWithoutAtSign() {
        assertEquals("bad mailbox in 'mailto:tone': 'tone' is not an address local-part@domain, as in"
                + " mailto:tone@cyber.co.kr (RFC 6068 §2)", parseMessage("mailbox", "mailto:tone"));
    }

    @Test
    void shouldRejectAnAddressWithoutDomain() {
        assertEquals("bad mailbox in 'mailto:tone@': 'tone@' is not an address local-part@domain, as in"
                + " mailto:tone@cyber.co.kr (RFC 6068 §2)", parseMessage("mailbox", "mailto:tone@"));
    }

    @Test
    void shouldRejectAnEmptyAddressBetweenCommas() {
        assertEquals("bad mailbox in 'mailto:a@b,,c@d': empty address at position 12 (addresses are separated"
                + " by single commas, RFC 6068 §2)", parseMessage("mailbox", "mailto:a@b,,c@d"));
    }

    @Test
    void shouldRejectASlashInTheAddress() {
        // RFC 6068 §2: qchar has no '/'; it is written %2F.
        assertEquals("bad mailbox in 'mailto:a/b@c': '/' at position 9 is not allowed in a mailto address"
                + " (a browser would write it as %2F)", parseMessage("mailbox", "mailto:a/b@c"));
    }

    @Test
    void shouldRejectAnEqualsSignInTheAddress() {
        // RFC 6068 §2: '=' and '&' delimit header fields; some-delims leaves them out.
        assertEquals("bad mailbox in 'mailto:a=b@c': '=' at position 9 is not allowed in a mailto address"
                + " (a browser would write it as %3D)", parseMessage("mailbox", "mailto:a=b@c"));
    }

    @Test
    void shouldRejectAnAuthorityInAMailtoUrl() {
        assertEquals("bad mailbox in 'mailto://tone@cyber.co.kr': a mailto URL has no '//'; write the address"
                + " right after 'mailto:', as in mailto:tone@cyber.co.kr (RFC 6068 §2)",
                parseMessage("mailbox", "mailto://tone@cyber.co.kr"));
    }
}
