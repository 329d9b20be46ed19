package io.slipway.app.http;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * HTTP-date (RFC 9110 §5.6.7): written as IMF-fixdate, read in all three forms.
 *
 * <pre>
 *   IMF-fixdate  = day-name "," SP day SP month SP year SP time-of-day SP "GMT"
 *                  Sun, 06 Nov 1994 08:49:37 GMT
 *   rfc850-date  = day-name-l "," SP day "-" month "-" 2DIGIT SP time-of-day SP "GMT"
 *                  Sunday, 06-Nov-94 08:49:37 GMT
 *   asctime-date = day-name SP month SP ( 2DIGIT / ( SP DIGIT ) ) SP time-of-day SP year
 *                  Sun Nov  6 08:49:37 1994
 * </pre>
 *
 * Parsing is exact, as the grammar: case-sensitive (§5.6.7 "HTTP-date is case sensitive"),
 * single spaces, a real calendar date whose day name is its weekday, hours 00-23 and minutes
 * 00-59; a leap second (:60) is read as :59, since an {@link Instant} has none.
 */
public final class HttpDate {
    private static final List<String> DAY_NAMES = List.of("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun");
    private static final List<String> LONG_DAY_NAMES = List.of("Monday", "Tuesday", "Wednesday", "Thursday",
            "Friday", "Saturday", "Sunday");
    private static final List<String> MONTHS = List.of("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug",
            "Sep", "Oct", "Nov", "Dec");

    private HttpDate() {
    }

    /**
     * IMF-fixdate, to the second: {@code Sun, 06 Nov 1994 08:49:37 GMT}.
     *
     * @throws IllegalArgumentException for a time outside the years 0000 to 9999 (year = 4DIGIT)
     */
    public static String format(Instant t) {
        ZonedDateTime z = t.atZone(ZoneOffset.UTC);
        if (z.getYear() < 0 || z.getYear() > 9999) {
            throw new IllegalArgumentException("year outside 0000..9999: " + t);
        }
        return DAY_NAMES.get(z.getDayOfWeek().getValue() - 1) + ", " + twoDigits(z.getDayOfMonth()) + " "
                + MONTHS.get(z.getMonthValue() - 1) + " " + String.format(Locale.ROOT, "%04d", z.getYear()) + " "
                + twoDigits(z.getHour()) + ":" + twoDigits(z.getMinute()) + ":" + twoDigits(z.getSecond()) + " GMT";
    }

    /**
     * Any of the three forms; a two-digit RFC 850 year is read relative to the current year (see
     * {@link #parse(String, Instant)}).
     *
     * @return the instant, or null when {@code text} is null or not an HTTP-date
     */
    public static Instant parse(String text) {
        return parse(text, Instant.now());
    }

    /**
     * Any of the three forms. RFC 9110 §5.6.7: a two-digit year that would be more than 50
     * years after {@code now} is the most recent past year with those digits; this takes the
     * year with those digits from 49 years before the year of {@code now} to 50 after it.
     *
     * @return the instant, or null when {@code text} is null or not an HTTP-date
     */
    public static Instant parse(String text, Instant now) {
        Objects.requireNonNull(now, "now");
        if (text == null) {
            return null;
        }
        String s = HttpSyntax.trimWhitespace(text);
        if (s.length() == 29 && s.charAt(3) == ',') {
            return imfFixdate(s);
        }
        int comma = s.indexOf(',');
        if (comma > 3) {
            return rfc850(s, comma, now.atZone(ZoneOffset.UTC).getYear());
        }
        if (s.length() == 24) {
            return asctime(s);
        }
        return null;
    }

    /** {@code Sun, 06 Nov 1994 08:49:37 GMT}. */
    private static Instant imfFixdate(String s) {
        if (!s.startsWith(", ", 3) || s.charAt(7) != ' ' || s.charAt(11) != ' ' || s.charAt(16) != ' '
                || !s.startsWith(" GMT", 25)) {
            return null;
        }
        return instant(DAY_NAMES.indexOf(s.substring(0, 3)), digits(s, 12, 4), MONTHS.indexOf(s.substring(8, 11)),
                digits(s, 5, 2), s, 17);
    }

    /** {@code Sunday, 06-Nov-94 08:49:37 GMT}. */
    private static Instant rfc850(String s, int comma, int currentYear) {
        String rest = s.substring(comma);
        if (rest.length() != 24 || !rest.startsWith(", ") || rest.charAt(4) != '-' || rest.charAt(8) != '-'
                || rest.charAt(11) != ' ' || !rest.endsWith(" GMT")) {
            return null;
        }
        int twoDigitYear = digits(rest, 9, 2);
        if (twoDigitYear < 0) {
            return null;
        }
        int year = currentYear - Math.floorMod(currentYear - twoDigitYear, 100);
        if (year <= currentYear - 50) {
            year += 100;
        }
        return instant(LONG_DAY_NAMES.indexOf(s.substring(0, comma)), year, MONTHS.indexOf(rest.substring(5, 8)),
                digits(rest, 2, 2), rest, 12);
    }

    /** {@code Sun Nov  6 08:49:37 1994}: the day is two digits or SP and one. */
    private static Instant asctime(String s) {
        if (s.charAt(3) != ' ' || s.charAt(7) != ' ' || s.charAt(10) != ' ' || s.charAt(19) != ' ') {
            return null;
        }
        int day = s.charAt(8) == ' ' ? digits(s, 9, 1) : digits(s, 8, 2);
        return instant(DAY_NAMES.indexOf(s.substring(0, 3)), digits(s, 20, 4), MONTHS.indexOf(s.substring(4, 7)),
                day, s, 11);
    }

    /** The instant of a date and the {@code HH:MM:SS} at {@code timeAt}; null when any part is invalid. */
    private static Instant instant(int dayName, int year, int month, int day, String s, int timeAt) {
        if (dayName < 0 || year < 0 || month < 0 || day < 1 || s.charAt(timeAt + 2) != ':'
                || s.charAt(timeAt + 5) != ':') {
            return null;
        }
        int hour = digits(s, timeAt, 2);
        int minute = digits(s, timeAt + 3, 2);
        int second = digits(s, timeAt + 6, 2);
        if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) {
            return null;
        }
        if (day > LocalDate.of(year, month + 1, 1).lengthOfMonth()) {
            return null;
        }
        LocalDate date = LocalDate.of(year, month + 1, day);
        if (date.getDayOfWeek() != DayOfWeek.of(dayName + 1)) {
            return null;
        }
        return LocalDateTime.of(date, LocalTime.of(hour, minute, Math.min(second, 59)))
                .toInstant(ZoneOffset.UTC);
    }

    /** The decimal value of {@code count} digits at {@code at}, or -1. */
    private static int digits(String s, int at, int count) {
        int v = 0;
        for (int i = at; i < at + count; i++) {
            char c = s.charAt(i);
            if (!HttpSyntax.isDigit(c)) {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static String twoDigits(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }
}
