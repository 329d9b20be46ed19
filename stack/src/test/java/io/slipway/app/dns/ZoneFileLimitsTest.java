package io.slipway.app.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.slipway.socket.dns.DnsName;
import org.junit.jupiter.api.Test;

/** The limits that keep a hostile file from exhausting memory: each is reported, with its line. */
class ZoneFileLimitsTest {
    private static final DnsName ORIGIN = DnsName.parse("example.test.");

    private static String error(String text) {
        return assertThrows(ZoneFileException.class, () -> ZoneFileParser.parse("t.zone", text, ORIGIN)).getMessage();
    }

    @Test
    void shouldAcceptALineAtTheLimit() throws ZoneFileException {
        String line = "a 1 A 10.0.0.1 ;" + "x".repeat(ZoneFileParser.MAX_LINE_LENGTH - 16);
        assertEquals(ZoneFileParser.MAX_LINE_LENGTH, line.length());
        assertEquals(1, ZoneFileParser.parse("t.zone", line + "\n", ORIGIN).records().size());
    }

    @Test
    void shouldRejectALineOverTheLimit() {
        String line = "a 1 A 10.0.0.1 ;" + "x".repeat(ZoneFileParser.MAX_LINE_LENGTH - 15);
        assertEquals("t.zone:2: a line is longer than 65536 characters", error("$TTL 1\n" + line + "\n"));
    }

    @Test
    void shouldRejectMoreRecordsThanTheLimit() {
        StringBuilder text = new StringBuilder("$TTL 1\na A 10.0.0.1\n");
        for (int i = 1; i <= ZoneFileParser.MAX_RECORDS; i++) {
            text.append("  A 10.0.0.1\n");
        }
        assertEquals("t.zone:100002: more than 100000 records in one file", error(text.toString()));
    }

    @Test
    void shouldRejectAFileOverTheLimit() {
        String comment = ";" + "x".repeat(1023) + "\n";
        String text = comment.repeat(ZoneFileParser.MAX_TEXT_LENGTH / comment.length() + 1);
        int line = ZoneFileParser.MAX_TEXT_LENGTH / comment.length() + 1;
        assertEquals("t.zone:" + line + ": the file is longer than 33554432 characters", error(text));
    }

    @Test
    void shouldRejectAnEntryWithTooManyFields() {
        String text = "t 1 TXT (\n" + "x\n".repeat(ZoneFileParser.MAX_ENTRY_FIELDS) + ")\n";
        assertEquals("t.zone:1: an entry has more than 65536 fields", error(text));
    }

    @Test
    void shouldRejectTxtDataOverTheRdataLimit() {
        String strings = ("\"" + "x".repeat(254) + "\"\n").repeat(258);
        assertEquals("t.zone:1: TXT data longer than 65535 octets", error("t 1 TXT ( " + strings + " )\n"));
    }
}
