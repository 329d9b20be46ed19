package io.slipway.app.dns;

/**
 * Records that do not make a valid zone, found by {@link ZoneIndex}: which record is to blame (so
 * that a zone file's error can name its line) and what is wrong. {@link Zone} turns it into a
 * {@link ZoneFileException} or an {@link IllegalArgumentException}.
 */
final class ZoneProblem extends Exception {
    private final int recordIndex;

    /** @param recordIndex the record to blame, or -1 for the zone as a whole (it has no records) */
    ZoneProblem(int recordIndex, String message) {
        super(message);
        this.recordIndex = recordIndex;
    }

    int recordIndex() {
        return recordIndex;
    }
}
