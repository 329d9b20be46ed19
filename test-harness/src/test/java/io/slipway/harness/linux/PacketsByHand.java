package io.slipway.harness.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.base.Bytes;
import io.slipway.base.InternetChecksum;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The few packets {@link LinuxPeerTest} checks and answers by hand, to prove the fixture without
 * slipway's stack: an ICMP echo request and its reply (RFC 792) in IPv4 (RFC 791), an ARP request
 * and its reply (RFC 826), and the Ethernet II header around them. Offsets are written out, as in
 * the RFCs' diagrams, rather than parsed with the code under test.
 */
final class PacketsByHand {
    static final int ETHERNET_HEADER = 14;
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_ARP = 0x0806;
    static final String BROADCAST_MAC = "ff:ff:ff:ff:ff:ff";

    // IPv4 header (RFC 791 §3.1)
    private static final int IP_TOTAL_LENGTH = 2;
    private static final int IP_TTL = 8;
    private static final int IP_PROTOCOL = 9;
    private static final int IP_CHECKSUM = 10;
    private static final int IP_SRC = 12;
    private static final int IP_DST = 16;
    private static final int PROTOCOL_ICMP = 1;
    // ICMP echo (RFC 792): type, code, checksum, identifier, sequence number, data
    private static final int ICMP_ECHO_REPLY = 0;
    private static final int ICMP_ECHO_REQUEST = 8;
    private static final int ICMP_CHECKSUM = 2;
    // ARP for IPv4 over Ethernet (RFC 826): 28 bytes
    private static final int ARP_LENGTH = 28;
    private static final int ARP_OP = 6;
    private static final int ARP_SHA = 8;
    private static final int ARP_SPA = 14;
    private static final int ARP_THA = 18;
    private static final int ARP_TPA = 24;
    private static final int ARP_REQUEST = 1;
    private static final int ARP_REPLY = 2;

    private PacketsByHand() {
    }

    /** Asserts that {@code packet} is an IPv4 ICMP echo request from {@code src} to {@code dst}, checksums right. */
    static void assertEchoRequest(byte[] packet, int off, int len, String src, String dst) {
        String dump = " in " + hex(packet, off, len);
        assertTrue(len >= 20 + 8, "too short for IPv4 + ICMP echo" + dump);
        assertEquals(4, Bytes.u8(packet, off) >>> 4, "IP version" + dump);
        int headerLength = headerLength(packet, off);
        assertEquals(len, Bytes.u16(packet, off + IP_TOTAL_LENGTH), "IP total length" + dump);
        assertEquals(0, InternetChecksum.of(packet, off, headerLength), "IP header checksum" + dump);
        assertEquals(PROTOCOL_ICMP, Bytes.u8(packet, off + IP_PROTOCOL), "IP protocol" + dump);
        assertEquals(src, ipv4(packet, off + IP_SRC), "IP source" + dump);
        assertEquals(dst, ipv4(packet, off + IP_DST), "IP destination" + dump);
        int icmp = off + headerLength;
        assertEquals(ICMP_ECHO_REQUEST, Bytes.u8(packet, icmp), "ICMP type" + dump);
        assertEquals(0, Bytes.u8(packet, icmp + 1), "ICMP code" + dump);
        assertEquals(0, InternetChecksum.of(packet, icmp, len - headerLength), "ICMP checksum" + dump);
    }

    /**
     * The echo reply to the request in {@code request[off..off+len)}: addresses swapped, type 0,
     * same identifier, sequence number and data (RFC 792), TTL 64, both checksums recomputed.
     */
    static byte[] echoReply(byte[] request, int off, int len) {
        byte[] reply = Arrays.copyOfRange(request, off, off + len);
        int headerLength = headerLength(reply, 0);
        System.arraycopy(request, off + IP_DST, reply, IP_SRC, 4);
        System.arraycopy(request, off + IP_SRC, reply, IP_DST, 4);
        Bytes.put8(reply, IP_TTL, 64);
        Bytes.put16(reply, IP_CHECKSUM, 0);
        Bytes.put16(reply, IP_CHECKSUM, InternetChecksum.of(reply, 0, headerLength));
        Bytes.put8(reply, headerLength, ICMP_ECHO_REPLY);
        Bytes.put16(reply, headerLength + ICMP_CHECKSUM, 0);
        Bytes.put16(reply, headerLength + ICMP_CHECKSUM, InternetChecksum.of(reply, headerLength, len - headerLength));
        return reply;
    }

