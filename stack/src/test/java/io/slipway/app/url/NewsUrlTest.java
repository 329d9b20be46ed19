package io.slipway.app.url;

import static io.slipway.app.url.UrlErrors.parseMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** news URLs: RFC 5538 §2.2 {@code news:newsgroup} or {@code news:message-id} (without angle brackets). */
class NewsUrlTest {
    @Test
    void shouldReadANewsgroup() {
        // The study notes' example.
        Url url = Url.parse("news:comp.protocols.tcp-ip");

        assertEquals("news", url.scheme());
        assertEquals("comp.protocols.tcp-ip", url.newsgroup());
        assertNull(url.host());
        assertEquals(-1, url.port());
        assertNull(url.mailbox());
    }

    @Test
    void shouldReadAMessageId() {
        // RFC 5538 §2.2: article = msg-id-core, the message-id without "<" and ">".
        assertEquals("1234@cyber.co.kr", Url.parse("news:1234@cyber.co.kr").newsgroup());
    }

    @Test
    void shouldDecodeAMessageId() {
        // RFC 5538 §2.2's example: news:p0624081dc30b8699bf9b@%5B10.20.30.108%5D.
        assertEquals("p0624081dc30b8699bf9b@[10.20.30.108]",
                Url.parse("news:p0624081dc30b8699bf9b@%5B10.20.30.108%5D").newsgroup());
    }

    @Test
    void shouldReadAWildmat() {
        // RFC 5538 §2.2: news:* and wildmats such as comp.*.
        assertEquals("*", Url.parse("news:*").newsgroup());
        assertEquals("comp.protocols.*", Url.parse("news:comp.protocols.*").newsgroup());
    }

    @Test
    void shouldReadGroupNamesWithPlusAndUnderscore() {
        // RFC 5536 §3.1.4: component-char = ALPHA / DIGIT / "+" / "-" / "_".
        assertEquals("comp.lang.c++", Url.parse("news:comp.lang.c++").newsgroup());
        assertEquals("alt.a_b", Url.parse("news:alt.a_b").newsgroup());
    }

    @Test
    void shouldRejectAngleBrackets() {
        assertEquals("bad newsgroup in 'news:<1234@cyber.co.kr>': '<' at position 6: a message-id is written"
                + " without angle brackets, as in news:comp.protocols.tcp-ip or news:1234@example.com (RFC 5538 §2.2)",
                parseMessage("newsgroup", "news:<1234@cyber.co.kr>"));
    }

    @Test
    void shouldRejectANewsUrlWithoutGroup() {
        assertEquals("bad newsgroup in 'news:': no newsgroup or message-id after 'news:', as in"
                + " news:comp.protocols.tcp-ip or news:1234@example.com (RFC 5538 §2.2)",
                parseMessage("newsgroup", "news:"));
    }

    @Test
    void shouldRejectANewsServer() {
        assertEquals("bad newsgroup in 'news://news.cyber.co.kr/comp.protocols.tcp-ip': news URLs naming a"
                + " server (news://server/...) are not supported; write news:group or news:message-id, as in"
                + " news:comp.protocols.tcp-ip (RFC 5538 §2.2)",
                parseMessage("newsgroup", "news://news.cyber.co.kr/comp.protocols.tcp-ip"));
    }

    @Test
    void shouldRejectAnEmptyGroupNameComponent() {
        assertEquals("bad newsgroup in 'news:comp..x': empty name component at position 11 (a newsgroup name"
                + " is names separated by single dots, RFC 5536 §3.1.4)", parseMessage("newsgroup", "news:comp..x"));
    }

    @Test
    void shouldRejectAGroupNameCharacter() {
        assertEquals("bad newsgroup in 'news:comp!x': '!' at position 10 is not allowed in a newsgroup name"
                + " (letters, digits, '+', '-', '_' and '.', RFC 5536 §3.1.4; a message-id has an '@')",
                parseMessage("newsgroup", "news:comp!x"));
    }

    @Test
    void shouldRejectAMessageIdWithoutLeftPart() {
        assertEquals("bad newsgroup in 'news:@cyber.co.kr': '@cyber.co.kr' is not a message-id left@right"
                + " (RFC 5536 §3.1.3)", parseMessage("newsgroup", "news:@cyber.co.kr"));
    }

    @Test
    void shouldRejectASlashInANewsUrl() {
        assertEquals("bad newsgroup in 'news:comp/x': '/' at position 10 is not allowed in a news URL"
                + " (a browser would write it as %2F)", parseMessage("newsgroup", "news:comp/x"));
    }
}
