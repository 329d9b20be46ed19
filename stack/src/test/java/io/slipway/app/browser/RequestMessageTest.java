package io.slipway.app.browser;

import static io.slipway.app.browser.ScriptedServer.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.slipway.app.url.Url;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The request message, byte for byte as the server reads it (RFC 9112 §2.1, §3): the request
 * line with the target in origin-form (§3.2.1: path and query, never the fragment), Host with
 * the port only when it is not the default (RFC 9110 §7.2), User-Agent, Accept, Connection, and
 * for POST the body with its Content-Type and Content-Length (RFC 9110 §8.6).
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RequestMessageTest {
    private final BrowserNet net = new BrowserNet();

    @AfterEach
    void tearDown() throws Exception {
        net.close();
    }

    @Test
    void shouldSendOriginFormTargetAndHostWithItsPort() throws Exception {
        ScriptedServer server = net.server(8080).reply(ok("hi"));

        net.browser().get(Url.parse("http://WWW.Example.Test:8080/dir/page.html?q=1&r=2#section"),
                new ByteArrayOutputStream());

        assertEquals("GET /dir/page.html?q=1&r=2 HTTP/1.1\r\n"
                + "Host: www.example.test:8080\r\n"
                + "User-Agent: slipway/0.1\r\n"
                + "Accept: */*\r\n"
                + "Connection: keep-alive\r\n"
                + "\r\n", server.request(0).head());
        assertEquals(0, server.request(0).body().length);
    }

    @Test
    void shouldLeaveTheDefaultPortOutOfHost() throws Exception {
        ScriptedServer server = net.server(80).reply(ok("hi")).reply(ok("hi"));
        Browser browser = net.browser();

        browser.get(Url.parse("http://www.example.test/"), new ByteArrayOutputStream());
        browser.get(Url.parse("http://www.example.test:80/again"), new ByteArrayOutputStream());

        assertEquals("www.example.test", server.request(0).header("Host"));
        assertEquals("www.example.test", server.request(1).header("Host"), "an explicit :80 is the default too");
        assertEquals("/again", server.request(1).target());
    }

    @Test
    void shouldAskForTheRootWhenTheUrlHasNoPath() throws Exception {
        ScriptedServer server = net.server(80).reply(ok("hi"));

        net.browser().get(Url.parse("http://www.example.test"), new ByteArrayOutputStream());

        assertEquals("GET / HTTP/1.1", server.request(0).requestLine());
    }

    @Test
    void shouldSendTheTargetStillPercentEncoded() throws Exception {
        ScriptedServer server = net.server(80).reply(ok("hi"));

        net.browser().get(Url.parse("http://www.example.test/a%20b/c%2Fd?x=%41"), new ByteArrayOutputStream());

        assertEquals("/a%20b/c%2Fd?x=%41", server.request(0).target());
    }

    @Test
    void shouldNameALiteralAddressInHost() throws Exception {
        ScriptedServer server = net.server(8080).reply(ok("hi"));

        net.browser().get(Url.parse("http://10.0.0.2:8080/"), new ByteArrayOutputStream());

        assertEquals("10.0.0.2:8080", server.request(0).header("Host"));
    }

    @Test
    void shouldKeepUserinfoOutOfTheRequest() throws Exception {
        ScriptedServer server = net.server(80).reply(ok("hi"));

        net.browser().get(Url.parse("http://tone:secret@www.example.test/private"), new ByteArrayOutputStream());

        assertEquals("GET /private HTTP/1.1", server.request(0).requestLine());
        assertEquals("www.example.test", server.request(0).header("Host"));
        assertEquals(-1, server.request(0).head().indexOf("secret"), server.request(0).head());
    }

    @Test
    void shouldSendTheUserAgentOfItsConfig() throws Exception {
        ScriptedServer server = net.server(80).reply(ok("hi"));
        BrowserConfig config = new BrowserConfig("tester/2.0 (slipway)", 5, BrowserNet.CONFIG.readTimeout(), true,
                BrowserNet.CONFIG.limits());

        net.browser(config, null).get(Url.parse("http://www.example.test/"), new ByteArrayOutputStream());

        assertEquals("tester/2.0 (slipway)", server.request(0).header("User-Agent"));
    }

    @Test
    void shouldAskToCloseWhenKeepAliveIsOff() throws Exception {
        ScriptedServer server = net.server(80).reply(ok("hi"));

        net.browser(BrowserNet.CONFIG.withKeepAlive(false), null).get(Url.parse("http://www.example.test/"),
                new ByteArrayOutputStream());

        assertEquals("close", server.request(0).header("Connection"));
    }

    @Test
    void shouldSendAPostBodyWithItsTypeAndLength() throws Exception {
        ScriptedServer server = net.server(80).reply(ok("thanks"));
        byte[] form = "name=Tone&city=Seoul".getBytes(StandardCharsets.US_ASCII);

        Fetch f = net.browser().fetch(Request.post(Url.parse("http://www.example.test/form?lang=ko"), form,
                "application/x-www-form-urlencoded"), new ByteArrayOutputStream());

        assertEquals(200, f.status());
        assertEquals("POST /form?lang=ko HTTP/1.1\r\n"
                + "Host: www.example.test\r\n"
                + "User-Agent: slipway/0.1\r\n"
                + "Accept: */*\r\n"
                + "Connection: keep-alive\r\n"
                + "Content-Type: application/x-www-form-urlencoded\r\n"
                + "Content-Length: 20\r\n"
                + "\r\n", server.request(0).head());
        assertEquals("name=Tone&city=Seoul", server.request(0).bodyText());
    }

    @Test
    void shouldSendAnEmptyPostBodyWithLengthZero() throws Exception {
        ScriptedServer server = net.server(80).reply(ok("thanks"));

        net.browser().fetch(Request.post(Url.parse("http://www.example.test/ping"), new byte[0], "text/plain"),
                new ByteArrayOutputStream());

        assertEquals("0", server.request(0).header("Content-Length"));
        assertEquals("text/plain", server.request(0).header("Content-Type"));
    }

    @Test
    void shouldSendNoBodyFieldsForGetAndHead() throws Exception {
        ScriptedServer server = net.server(80).reply(ok("hi")).reply("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n");
        Browser browser = net.browser();

        browser.get(Url.parse("http://www.example.test/"), new ByteArrayOutputStream());
        browser.fetch(Request.head(Url.parse("http://www.example.test/")), new ByteArrayOutputStream());

        for (ScriptedServer.Received r : server.received()) {
            assertNull(r.header("Content-Length"), r.head());
            assertNull(r.header("Content-Type"), r.head());
        }
        assertEquals("HEAD / HTTP/1.1", server.request(1).requestLine());
    }
}
