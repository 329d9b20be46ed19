package io.slipway.socket.dns;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A domain name (RFC 1035 §3.1): a sequence of labels, leftmost first, ending at the root.
 * Immutable. Labels are octet strings of 1..63 bytes and the whole name is at most 255 bytes on
 * the wire (length bytes and the root's zero included); both limits are checked here, so a
 * {@code DnsName} always fits a message.
 *
 * <p>Comparison ignores ASCII case and nothing else (RFC 4343 §3): {@code WWW.Example.TEST.}
 * equals {@code www.example.test.}. The text form is absolute, with a trailing dot, and escapes
 * what RFC 1035 §5.1 says a master file must ({@code \.}, {@code \\}, {@code \DDD}).
 */
public final class DnsName {
    public static final int MAX_LABEL_LENGTH = 63;
    public static final int MAX_WIRE_LENGTH = 255;
    public static final DnsName ROOT = new DnsName(new byte[0][]);

    /** Labels, leftmost first, as given (case kept for output). */
    private final byte[][] labels;
    private final int hash;

    private DnsName(byte[][] labels) {
        this.labels = labels;
        int h = 1;
        for (byte[] label : labels) {
            for (byte b : label) {
                h = 31 * h + lower(b);
            }
            h = 31 * h + 0x2E;
        }
        this.hash = h;
    }

    /**
     * A name from its labels, leftmost first; each is copied.
     *
     * @throws IllegalArgumentException for an empty label, a label over 63 bytes or a name over
     *     255 bytes on the wire
     */
    public static DnsName of(byte[]... labels) {
        byte[][] copy = new byte[labels.length][];
        int wire = 1;
        for (int i = 0; i < labels.length; i++) {
            copy[i] = checkLabel(labels[i].clone());
            wire += 1 + copy[i].length;
        }
        checkWireLength(wire);
        return new DnsName(copy);
    }

    /**
     * Parses the text form: {@code www.example.test} or {@code www.example.test.} (the same
     * absolute name; relative names are the zone file parser's business), {@code .} or the empty
     * string for the root. {@code \.} and {@code \\} escape a character, {@code \DDD} gives an
     * octet by its decimal value.
     *
     * @throws IllegalArgumentException naming what is wrong: an empty label ({@code a..b}), a
     *     label over 63 bytes, a name over 255 bytes, a bad escape
     */
    public static DnsName parse(String text) {
        if (text.isEmpty() || text.equals(".")) {
            return ROOT;
        }
        java.util.List<byte[]> out = new java.util.ArrayList<>();
        java.io.ByteArrayOutputStream label = new java.io.ByteArrayOutputStream();
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '.') {
                if (label.size() == 0) {
                    throw new IllegalArgumentException("empty label in name: " + text);
                }
                out.add(label.toByteArray());
                label.reset();
                i++;
                continue;
            }
            if (c == '\\') {
                if (i + 1 >= n) {
                    throw new IllegalArgumentException("name ends in a lone backslash: " + text);
                }
                char d = text.charAt(i + 1);
                if (isAsciiDigit(d)) {
                    if (i + 4 > n || !isAsciiDigit(text.charAt(i + 2)) || !isAsciiDigit(text.charAt(i + 3))) {
                        throw new IllegalArgumentException("\\DDD escape needs three digits: " + text);
                    }
                    int v = Integer.parseInt(text.substring(i + 1, i + 4));
                    if (v > 255) {
                        throw new IllegalArgumentException("\\" + v + " is not an octet: " + text);
                    }
                    label.write(v);
                    i += 4;
                } else {
                    if (d > 0xFF) {
                        throw new IllegalArgumentException("not an ASCII name (use punycode): " + text);
                    }
                    label.write(d);
                    i += 2;
                }
                continue;
            }
            if (c > 0xFF) {
                throw new IllegalArgumentException("not an ASCII name (use punycode): " + text);
            }
            label.write(c);
            i++;
        }
        if (label.size() > 0) {
            out.add(label.toByteArray());
        }
        return of(out.toArray(new byte[0][]));
    }

    /** {@code \DDD} takes ASCII digits only ({@link Character#isDigit} also accepts other scripts' digits). */
    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static byte[] checkLabel(byte[] label) {
        if (label.length == 0) {
            throw new IllegalArgumentException("empty label");
        }
        if (label.length > MAX_LABEL_LENGTH) {
            throw new IllegalArgumentException("label of " + label.length + " bytes, more than "
                    + MAX_LABEL_LENGTH + " (RFC 1035 §2.3.4): "
                    + new String(label, 0, Math.min(label.length, 20), StandardCharsets.ISO_8859_1) + "...");
        }
        return label;
    }

    private static void checkWireLength(int wire) {
        if (wire > MAX_WIRE_LENGTH) {
            throw new IllegalArgumentException("name of " + wire + " bytes on the wire, more than "
                    + MAX_WIRE_LENGTH + " (RFC 1035 §2.3.4)");
        }
    }

    public boolean isRoot() {
        return labels.length == 0;
    }

    public int labelCount() {
        return labels.length;
    }

    /** Label {@code i}, leftmost first; a copy. */
    public byte[] label(int i) {
        return labels[i].clone();
    }

    /** Label {@code i} as text (one character per octet), unescaped. */
    public String labelText(int i) {
        return new String(labels[i], StandardCharsets.ISO_8859_1);
    }

    /** Bytes on the wire without compression: a length byte per label, the labels, the root's 0. */
    public int wireLength() {
        int n = 1;
        for (byte[] label : labels) {
            n += 1 + label.length;
        }
        return n;
    }

    /** The name with its leftmost label removed: {@code example.test.} of {@code www.example.test.}. */
    public DnsName parent() {
        if (labels.length == 0) {
            throw new IllegalStateException("the root has no parent");
        }
        return new DnsName(Arrays.copyOfRange(labels, 1, labels.length));
    }

    /** The last {@code count} labels: {@code suffix(1)} of {@code www.example.test.} is {@code test.}. */
    public DnsName suffix(int count) {
        if (count < 0 || count > labels.length) {
            throw new IllegalArgumentException("no suffix of " + count + " labels in " + this);
        }
        return new DnsName(Arrays.copyOfRange(labels, labels.length - count, labels.length));
    }

    /** {@code label} in front of this name: {@code www} and {@code example.test.} make {@code www.example.test.}. */
    public DnsName child(String label) {
        return concat(parse(label), this);
    }

    /** {@code relative}'s labels followed by {@code origin}'s: a relative name made absolute. */
    public static DnsName concat(DnsName relative, DnsName origin) {
        byte[][] all = new byte[relative.labels.length + origin.labels.length][];
        System.arraycopy(relative.labels, 0, all, 0, relative.labels.length);
        System.arraycopy(origin.labels, 0, all, relative.labels.length, origin.labels.length);
        checkWireLength(relative.wireLength() - 1 + origin.wireLength());
        return new DnsName(all);
    }

    /** True when this name is {@code ancestor} or below it (RFC 1034 §3.1: "subdomain"). */
    public boolean isSubdomainOf(DnsName ancestor) {
        int skip = labels.length - ancestor.labels.length;
        if (skip < 0) {
            return false;
        }
        for (int i = 0; i < ancestor.labels.length; i++) {
            if (!labelEquals(labels[skip + i], ancestor.labels[i])) {
                return false;
            }
        }
        return true;
    }

    /** Labels this name and {@code other} share at their right end (the root not counted). */
    public int commonSuffixLabels(DnsName other) {
        int n = 0;
        int i = labels.length - 1;
        int j = other.labels.length - 1;
        while (i >= 0 && j >= 0 && labelEquals(labels[i], other.labels[j])) {
            n++;
            i--;
            j--;
        }
        return n;
    }

    /** The same name in lower case: the form a cache keys on and a comparison sees. */
    public DnsName toLowerCase() {
        byte[][] lower = new byte[labels.length][];
        for (int i = 0; i < labels.length; i++) {
            lower[i] = labels[i].clone();
            for (int k = 0; k < lower[i].length; k++) {
                lower[i][k] = (byte) lower(lower[i][k]);
            }
        }
        return new DnsName(lower);
    }

    static boolean labelEquals(byte[] a, byte[] b) {
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (lower(a[i]) != lower(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static int lower(byte b) {
        return b >= 'A' && b <= 'Z' ? b + 32 : b & 0xFF;
    }

    /**
     * The decoder's constructor: {@code labels} read off the wire (1..63 bytes each, which the
     * length byte's six bits guarantee), in front of {@code tail}. The arrays are taken, not
     * copied: the caller made them and lets them go.
     *
     * @throws IllegalArgumentException when the whole name is over 255 bytes on the wire
     */
    static DnsName prepend(java.util.List<byte[]> labels, DnsName tail) {
        if (labels.isEmpty()) {
            return tail;
        }
        byte[][] all = new byte[labels.size() + tail.labels.length][];
        int wire = tail.wireLength();
        for (int i = 0; i < labels.size(); i++) {
            all[i] = checkLabel(labels.get(i));
            wire += 1 + all[i].length;
        }
        System.arraycopy(tail.labels, 0, all, labels.size(), tail.labels.length);
        checkWireLength(wire);
        return new DnsName(all);
    }

    /** Raw label bytes for the codec, not copied: callers must not change them. */
    byte[] labelBytes(int i) {
        return labels[i];
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof DnsName other) || other.labels.length != labels.length || other.hash != hash) {
            return false;
        }
        for (int i = 0; i < labels.length; i++) {
            if (!labelEquals(labels[i], other.labels[i])) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int hashCode() {
        return hash;
    }

    /** The absolute text form, {@code www.example.test.}; the root is {@code .}. */
    @Override
    public String toString() {
        if (labels.length == 0) {
            return ".";
        }
        StringBuilder s = new StringBuilder();
        for (byte[] label : labels) {
            for (byte b : label) {
                int v = b & 0xFF;
                if (v == '.' || v == '\\') {
                    s.append('\\').append((char) v);
                } else if (v <= 0x20 || v >= 0x7F) {
                    s.append('\\').append(String.format(java.util.Locale.ROOT, "%03d", v));
                } else {
                    s.append((char) v);
                }
            }
            s.append('.');
        }
        return s.toString();
    }
}
