package io.slipway.app.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** RFC 9110 §5.6.7, with its own example: Sunday, 6 November 1994, 08:49:37 GMT. */
class HttpDateTest {
    private static final Instant EXAMPLE = Instant.parse("1994-11-06T08:49:37Z");
    private static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    @Test
    void shouldFormatAsImfFixdate() {
        assertEquals("Sun, 06 Nov 1994 08:49:37 GMT", HttpDate.format(EXAMPLE));
    }

    @Test
    void shouldFormatWithTwoDigitDaysAndTimesAndNoFraction() {
        assertEquals("Mon, 01 Jan 2024 00:00:09 GMT", HttpDate.format(Instant.parse("2024-01-01T00:00:09.999Z")));
    }

    @Test
    void shouldRefuseToFormatAYearOfFiveDigits() {
        // year = 4DIGIT.
        assertThrows(IllegalArgumentException.class, () -> HttpDate.format(Instant.parse("+10000-01-01T00:00:00Z")));
    }

    @Test
    void shouldParseImfFixdate() {
        assertEquals(EXAMPLE, HttpDate.parse("Sun, 06 Nov 1994 08:49:37 GMT", NOW));
    }

    @Test
    void shouldParseTheObsoleteRfc850Form() {
        assertEquals(EXAMPLE, HttpDate.parse("Sunday, 06-Nov-94 08:49:37 GMT", NOW));
    }

    @Test
    void shouldParseTheAsctimeFormWithASpaceBeforeAOneDigitDay() {
        assertEquals(EXAMPLE, HttpDate.parse("Sun Nov  6 08:49:37 1994", NOW));
    }

    @Test
    void shouldParseTheAsctimeFormWithATwoDigitDay() {
        assertEquals(Instant.parse("1994-11-16T08:49:37Z"), HttpDate.parse("Wed Nov 16 08:49:37 1994", NOW));
    }

    @Test
    void shouldReadItsOwnFormat() {
        Instant t = Instant.parse("2031-02-28T23:59:59Z");
        assertEquals(t, HttpDate.parse(HttpDate.format(t)));
    }

    @Test
    void shouldIgnoreSurroundingWhitespace() {
        assertEquals(EXAMPLE, HttpDate.parse(" Sun, 06 Nov 1994 08:49:37 GMT\t", NOW));
    }

    @ParameterizedTest
    @CsvSource({
        // RFC 9110 §5.6.7: more than 50 years ahead means the most recent past year with those digits.
        "'Wednesday, 01-Jan-70 00:00:00 GMT', 2070-01-01T00:00:00Z",
        "'Tuesday, 01-Jan-75 00:00:00 GMT', 2075-01-01T00:00:00Z",
        "'Thursday, 01-Jan-76 00:00:00 GMT', 1976-01-01T00:00:00Z",
        "'Saturday, 01-Jan-00 00:00:00 GMT', 2000-01-01T00:00:00Z",
        "'Friday, 31-Dec-99 23:59:59 GMT', 1999-12-31T23:59:59Z"})
    void shouldReadATwoDigitYearWithinFiftyYearsOfNow(String text, String expected) {
        assertEquals(Instant.parse(expected), HttpDate.parse(text, NOW));
    }

    @Test
    void shouldReadALeapSecondAsTheSecondBefore() {
        // time-of-day allows 23:59:60; an Instant does not.
        assertEquals(Instant.parse("2016-12-31T23:59:59Z"), HttpDate.parse("Sat, 31 Dec 2016 23:59:60 GMT", NOW));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "garbage", "sun, 06 Nov 1994 08:49:37 GMT", "Sun, 06 nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 gmt", "Sun, 06 Nov 1994 08:49:37 UTC", "Sun, 6 Nov 1994 08:49:37 GMT",
        "Sun,  06 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 94 08:49:37 GMT", "Mon, 06 Nov 1994 08:49:37 GMT",
        "Sun, 30 Feb 1994 08:49:37 GMT", "Sun, 00 Nov 1994 08:49:37 GMT", "Sun, 06 Nov 1994 24:00:00 GMT",
        "Sun, 06 Nov 1994 08:60:00 GMT", "Sun, 06 Nov 1994 08:49:61 GMT", "Sun, 06 Nov 1994 08.49.37 GMT",
        "Sun, 06 Nov 1994 08:49:37 GMT+1", "Sun, 06 Nov 1994 8:49:37 GMT ", "Sun, 06 Xyz 1994 08:49:37 GMT",
        "Sunday, 06-Nov-1994 08:49:37 GMT", "Sun, 06-Nov-94 08:49:37 GMT", "Monday, 06-Nov-94 08:49:37 GMT",
        "Sunday, 06 Nov 94 08:49:37 GMT", "Sun Nov 6 08:49:37 1994", "Sun Nov  6 08:49:37 94",
        "Sun Nov  6 08:49:37 1994 GMT", "Mon Nov  6 08:49:37 1994", "1994-11-06T08:49:37Z", "784111777",
        "Sun, 06 Nov 1994 08:49:37 GMT, Sun, 06 Nov 1994 08:49:37 GMT", "Sun, ab Nov 1994 08:49:37 GMT"})
    void shouldAnswerNullForWhatIsNotAnHttpDate(String text) {
        // HTTP-date is case-sensitive, its spaces single and fixed, its date a real one.
        assertNull(HttpDate.parse(text, NOW), text);
    }

    @Test
    void shouldAnswerNullForNull() {
        assertNull(HttpDate.parse(null));
    }
}
