package io.slipway.app.http.server;

import static io.slipway.app.http.server.HttpServerSimulation.FILE_TIME;
import static io.slipway.app.http.server.HttpServerSimulation.file;
import static io.slipway.app.http.server.HttpServerSimulation.random;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.slipway.app.http.HttpDate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Byte ranges (RFC 9110 §14): a satisfiable range gets 206 with Content-Range and exactly those
 * bytes, so a download over a slow line can be resumed; an unsatisfiable one gets 416 with
 * {@code Content-Range: bytes *}{@code /length}; what the server may ignore gets the whole file.
 */
class HttpServerRangesTest {
    private static final int LENGTH = 100_000;
    private static final byte[] DATA = random(LENGTH, 42);

    @TempDir
    Path root;
    private HttpServerSimulation site;

    @BeforeEach
    void site() throws Exception {
        file(root, "data.bin", DATA);
        file(root, "empty.bin", new byte[0]);
        site = new HttpServerSimulation(root);
    }

    private RawResponse get(String path, String fields) throws Exception {
        TestConnection c = site.connect();
        c.send("GET " + path + " HTTP/1.1\r\nHost: test\r\n" + fields + "\r\n");
        RawResponse r = c.readResponse();
        // Framed as it says: the next response on the connection starts right after it.
        c.send("HEAD /data.bin HTTP/1.1\r\nHost: test\r\n\r\n");
        assertEquals("HTTP/1.1 200 OK", c.readResponse("HEAD").statusLine());
        c.close();
        return r;
    }

    @ParameterizedTest
    @CsvSource({
        "bytes=0-9, 0, 9",
        "bytes=0-0, 0, 0",
        "bytes=500-999, 500, 999",
        "bytes=99999-99999, 99999, 99999",
        "bytes=90000-, 90000, 99999",
        "bytes=5000-999999999, 5000, 99999",
        "bytes=-10, 99990, 99999",
        "bytes=-200000, 0, 99999",
        "BYTES=1-2, 1, 2",
        "bytes= 3-4 , 3, 4",
        "bytes=8190-8200, 8190, 8200",
        "bytes=12345-67890, 12345, 67890",
    })
    void shouldSendTheRangeAskedFor(String range, long first, long last) throws Exception {
        RawResponse r = get("/data.bin", "Range: " + range + "\r\n");

        assertEquals("HTTP/1.1 206 Partial Content", r.statusLine(), range);
        assertEquals("bytes " + first + "-" + last + "/" + LENGTH, r.header("Content-Range"));
        assertEquals(Long.toString(last - first + 1), r.header("Content-Length"));
        assertArrayEquals(Arrays.copyOfRange(DATA, (int) first, (int) last + 1), r.body());
        assertEquals(HttpDate.format(FILE_TIME), r.header("Last-Modified"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"bytes=100000-", "bytes=100000-100005", "bytes=200000-300000", "bytes=-0", "bytes=9-5"})
    void shouldRefuseARangeItCannotSatisfy(String range) throws Exception {
        RawResponse r = get("/data.bin", "Range: " + range + "\r\n");

        assertEquals("HTTP/1.1 416 Range Not Satisfiable", r.statusLine(), range);
        // RFC 9110 §15.5.17: the current length, so that the client can ask again.
        assertEquals("bytes */" + LENGTH, r.header("Content-Range"));
        assertEquals(Integer.toString(r.body().length), r.header("Content-Length"));
    }

    @Test
    void shouldRefuseAnyRangeOfAnEmptyFile() throws Exception {
        RawResponse r = get("/empty.bin", "Range: bytes=0-\r\n");

        assertEquals(416, r.status(), r.toString());
        assertEquals("bytes */0", r.header("Content-Range"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"items=0-9", "bytes=0-9,20-29", "bytes=abc", "bytes", "bytes=1-2-3"})
    void shouldSendTheWholeFileForARangeItMayIgnore(String range) throws Exception {
        // RFC 9110 §14.2: another unit MUST be ignored; a server MAY ignore a Range field, and one
        // that is not a valid ranges-specifier.
        RawResponse r = get("/data.bin", "Range: " + range + "\r\n");

        assertEquals("HTTP/1.1 200 OK", r.statusLine(), range);
        assertNull(r.header("Content-Range"));
        assertArrayEquals(DATA, r.body());
    }

    @Test
    void shouldSayItAcceptsRanges() throws Exception {
        RawResponse r = get("/data.bin", "");

        assertEquals("bytes", r.header("Accept-Ranges"));
        assertArrayEquals(DATA, r.body());
    }

    @Test
    void shouldIgnoreRangeInAHeadRequest() throws Exception {
        // RFC 9110 §14.2: GET is the only method for which range handling is defined.
        TestConnection c = site.connect();
        c.send("HEAD /data.bin HTTP/1.1\r\nHost: test\r\nRange: bytes=0-9\r\n\r\n");
        RawResponse r = c.readResponse("HEAD");

        assertEquals(200, r.status(), r.toString());
        assertEquals(Integer.toString(LENGTH), r.header("Content-Length"));
    }

    @Test
    void shouldResumeADownloadWhenTheFileIsUnchanged() throws Exception {
        // RFC 9110 §13.1.5: If-Range with the Last-Modified the client has, and the range is served.
        RawResponse r = get("/data.bin", "Range: bytes=60000-\r\nIf-Range: " + HttpDate.format(FILE_TIME) + "\r\n");

        assertEquals(206, r.status(), r.toString());
        assertArrayEquals(Arrays.copyOfRange(DATA, 60000, LENGTH), r.body());
    }

    @Test
    void shouldSendTheWholeFileWhenItChangedSinceTheDownloadBegan() throws Exception {
        // RFC 9110 §13.1.5: if the validator does not match, the server MUST ignore the Range;
        // else the client would splice bytes of a new file onto those of the old one.
        RawResponse r = get("/data.bin", "Range: bytes=60000-\r\nIf-Range: "
                + HttpDate.format(FILE_TIME.minusSeconds(3600)) + "\r\n");

        assertEquals("HTTP/1.1 200 OK", r.statusLine(), r.toString());
        assertNull(r.header("Content-Range"));
        assertArrayEquals(DATA, r.body());
    }

    @Test
    void shouldNotTrustAnIfRangeDateOfTheSecondTheResponseIsIn() throws Exception {
        // RFC 9110 §13.1.5, §8.8.2.2: a Last-Modified within the second of the Date is a weak
        // validator (the file may change again within that second): the Range is ignored.
        Files.setLastModifiedTime(root.resolve("data.bin"), FileTime.from(HttpServerSimulation.START));

        RawResponse r = get("/data.bin", "Range: bytes=60000-\r\nIf-Range: "
                + HttpDate.format(HttpServerSimulation.START) + "\r\n");

        assertEquals(200, r.status(), r.toString());
        assertArrayEquals(DATA, r.body());
    }

    @Test
    void shouldSendTheWholeFileForAnIfRangeEntityTagItNeverGave() throws Exception {
        // The server sends no ETag, so no entity-tag can match.
        RawResponse r = get("/data.bin", "Range: bytes=60000-\r\nIf-Range: \"v1\"\r\n");

        assertEquals(200, r.status(), r.toString());
        assertArrayEquals(DATA, r.body());
    }
}
