package io.slipway.socket.dns;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The data of a resource record (RFC 1035 §3.3), one record type per variant. Types slipway does
 * not interpret travel as {@link Unknown}: their bytes, kept as they came (RFC 3597 §2).
 */
public sealed interface RData {
    /** The record type this data belongs to. */
    int type();

    /** RFC 1035 §3.4.1: a host address, as an {@code int} in network order. */
    record A(int address) implements RData {
        @Override
        public int type() {
            return DnsType.A;
        }

        @Override
        public String toString() {
            return (address >>> 24) + "." + ((address >>> 16) & 0xFF) + "." + ((address >>> 8) & 0xFF) + "."
                    + (address & 0xFF);
        }
    }

    /** RFC 1035 §3.3.11: an authoritative name server for the owner's zone. */
    record Ns(DnsName host) implements RData {
        public Ns {
            Objects.requireNonNull(host, "host");
        }

        @Override
        public int type() {
            return DnsType.NS;
        }

        @Override
        public String toString() {
            return host.toString();
        }
    }

    /** RFC 1035 §3.3.1: the owner is an alias for {@code target}. */
    record Cname(DnsName target) implements RData {
        public Cname {
            Objects.requireNonNull(target, "target");
        }

        @Override
        public int type() {
            return DnsType.CNAME;
        }

        @Override
        public String toString() {
            return target.toString();
        }
    }

    /** RFC 1035 §3.3.12: a domain name pointer (reverse lookups). */
    record Ptr(DnsName target) implements RData {
        public Ptr {
            Objects.requireNonNull(target, "target");
        }

        @Override
        public int type() {
            return DnsType.PTR;
        }

        @Override
        public String toString() {
            return target.toString();
        }
    }

    /** RFC 1035 §3.3.9: a mail exchange and its preference (lower is preferred). */
    record Mx(int preference, DnsName exchange) implements RData {
        public Mx {
            Question.checkU16(preference, "MX preference");
            Objects.requireNonNull(exchange, "exchange");
        }

        @Override
        public int type() {
            return DnsType.MX;
        }

        @Override
        public String toString() {
            return preference + " " + exchange;
        }
    }

    /**
     * RFC 1035 §3.3.13: the start of a zone of authority. The 32-bit fields are unsigned, held in
     * {@code long}s; {@code minimum} is the negative-caching TTL (RFC 2308 §4).
     */
    record Soa(DnsName mname, DnsName rname, long serial, long refresh, long retry, long expire, long minimum)
            implements RData {
        public Soa {
            Objects.requireNonNull(mname, "mname");
            Objects.requireNonNull(rname, "rname");
            for (long v : new long[] {serial, refresh, retry, expire, minimum}) {
                if (v < 0 || v > 0xFFFF_FFFFL) {
                    throw new IllegalArgumentException("SOA fields are unsigned 32-bit: " + v);
                }
            }
        }

        @Override
        public int type() {
            return DnsType.SOA;
        }

        @Override
        public String toString() {
            return mname + " " + rname + " " + serial + " " + refresh + " " + retry + " " + expire + " " + minimum;
        }
    }

    /**
     * RFC 1035 §3.3.14: one or more character strings, each at most 255 octets. A string is held
     * as text with one character per octet (ISO-8859-1), so any octets round-trip.
     */
    record Txt(List<String> strings) implements RData {
        public Txt {
            strings = List.copyOf(strings);
            if (strings.isEmpty()) {
                throw new IllegalArgumentException("a TXT record holds at least one string");
            }
            long rdLength = 0;
            for (String s : strings) {
                if (s.length() > 255 || !s.chars().allMatch(c -> c <= 0xFF)) {
                    throw new IllegalArgumentException("a TXT string is at most 255 octets: " + s);
                }
                rdLength += 1 + s.length();
            }
            // RDLENGTH is 16 bits (RFC 1035 §3.2.1): more strings than that could never be sent.
            if (rdLength > 0xFFFF) {
                throw new IllegalArgumentException("TXT strings take " + rdLength + " bytes, more than 65535");
            }
        }

        @Override
        public int type() {
            return DnsType.TXT;
        }

        @Override
        public String toString() {
            StringBuilder s = new StringBuilder();
            for (String part : strings) {
                if (s.length() > 0) {
                    s.append(' ');
                }
                s.append('"');
                for (int i = 0; i < part.length(); i++) {
                    char c = part.charAt(i);
                    if (c == '"' || c == '\\') {
                        s.append('\\').append(c);
                    } else if (c < 0x20 || c >= 0x7F) {
                        s.append('\\').append(String.format(java.util.Locale.ROOT, "%03d", (int) c));
                    } else {
                        s.append(c);
                    }
                }
                s.append('"');
            }
            return s.toString();
        }
    }

    /** Any other type: its RDATA as it came, up to 65 535 bytes (RFC 3597). */
    record Unknown(int type, byte[] bytes) implements RData {
        public Unknown {
            Question.checkU16(type, "type");
            if (bytes.length > 0xFFFF) {
                throw new IllegalArgumentException("RDATA is at most 65535 bytes: " + bytes.length);
            }
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown u && u.type == type && Arrays.equals(u.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return 31 * type + Arrays.hashCode(bytes);
        }

        /** RFC 3597 §5's generic form: {@code \# <length> <hex>}. */
        @Override
        public String toString() {
            return "\\# " + bytes.length + (bytes.length > 0 ? " " + HexFormat.of().formatHex(bytes) : "");
        }
    }
}
