package io.slipway.app.http.server;

import static io.slipway.app.http.server.HttpServerSimulation.FILE_TIME;
import static io.slipway.app.http.server.HttpServerSimulation.file;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.slipway.app.http.HttpDate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Last-Modified and If-Modified-Since (RFC 9110 §8.8.2, §13.1.3): a client that has the file as
 * of a date gets 304 Not Modified, with no body, when the file is no newer; else the file.
 */
class HttpServerConditionalTest {
    private static final String BODY = "version 1\n";

    @TempDir
    Path root;
    private HttpServerSimulation site;

    @BeforeEach
    void site() throws Exception {
        file(root, "page.txt", BODY);
        site = new HttpServerSimulation(root);
    }

    /** GET /page.txt with {@code fields}, then a plain GET of it on the same connection, to show nothing came between. */
    private RawResponse conditional(String method, String fields) throws Exception {
        TestConnection c = site.connect();
        c.send(method + " /page.txt HTTP/1.1\r\nHost: test\r\n" + fields + "\r\n");
        RawResponse r = c.readResponse(method);
        c.send("GET /page.txt HTTP/1.1\r\nHost: test\r\n\r\n");
        RawResponse next = c.readResponse();
        assertEquals("HTTP/1.1 200 OK", next.statusLine(), "the response before sent a body it did not frame: " + r);
        assertEquals(BODY, next.bodyText());
        c.close();
        return r;
    }

    @Test
    void shouldSayNotModifiedWhenTheFileIsAsOldAsTheClientsCopy() throws Exception {
        RawResponse r = conditional("GET", "If-Modified-Since: " + HttpDate.format(FILE_TIME) + "\r\n");

        assertEquals("HTTP/1.1 304 Not Modified", r.statusLine());
        assertEquals(0, r.body().length);
        assertEquals(HttpDate.format(FILE_TIME), r.header("Last-Modified"));
        assertNotNull(r.header("Date"));
    }

    @Test
    void shouldSayNotModifiedWhenTheClientsCopyIsNewer() throws Exception {
        RawResponse r = conditional("GET", "If-Modified-Since: " + HttpDate.format(FILE_TIME.plusSeconds(60)) + "\r\n");

        assertEquals(304, r.status(), r.toString());
    }

    @Test
    void shouldSendTheFileWhenItChangedSinceTheClientsCopy() throws Exception {
        RawResponse r = conditional("GET", "If-Modified-Since: " + HttpDate.format(FILE_TIME.minusSeconds(1)) + "\r\n");

        assertEquals("HTTP/1.1 200 OK", r.statusLine());
        assertEquals(BODY, r.bodyText());
    }

    @Test
    void shouldCompareWholeSecondsAsHttpDatesCarryThem() throws Exception {
        // The file system keeps fractions of a second; the date the client got had none.
        Files.setLastModifiedTime(root.resolve("page.txt"), FileTime.from(FILE_TIME.plusMillis(700)));

        RawResponse first = site.get("/page.txt");
        RawResponse again = conditional("GET", "If-Modified-Since: " + first.header("Last-Modified") + "\r\n");

        assertEquals(HttpDate.format(FILE_TIME), first.header("Last-Modified"));
        assertEquals(304, again.status(), again.toString());
    }

    @Test
    void shouldAcceptTheObsoleteDateFormsToo() throws Exception {
        // RFC 9110 §5.6.7: a recipient MUST accept all three formats.
        String rfc850 = DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.US)
                .format(FILE_TIME.atZone(ZoneOffset.UTC));
        String asctime = DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US)
                .format(FILE_TIME.atZone(ZoneOffset.UTC));

        assertEquals(304, conditional("GET", "If-Modified-Since: " + rfc850 + "\r\n").status(), rfc850);
        assertEquals(304, conditional("GET", "If-Modified-Since: " + asctime + "\r\n").status(), asctime);
    }

    @Test
    void shouldIgnoreAnInvalidDate() throws Exception {
        // RFC 9110 §13.1.3: a recipient MUST ignore If-Modified-Since that is not a valid HTTP-date.
        RawResponse r = conditional("GET", "If-Modified-Since: yesterday\r\n");

        assertEquals(200, r.status(), r.toString());
        assertEquals(BODY, r.bodyText());
    }

    @Test
    void shouldAnswerAConditionalHeadWithoutABody() throws Exception {
        RawResponse r = conditional("HEAD", "If-Modified-Since: " + HttpDate.format(FILE_TIME) + "\r\n");

        assertEquals(304, r.status(), r.toString());
    }

    @Test
    void shouldIgnoreIfModifiedSinceWhenIfNoneMatchIsThere() throws Exception {
        // RFC 9110 §13.1.3: a recipient MUST ignore If-Modified-Since if the request contains
        // If-None-Match. The server sends no entity-tags, so "abc" matches nothing: the file is sent.
        RawResponse r = conditional("GET", "If-None-Match: \"abc\"\r\nIf-Modified-Since: "
                + HttpDate.format(FILE_TIME) + "\r\n");

        assertEquals(200, r.status(), r.toString());
        assertEquals(BODY, r.bodyText());
    }

    @Test
    void shouldSayNotModifiedForIfNoneMatchAnyWhenTheFileExists() throws Exception {
        // RFC 9110 §13.1.2: "*" is false when a current representation exists: 304 for GET.
        RawResponse r = conditional("GET", "If-None-Match: *\r\n");

        assertEquals(304, r.status(), r.toString());
    }

    @Test
    void shouldNotSayAFileWasModifiedLaterThanTheResponseIsDated() throws Exception {
        // RFC 9110 §8.8.2.1: an origin server MUST NOT send a Last-Modified later than its Date; a
        // modification time in the future is replaced by the message's date.
        Instant future = HttpServerSimulation.START.plusSeconds(3600);
        Files.setLastModifiedTime(root.resolve("page.txt"), FileTime.from(future));

        RawResponse r = site.get("/page.txt");

        assertEquals(200, r.status(), r.toString());
        Instant date = HttpDate.parse(r.header("Date"));
        Instant lastModified = HttpDate.parse(r.header("Last-Modified"));
        assertFalse(lastModified.isAfter(date), "Last-Modified " + r.header("Last-Modified") + " after Date "
                + r.header("Date"));
    }
}
