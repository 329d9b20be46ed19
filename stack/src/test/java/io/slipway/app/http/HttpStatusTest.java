package io.slipway.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HttpStatusTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "200|OK", "206|Partial Content", "301|Moved Permanently", "302|Found", "303|See Other",
        "304|Not Modified", "307|Temporary Redirect", "308|Permanent Redirect", "400|Bad Request",
        "403|Forbidden", "404|Not Found", "405|Method Not Allowed", "408|Request Timeout",
        "413|Content Too Large", "414|URI Too Long", "416|Range Not Satisfiable",
        "431|Request Header Fields Too Large", "500|Internal Server Error", "501|Not Implemented",
        "505|HTTP Version Not Supported", "100|Continue", "204|No Content"})
    void shouldGiveTheReasonPhraseOfRfc9110(int status, String reason) {
        // RFC 9110 §15 (and RFC 6585 §5 for 431).
        assertEquals(reason, HttpStatus.reason(status));
    }

    @ParameterizedTest
    @CsvSource({"299", "306", "418", "599", "0", "1000"})
    void shouldGiveAnEmptyReasonForAnUnnamedCode(int status) {
        // RFC 9112 §4: the reason phrase may be empty.
        assertEquals("", HttpStatus.reason(status));
    }

    @ParameterizedTest
    @CsvSource({"OK,200", "PARTIAL_CONTENT,206", "NOT_MODIFIED,304", "HEADER_FIELDS_TOO_LARGE,431",
        "HTTP_VERSION_NOT_SUPPORTED,505", "CONTENT_TOO_LARGE,413", "URI_TOO_LONG,414"})
    void shouldHaveTheConstantsOfTheirCodes(String name, int code) throws Exception {
        assertEquals(code, HttpStatus.class.getField(name).getInt(null));
    }
}
