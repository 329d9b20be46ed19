package io.slipway.hal.pcap;

import java.io.IOException;
import java.io.OutputStream;

/** A capture file whose disk fills up: takes {@code limit} bytes, then every write fails. */
final class FailingStream extends OutputStream {
    private final int limit;
    private int written;
    int writesAfterFailure;
    int closes;

    FailingStream(int limit) {
        this.limit = limit;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (written + len > limit) {
            writesAfterFailure++;
            throw new IOException("No space left on device");
        }
        written += len;
    }

    @Override
    public void close() {
        closes++;
    }
}
