package io.slipway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The summary against Linux ping's. The round trips below were printed by iputils 20221126 on
 * this machine ({@code ping -c 3 127.0.0.1}, {@code ping -c 7 -i 0.01 127.0.0.1}); under a
 * millisecond iputils prints every microsecond, so they are its exact inputs and the expected
 * lines are its exact output.
 */
class PingStatisticsTest {
    private static final long MS = 1_000_000L;

    @Test
    void shouldSummariseLikeLinuxForThreeReplies() {
        PingStatistics stats = replies(32, 63, 49);

        assertEquals(List.of("",
                "--- 127.0.0.1 ping statistics ---",
                "3 packets transmitted, 3 received, 0% packet loss, time 2042ms",
                "rtt min/avg/max/mdev = 0.032/0.048/0.063/0.012 ms"),
                stats.summary("127.0.0.1", 2042 * MS));
    }

    @Test
    void shouldSummariseLikeLinuxForSevenReplies() {
        PingStatistics stats = replies(46, 62, 62, 50, 53, 59, 54);

        assertEquals(List.of("",
                "--- 127.0.0.1 ping statistics ---",
                "7 packets transmitted, 7 received, 0% packet loss, time 93ms",
                "rtt min/avg/max/mdev = 0.046/0.055/0.062/0.005 ms"),
                stats.summary("127.0.0.1", 93 * MS));
    }

    @Test
    void shouldTakeMdevAsThePopulationStandardDeviation() {
        // 7.912 and 8.120 ms: the mean is 8.016, each is 0.104 from it; a sample standard
        // deviation would say 0.147.
        PingStatistics stats = new PingStatistics();
        stats.sent(1);
        stats.replied(1, 7_912);
        stats.sent(2);
        stats.sent(3);
        stats.replied(3, 8_120);

        assertEquals(List.of("",
                "--- 10.77.0.1 ping statistics ---",
                "3 packets transmitted, 2 received, 33.3333% packet loss, time 2003ms",
                "rtt min/avg/max/mdev = 7.912/8.016/8.120/0.104 ms"),
                stats.summary("10.77.0.1", 2_003_400_000L));
    }

    @Test
    void shouldEndWithAnEmptyLineAndShowErrorsWhenNothingCameBack() {
        // Linux: ping -c 2 -i 0.2 -W 1 to an address whose router answers "port unreachable".
        PingStatistics stats = new PingStatistics();
        stats.sent(1);
        stats.error(1);
        stats.sent(2);
        stats.error(2);

        assertEquals(List.of("",
                "--- 10.254.254.254 ping statistics ---",
                "2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 201ms",
                ""),
                stats.summary("10.254.254.254", 201 * MS));
    }

    @Test
    void shouldCountADuplicateInTheRoundTripsButNotAsReceived() {
        PingStatistics stats = new PingStatistics();
        stats.sent(1);
        assertFalse(stats.replied(1, 1_000));
        assertTrue(stats.replied(1, 3_000));

        assertEquals(1, stats.received());
        assertEquals(1, stats.duplicates());
        // iputils divides by replies plus duplicates: avg 2 ms, mdev 1 ms.
        assertEquals("1 packets transmitted, 1 received, +1 duplicates, 0% packet loss, time 0ms",
                stats.summary("h", 0).get(2));
        assertEquals("rtt min/avg/max/mdev = 1.000/2.000/3.000/1.000 ms", stats.summary("h", 0).get(3));
    }

    @Test
    void shouldShowThePipeWhenRequestsOverlap() {
        // Requests every 0.2 s, round trips of 0.5 s: three requests are out when a reply comes.
        PingStatistics stats = new PingStatistics();
        stats.sent(1);
        stats.sent(2);
        stats.sent(3);
        stats.replied(1, 500_000);

        assertEquals("rtt min/avg/max/mdev = 500.000/500.000/500.000/0.000 ms, pipe 3", stats.summary("h", 0).get(3));
    }

    @Test
    void shouldPrintNoRoundTripsWhenRepliesCarryNoTime() {
        // Linux: ping -s 4 prints no times and no rtt line.
        PingStatistics stats = new PingStatistics();
        stats.sent(1);
        stats.replied(1, -1);

        assertEquals("", stats.summary("h", 0).get(3));
        assertEquals("1 packets transmitted, 1 received, 0% packet loss, time 0ms", stats.summary("h", 0).get(2));
    }

    @Test
    void shouldRoundTheElapsedTimeToTheNearestMillisecond() {
        PingStatistics stats = new PingStatistics();
        stats.sent(1);

        assertTrue(stats.summary("h", 1_499_999).get(2).endsWith("time 1ms"));
        assertTrue(stats.summary("h", 1_500_000).get(2).endsWith("time 2ms"));
    }

    @Test
    void shouldLeaveOutLossAndTimeWhenNothingWasSent() {
        assertEquals("0 packets transmitted, 0 received", new PingStatistics().summary("h", 0).get(2));
    }

    @Test
    void shouldForgetAnAnswerWhenItsSequenceNumberComesRoundAgain() {
        PingStatistics stats = new PingStatistics();
        stats.sent(1);
        stats.replied(1, 10);
        stats.sent(1 + 65_536); // the same 16-bit number, 65 536 requests later

        assertFalse(stats.replied(1, 10));
        assertEquals(2, stats.received());
    }

    @Test
    void shouldTakeIntegerSquareRootsAsIputilsDoes() {
        assertEquals(0, PingStatistics.integerSquareRoot(0));
        assertEquals(1, PingStatistics.integerSquareRoot(2));
        assertEquals(2, PingStatistics.integerSquareRoot(3)); // iputils' last Newton step lands above
        assertEquals(12, PingStatistics.integerSquareRoot(160));
        assertEquals(15, PingStatistics.integerSquareRoot(225));
        assertEquals(1_000_000, PingStatistics.integerSquareRoot(1_000_000_000_000L));
    }

    /** One request and its reply per round trip, in order. */
    private static PingStatistics replies(long... micros) {
        PingStatistics stats = new PingStatistics();
        for (int i = 0; i < micros.length; i++) {
            stats.sent(i + 1);
            stats.replied(i + 1, micros[i]);
        }
        return stats;
    }
}
