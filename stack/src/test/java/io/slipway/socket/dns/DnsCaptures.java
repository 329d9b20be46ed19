package io.slipway.socket.dns;

import io.slipway.hal.mock.Hex;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * DNS messages written by real implementations, none by slipway: the fixed bytes of the wire
 * tests and seeds of the fuzz corpus.
 *
 * <p>Captured on Debian 12 with dig (DiG 9.18.49-1~deb12u3-Debian, package bind9-dnsutils
 * 1:9.18.49-1~deb12u3) and dnsmasq (Dnsmasq version 2.90, package dnsmasq-base 2.90-4~deb12u2).
 * A python3 3.11.7 UDP relay bound to 127.0.0.1:5300 took one datagram from dig, sent it on to
 * dnsmasq at 127.0.0.1:5301, passed the answer back, and wrote both datagrams to files, exactly
 * as they came off the sockets ({@code recvfrom(65535)}). Each query was
 * {@code dig @127.0.0.1 -p 5300 <name> <type> +tries=1 +time=2}. dnsmasq ran in one of two ways:
 *
 * <pre>
 * # (1) answering from its configuration (nothing upstream): the A, MX and AAAA answers from a
 * #     run without the bracketed options, CNAME, TXT and PTR from a second run with them:
 * dnsmasq --no-daemon --port=5301 --no-resolv --no-hosts --address=/www.example.test/10.0.0.80 \
 *   --mx-host=example.test,mail.example.test,10 --listen-address=127.0.0.1 --bind-interfaces --log-queries \
 *   [--cname=alias.example.test,www.example.test --txt-record=example.test,"v=spf1 -all","Hello World" \
 *    --ptr-record=80.0.0.10.in-addr.arpa,www.example.test]
 * # (2) authoritative for example.test (the AUTH_ constants):
 * dnsmasq --no-daemon --port=5301 --no-resolv --no-hosts --auth-server=ns.example.test,127.0.0.1 \
 *   --auth-zone=example.test --auth-soa=2024010101,hostmaster.example.test,1200,120,604800,600 \
 *   --host-record=www.example.test,10.0.0.80 --host-record=ns.example.test,10.0.0.53 \
 *   --host-record=mail.example.test,10.0.0.25 --mx-host=example.test,mail.example.test,10 \
 *   --cname=alias.example.test,www.example.test --listen-address=127.0.0.1 --bind-interfaces --log-queries
 * </pre>
 *
 * dig sets RD and AD (RFC 6840 §5.7) in its queries and adds an OPT record (RFC 6891) of
 * payload size 1232 with a client cookie (option 10, RFC 7873). dnsmasq compresses owner names
 * but writes the names inside RDATA in full, except that a later owner name may point into them.
 */
