package io.slipway.hal.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A serial port opened through jSerialComm: a USB-serial adapter, a UART, or a pseudo-terminal
 * (e.g. one end of a {@code socat} pty pair, reached through the symlink socat made).
 *
 * <p>The port is set to 8 data bits, no parity, 1 stop bit and no flow control (SLIP, RFC 1055,
 * assumes an 8-bit clean line and has no flow control of its own), and to jSerialComm's
 * semi-blocking reads: a read returns as soon as some bytes are there, or with 0 after the read
 * timeout. Reads go straight into the caller's array; jSerialComm's data listener is not used
 * because it allocates a new event per callback (and a new array per event when it delivers data).
 *
 * <p>jSerialComm 2.11.2 behaviour this class relies on, seen on Linux with socat ptys (see
 * docs/hardware-in-the-loop.md):
 * <ul>
 *   <li>{@link SerialPort#closePort()} from another thread makes a blocked read return -1 and a
 *       blocked write fail, so {@link #close()} unblocks both directions.
 *   <li>The read timeout has a granularity of 100 ms (it becomes the termios VTIME, in tenths of
 *       a second): a 50 ms timeout waits 100 ms.
 *   <li>A read racing with close may return 0 rather than -1; this class reports -1 once closed.
 *   <li>A second open of a port already open in this JVM fails with error code 2, whatever the
 *       lock setting; the exclusive lock ({@code flock}) only keeps other processes out.
 *   <li>Per jSerialComm's native source, closing flushes ({@code tcflush(TCIOFLUSH)}) what the
 *       kernel still held for sending: close a real port only once the peer has what it needs.
 * </ul>
 */
public final class JSerialCommLine implements SerialLine {

    /**
     * How to open a port.
     *
     * @param baudRate line speed in bits per second (ignored by pseudo-terminals)
     * @param exclusiveLock take jSerialComm's exclusive {@code flock} on the device, so that a
     *     second process cannot open it too; turn it off for a pseudo-terminal that another program
     *     (a test's bridge, {@code slattach}) also has open
     * @param readTimeoutMillis how long a read waits for a first byte (at least 100 ms in effect)
     */
    public record Options(int baudRate, boolean exclusiveLock, int readTimeoutMillis) {
        /** 115200 baud, exclusive lock, 100 ms read timeout. */
        public static final Options DEFAULT = new Options(115_200, true, 100);

        public Options {
            if (baudRate <= 0) {
                throw new IllegalArgumentException("baud rate must be positive: " + baudRate);
            }
            if (readTimeoutMillis <= 0) {
                // 0 means "block until a byte comes" to jSerialComm; a reader's wait must be bounded.
                throw new IllegalArgumentException("read timeout must be positive: " + readTimeoutMillis);
            }
        }

        public Options withBaudRate(int baudRate) {
            return new Options(baudRate, exclusiveLock, readTimeoutMillis);
        }

        public Options withExclusiveLock(boolean exclusiveLock) {
            return new Options(baudRate, exclusiveLock, readTimeoutMillis);
        }

        public Options withReadTimeoutMillis(int readTimeoutMillis) {
            return new Options(baudRate, exclusiveLock, readTimeoutMillis);
        }
    }

    private final SerialPort port;
    private final String name;
    private final String path;
    private volatile boolean closed;

    private JSerialCommLine(SerialPort port, String name, String path) {
        this.port = port;
        this.name = name;
        this.path = path;
    }

    /** Opens {@code path} with {@link Options#DEFAULT}. */
    public static JSerialCommLine open(String path) throws IOException {
        return open(path, Options.DEFAULT);
    }

    /**
     * Opens the port at {@code path}: a device such as {@code /dev/ttyUSB0}, a symlink to one (such
     * as {@code /dev/serial/by-id/...} or the link a {@code socat pty,link=...} address makes), or a
     * bare name jSerialComm knows ({@code ttyUSB0}, {@code COM3}).
     *
     * @throws IOException with a one-line message naming the port and the reason when it cannot be
     *     opened (missing, permission denied, in use, not a terminal)
     */
    public static JSerialCommLine open(String path, Options options) throws IOException {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(options, "options");
        Path given = Path.of(path);
        String device;
        if (isBareName(path) && !Files.exists(given)) {
            // "ttyUSB0" or "COM3": jSerialComm looks it up in /dev (or among COM ports) itself.
            device = path;
        } else {
            try {
                // jSerialComm resolves links too, but turns a path it cannot find into
                // "/dev/<name>" and reports that; resolving here keeps the error about the user's path.
                device = given.toRealPath().toString();
            } catch (NoSuchFileException e) {
                throw new IOException(describe(path, null) + ": no such device");
            }
            if (Files.isDirectory(Path.of(device))) {
                throw new IOException(describe(path, device) + ": is a directory, not a serial device");
            }
        }
        SerialPort port;
        try {
            port = SerialPort.getCommPort(device);
        } catch (SerialPortInvalidPortException e) {
            throw new IOException(describe(path, null) + ": no such device");
        }
        port.setComPortParameters(options.baudRate(), 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, options.readTimeoutMillis(), 0);
        if (!options.exclusiveLock()) {
            port.disableExclusiveLock();
        }
        if (!port.openPort()) {
            throw new IOException(describe(path, device) + ": " + reason(port.getLastErrorCode(), options));
        }
        String name = given.getFileName() == null ? path : given.getFileName().toString();
        return new JSerialCommLine(port, name, path);
    }

    @Override
    public String name() {
        return name;
    }

    /** The path the port was opened by. */
    public String path() {
        return path;
    }

    @Override
    public int read(byte[] dst, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, dst.length);
        if (closed) {
            return -1;
        }
        // jSerialComm's argument order is (buffer, bytesToRead, offset).
        int n = port.readBytes(dst, len, off);
        if (closed) {
            return n > 0 ? n : -1;
        }
        if (n < 0) {
            throw new IOException(name + ": read failed (" + errno(port.getLastErrorCode()) + ")");
        }
        return n;
    }

    @Override
    public void write(byte[] src, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, src.length);
        while (len > 0) {
            if (closed) {
                throw new IOException(name + ": closed");
            }
            int n = port.writeBytes(src, len, off);
            if (n <= 0) {
                throw new IOException(closed ? name + ": closed"
                        : name + ": write failed (" + errno(port.getLastErrorCode()) + ")");
            }
            off += n;
            len -= n;
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        port.closePort();
    }

    @Override
    public String toString() {
        return name + " (" + path + ")";
    }

    private static boolean isBareName(String path) {
        return path.indexOf('/') < 0 && path.indexOf('\\') < 0;
    }

    private static String describe(String path, String device) {
        return "cannot open serial port " + path + (device == null || device.equals(path) ? "" : " (" + device + ")");
    }

    /** Linux errno values jSerialComm reports when opening fails. */
    private static String reason(int code, Options options) {
        switch (code) {
            case 1: // EPERM
            case 13: // EACCES
                return "permission denied (add the user to the group owning the device, e.g. dialout)";
            case 2: // jSerialComm: the port is already open in this process (we checked it exists)
                return "already open in this process";
            case 11: // EAGAIN/EWOULDBLOCK from flock(LOCK_EX | LOCK_NB)
                return "in use: another process holds its exclusive lock"
                        + (options.exclusiveLock() ? "" : " (lock disabled here)");
            case 16: // EBUSY
                return "device busy";
            case 5: // EIO
            case 6: // ENXIO
                return "device not present (" + errno(code) + ")";
            case 25: // ENOTTY from tcsetattr
                return "not a terminal device";
            default:
                return "open failed (" + errno(code) + ")";
        }
    }

    private static String errno(int code) {
        return "errno " + code;
    }
}