    /** Asserts the Ethernet II header of {@code frame}: destination, source and EtherType. */
    static void assertEthernet(byte[] frame, String dst, String src, int etherType) {
        String dump = " in " + hex(frame, 0, frame.length);
        assertTrue(frame.length >= ETHERNET_HEADER, "too short for Ethernet" + dump);
        assertEquals(dst, mac(frame, 0), "Ethernet destination" + dump);
        assertEquals(src, mac(frame, 6), "Ethernet source" + dump);
        assertEquals(etherType, Bytes.u16(frame, 12), "EtherType" + dump);
    }

    /** Asserts that {@code frame[off..)} is an ARP request (IPv4 over Ethernet) asking who has {@code targetIp}. */
    static void assertArpRequest(byte[] frame, int off, String senderMac, String senderIp, String targetIp) {
        String dump = " in " + hex(frame, off, frame.length - off);
        assertTrue(frame.length - off >= ARP_LENGTH, "too short for ARP" + dump);
        assertEquals(1, Bytes.u16(frame, off), "ARP hardware type (Ethernet)" + dump);
        assertEquals(ETHERTYPE_IPV4, Bytes.u16(frame, off + 2), "ARP protocol type" + dump);
        assertEquals(6, Bytes.u8(frame, off + 4), "ARP hardware address length" + dump);
        assertEquals(4, Bytes.u8(frame, off + 5), "ARP protocol address length" + dump);
        assertEquals(ARP_REQUEST, Bytes.u16(frame, off + ARP_OP), "ARP operation" + dump);
        assertEquals(senderMac, mac(frame, off + ARP_SHA), "ARP sender hardware address" + dump);
        assertEquals(senderIp, ipv4(frame, off + ARP_SPA), "ARP sender protocol address" + dump);
        assertEquals(targetIp, ipv4(frame, off + ARP_TPA), "ARP target protocol address" + dump);
    }

    /** An ARP reply (RFC 826): "{@code senderIp} is at {@code senderMac}", to the asker. */
    static byte[] arpReply(String senderMac, String senderIp, String targetMac, String targetIp) {
        byte[] arp = new byte[ARP_LENGTH];
        Bytes.put16(arp, 0, 1);
        Bytes.put16(arp, 2, ETHERTYPE_IPV4);
        Bytes.put8(arp, 4, 6);
        Bytes.put8(arp, 5, 4);
        Bytes.put16(arp, ARP_OP, ARP_REPLY);
        System.arraycopy(mac(senderMac), 0, arp, ARP_SHA, 6);
        System.arraycopy(ipv4(senderIp), 0, arp, ARP_SPA, 4);
        System.arraycopy(mac(targetMac), 0, arp, ARP_THA, 6);
        System.arraycopy(ipv4(targetIp), 0, arp, ARP_TPA, 4);
        return arp;
    }

    /** An Ethernet II frame (no FCS: the serial framing adds its own). */
    static byte[] ethernet(String dst, String src, int etherType, byte[] payload) {
        byte[] frame = new byte[ETHERNET_HEADER + payload.length];
        System.arraycopy(mac(dst), 0, frame, 0, 6);
        System.arraycopy(mac(src), 0, frame, 6, 6);
        Bytes.put16(frame, 12, etherType);
        System.arraycopy(payload, 0, frame, ETHERNET_HEADER, payload.length);
        return frame;
    }

    static byte[] mac(String mac) {
        return HexFormat.ofDelimiter(":").parseHex(mac);
    }

    static String mac(byte[] b, int off) {
        return HexFormat.ofDelimiter(":").formatHex(b, off, off + 6);
    }

    static byte[] ipv4(String dotted) {
        try {
            return InetAddress.getByName(dotted).getAddress(); // a literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(dotted, e);
        }
    }

    static String ipv4(byte[] b, int off) {
        return Bytes.u8(b, off) + "." + Bytes.u8(b, off + 1) + "." + Bytes.u8(b, off + 2) + "." + Bytes.u8(b, off + 3);
    }

    static String hex(byte[] b, int off, int len) {
        return HexFormat.ofDelimiter(" ").formatHex(b, off, off + Math.min(len, 96)) + (len > 96 ? " ..." : "");
    }

    private static int headerLength(byte[] packet, int off) {
        return (Bytes.u8(packet, off) & 0x0f) * 4;
    }
}