final class DnsCaptures {
    /** {@code dig ... www.example.test A}: ID 0x8853, RD AD, OPT with an 8-byte cookie. */
    static final String DIG_QUERY_A = "8853 0120 0001 0000 0000 0001"
            + " 03777777 076578616d706c65 0474657374 00 0001 0001"
            + " 00 0029 04d0 00000000 000c 000a 0008 e764b09001a38741";
    /** dnsmasq (1) to {@link #DIG_QUERY_A}: QR AA RD RA, the owner a pointer to the question (c00c). */
    static final String DNSMASQ_A = "8853 8580 0001 0001 0000 0001"
            + " 03777777 076578616d706c65 0474657374 00 0001 0001"
            + " c00c 0001 0001 00000000 0004 0a000050"
            + " 00 0029 04d0 00000000 0000";
    /** {@code dig ... example.test MX}. */
    static final String DIG_QUERY_MX = "6cbc 0120 0001 0000 0000 0001"
            + " 076578616d706c65 0474657374 00 000f 0001"
            + " 00 0029 04d0 00000000 000c 000a 0008 63024e7ae976ebe4";
    /** dnsmasq (1) to {@link #DIG_QUERY_MX}: the exchange written in full, 21 bytes of RDATA. */
    static final String DNSMASQ_MX = "6cbc 8580 0001 0001 0000 0001"
            + " 076578616d706c65 0474657374 00 000f 0001"
            + " c00c 000f 0001 00000000 0015 000a 046d61696c 076578616d706c65 0474657374 00"
            + " 00 0029 04d0 00000000 0000";
    /** dnsmasq (1) to {@code www.example.test AAAA}: REFUSED, OPT carrying Extended DNS Error 14 (RFC 8914). */
    static final String DNSMASQ_AAAA_REFUSED = "16bd 8185 0001 0000 0000 0001"
            + " 03777777 076578616d706c65 0474657374 00 001c 0001"
            + " 00 0029 04d0 00000000 0006 000f 0002 000e";
    /** dnsmasq (1) to {@code alias.example.test A}: a CNAME only. */
    static final String DNSMASQ_CNAME = "8f1f 8580 0001 0001 0000 0001"
            + " 05616c696173 076578616d706c65 0474657374 00 0001 0001"
            + " c00c 0005 0001 00000000 0012 03777777 076578616d706c65 0474657374 00"
            + " 00 0029 04d0 00000000 0000";
    /** dnsmasq (1) to {@code example.test TXT}: two strings. */
    static final String DNSMASQ_TXT = "e9a4 8580 0001 0001 0000 0001"
            + " 076578616d706c65 0474657374 00 0010 0001"
            + " c00c 0010 0001 00000000 0018 0b763d73706631202d616c6c 0b48656c6c6f20576f726c64"
            + " 00 0029 04d0 00000000 0000";
    /** dnsmasq (1) to {@code dig -x 10.0.0.80}. */
    static final String DNSMASQ_PTR = "5f2b 8580 0001 0001 0000 0001"
            + " 023830 0130 0130 023130 07696e2d61646472 0461727061 00 000c 0001"
            + " c00c 000c 0001 00000000 0012 03777777 076578616d706c65 0474657374 00"
            + " 00 0029 04d0 00000000 0000";
    /** dnsmasq (2) to {@code example.test SOA}: answer owner in full, the NS's a pointer (c01e) to it. */
    static final String AUTH_SOA = "69cf 8500 0001 0001 0001 0001"
            + " 076578616d706c65 0474657374 00 0006 0001"
            + " 076578616d706c65 0474657374 00 0006 0001 00000258 003e"
            + " 026e73 076578616d706c65 0474657374 00"
            + " 0a686f73746d6173746572 076578616d706c65 0474657374 00"
            + " 78a3f175 000004b0 00000078 00093a80 00000258"
            + " c01e 0002 0001 00000258 0011 026e73 076578616d706c65 0474657374 00"
            + " 00 0029 04d0 00000000 0000";
    /** dnsmasq (2) to {@code nosuch.example.test A}: NXDOMAIN with the SOA in the authority section. */
    static final String AUTH_NXDOMAIN = "331c 8503 0001 0000 0001 0001"
            + " 066e6f73756368 076578616d706c65 0474657374 00 0001 0001"
            + " 076578616d706c65 0474657374 00 0006 0001 00000258 003e"
            + " 026e73 076578616d706c65 0474657374 00"
            + " 0a686f73746d6173746572 076578616d706c65 0474657374 00"
            + " 78a3f175 000004b0 00000078 00093a80 00000258"
            + " 00 0029 04d0 00000000 0000";
    /**
     * dnsmasq (2) to {@code alias.example.test A}: the CNAME and the A it leads to, whose owner is
     * a pointer (c030) to the name inside the CNAME's RDATA.
     */
    static final String AUTH_CNAME = "96fe 8500 0001 0002 0001 0001"
            + " 05616c696173 076578616d706c65 0474657374 00 0001 0001"
            + " c00c 0005 0001 00000258 0012 03777777 076578616d706c65 0474657374 00"
            + " c030 0001 0001 00000258 0004 0a000050"
            + " 076578616d706c65 0474657374 00 0002 0001 00000258 0011 026e73 076578616d706c65 0474657374 00"
            + " 00 0029 04d0 00000000 0000";

    private DnsCaptures() {
    }

    static byte[] bytes(String hex) {
        return Hex.bytes(hex);
    }

    /** Every capture, by a file name for the fuzz corpus. */
    static Map<String, String> all() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("dig-query-a", DIG_QUERY_A);
        m.put("dnsmasq-a", DNSMASQ_A);
        m.put("dig-query-mx", DIG_QUERY_MX);
        m.put("dnsmasq-mx", DNSMASQ_MX);
        m.put("dnsmasq-aaaa-refused", DNSMASQ_AAAA_REFUSED);
        m.put("dnsmasq-cname", DNSMASQ_CNAME);
        m.put("dnsmasq-txt", DNSMASQ_TXT);
        m.put("dnsmasq-ptr", DNSMASQ_PTR);
        m.put("dnsmasq-auth-soa", AUTH_SOA);
        m.put("dnsmasq-auth-nxdomain", AUTH_NXDOMAIN);
        m.put("dnsmasq-auth-cname", AUTH_CNAME);
        return m;
    }
}
