package io.slipway.cli.trace;

import io.slipway.arp.ArpPacket;
import io.slipway.base.Bytes;
import io.slipway.hal.Medium;
import io.slipway.icmp.IcmpHeader;
import io.slipway.ip.IpProtocol;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Header;
import io.slipway.socket.dns.DnsFormatException;
import io.slipway.socket.dns.DnsMessage;
import io.slipway.socket.dns.Rcode;
import io.slipway.socket.dns.ResourceRecord;
import io.slipway.tcp.TcpHeader;
import io.slipway.tcp.TcpOptions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line for a frame, as a person following the journey wants to read it: which layer, who to
 * whom, and what it says — a DNS question or answer, a TCP segment's flags, sequence and
 * acknowledgment numbers and window, an ICMP message, an ARP request. TCP numbers are shown as
 * the SYNs give them and then relative to each side's initial sequence number, as tcpdump does,
 * so "seq 1:97" is the first 96 bytes of the stream.
 *
 * <p>Frames come from our own stacks, but a damaged one must not break the trace: anything that
 * does not parse is described as what it is ("IPv4, 20 bytes, truncated"). Not thread-safe: one
 * describer per tapped adapter, called on its stack thread.
 */
public final class PacketDescriber {
    private static final int ETHERTYPE_IPV4 = 0x0800;
    private static final int ETHERTYPE_ARP = 0x0806;
    private static final int DNS_PORT = 53;
    /** Flows remembered for relative numbers: a demo has a few; the bound keeps a long trace small. */
    private static final int MAX_FLOWS = 64;

    private final Medium medium;
    private final Map<Integer, String> names;
    private final Ipv4Header ip = new Ipv4Header();
    private final TcpHeader tcp = new TcpHeader();
    private final TcpOptions options = new TcpOptions();
    private final IcmpHeader icmp = new IcmpHeader();
    private final ArpPacket arp = new ArpPacket();
    /** Initial sequence number of each direction of each connection, by "src:port>dst:port". */
    private final Map<String, Integer> initialSequence = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
            return size() > MAX_FLOWS;
        }
    };

    /** Frames of {@code medium}; {@code names} gives hosts' names by IPv4 address (may be empty). */
    public PacketDescriber(Medium medium, Map<Integer, String> names) {
        this.medium = medium;
        this.names = Map.copyOf(names);
    }

    public String describe(byte[] frame, int off, int len) {
        if (medium == Medium.ETHERNET) {
            if (len < 14) {
                return "Ethernet, " + len + " bytes: shorter than its header";
            }
            int type = Bytes.u16(frame, off + 12);
            if (type == ETHERTYPE_ARP) {
                return describeArp(frame, off + 14, len - 14);
            }
            if (type != ETHERTYPE_IPV4) {
                return String.format("Ethernet type 0x%04x, %d bytes", type, len);
            }
            return describeIp(frame, off + 14, len - 14);
        }
        return describeIp(frame, off, len);
    }

    private String describeArp(byte[] b, int off, int len) {
        arp.wrap(b, off, len);
        if (len < ArpPacket.LENGTH) {
            return "ARP, " + len + " bytes: truncated";
        }
        if (arp.operation() == ArpPacket.REQUEST) {
            return "ARP who has " + Ipv4Address.format(arp.targetIp()) + "? tell " + host(arp.senderIp());
        }
        if (arp.operation() == ArpPacket.REPLY) {
            return "ARP " + host(arp.senderIp()) + " is at " + mac(arp.senderMac());
        }
        return "ARP operation " + arp.operation();
    }

    private String describeIp(byte[] b, int off, int len) {
        if (len < Ipv4Header.MIN_LENGTH || (Bytes.u8(b, off) >> 4) != 4) {
            return "not IPv4, " + len + " bytes";
        }
        ip.wrap(b, off, len);
        int headerLength = ip.headerLength();
        int total = Math.min(ip.totalLength(), len);
        if (headerLength < Ipv4Header.MIN_LENGTH || headerLength > total) {
            return "IPv4, " + len + " bytes: bad header length";
        }
        String who = host(ip.source()) + " > " + host(ip.destination());
        if (ip.fragmentOffset() != 0) {
            return String.format("IPv4 %s fragment id %d, bytes %d..%d%s", who, ip.identification(),
                    ip.fragmentOffset(), ip.fragmentOffset() + total - headerLength - 1,
                    ip.moreFragments() ? ", more follow" : ", the last");
        }
        String fragment = ip.moreFragments() ? String.format(" [first fragment of id %d]", ip.identification()) : "";
        int at = off + headerLength;
        int payload = total - headerLength;
        return switch (ip.protocol()) {
            case IpProtocol.TCP -> describeTcp(b, at, payload, ip.source(), ip.destination()) + fragment;
            case IpProtocol.UDP -> describeUdp(b, at, payload, ip.source(), ip.destination()) + fragment;
            case IpProtocol.ICMP -> describeIcmp(b, at, payload, who) + fragment;
            default -> "IPv4 " + who + " protocol " + ip.protocol() + ", " + payload + " bytes" + fragment;
        };
    }

    private String describeUdp(byte[] b, int off, int len, int source, int destination) {
        if (len < 8) {
            return "UDP, " + len + " bytes: truncated";
        }
        int sport = Bytes.u16(b, off);
        int dport = Bytes.u16(b, off + 2);
        String flow = "UDP " + endpoint(source, sport) + " > " + endpoint(destination, dport);
        int dataLength = Math.min(Bytes.u16(b, off + 4), len) - 8;
        if ((sport == DNS_PORT || dport == DNS_PORT) && dataLength >= DnsMessage.HEADER_LENGTH) {
            return flow + "  " + describeDns(b, off + 8, dataLength);
        }
        return flow + ", " + Math.max(0, dataLength) + " bytes";
    }

    private static String describeDns(byte[] b, int off, int len) {
        DnsMessage m;
        try {
            m = DnsMessage.decode(b, off, len);
        } catch (DnsFormatException e) {
            return "DNS, " + len + " bytes: " + e.getMessage();
        }
        String question = m.questions().isEmpty() ? "(no question)" : m.question().toString();
        if (!m.response()) {
            return String.format("DNS query #%d: %s%s", m.id(), question, m.recursionDesired() ? " (recursion desired)" : "");
        }
        StringBuilder s = new StringBuilder(String.format("DNS answer #%d: %s", m.id(), question));
        if (m.rcode() != Rcode.NOERROR) {
            s.append(" -> ").append(Rcode.name(m.rcode()));
        }
        for (ResourceRecord r : m.answers()) {
            s.append(" -> ").append(r.data()).append(" (TTL ").append(r.ttl()).append(" s)");
        }
        if (m.answers().isEmpty() && m.rcode() == Rcode.NOERROR) {
            s.append(m.authorities().isEmpty() ? " -> no records" : " -> referral or no data");
        }
        if (m.authoritative()) {
            s.append(", authoritative");
        }
        return s.toString();
    }

    private String describeTcp(byte[] b, int off, int len, int source, int destination) {
        if (len < TcpHeader.MIN_LENGTH) {
            return "TCP, " + len + " bytes: truncated";
        }
        tcp.wrap(b, off, len);
        int headerLength = tcp.headerLength();
        if (headerLength < TcpHeader.MIN_LENGTH || headerLength > len) {
            return "TCP, " + len + " bytes: bad data offset";
        }
        String forward = endpoint(source, tcp.sourcePort()) + ">" + endpoint(destination, tcp.destinationPort());
        String backward = endpoint(destination, tcp.destinationPort()) + ">" + endpoint(source, tcp.sourcePort());
        StringBuilder s = new StringBuilder("TCP ").append(endpoint(source, tcp.sourcePort())).append(" > ")
                .append(endpoint(destination, tcp.destinationPort())).append("  ").append(flags(tcp));
        int dataLength = len - headerLength;
        if (tcp.has(TcpHeader.SYN)) {
            initialSequence.put(forward, tcp.sequence());
            s.append(" seq ").append(Integer.toUnsignedString(tcp.sequence()));
            if (tcp.has(TcpHeader.ACK)) {
                s.append(" ack ").append(Integer.toUnsignedString(tcp.acknowledgment()));
            }
        } else {
            int seq = relative(forward, tcp.sequence());
            int length = dataLength + (tcp.has(TcpHeader.FIN) ? 1 : 0);
            if (length > 0) {
                s.append(" seq ").append(Integer.toUnsignedString(seq)).append(':')
                        .append(Integer.toUnsignedString(seq + length));
            }
            if (tcp.has(TcpHeader.ACK)) {
                s.append(" ack ").append(Integer.toUnsignedString(relative(backward, tcp.acknowledgment())));
            }
        }
        s.append(" win ").append(tcp.window());
        if (tcp.has(TcpHeader.SYN) && tcp.parseOptions(options.reset()) && options.mss() > 0) {
            s.append(" mss ").append(options.mss());
        }
        if (dataLength > 0) {
            s.append(", ").append(dataLength).append(dataLength == 1 ? " byte" : " bytes");
        }
        return s.toString();
    }

    /** A sequence number relative to the ISN of that direction (raw when its SYN was not seen). */
    private int relative(String direction, int sequence) {
        Integer isn = initialSequence.get(direction);
        return isn == null ? sequence : sequence - isn;
    }

    private static String flags(TcpHeader h) {
        StringBuilder f = new StringBuilder();
        append(f, h.has(TcpHeader.SYN), "SYN");
        append(f, h.has(TcpHeader.FIN), "FIN");
        append(f, h.has(TcpHeader.RST), "RST");
        append(f, h.has(TcpHeader.PSH), "PSH");
        append(f, h.has(TcpHeader.ACK), "ACK");
        append(f, h.has(TcpHeader.URG), "URG");
        return f.length() == 0 ? "(no flags)" : f.toString();
    }

    private static void append(StringBuilder f, boolean set, String name) {
        if (set) {
            f.append(f.length() == 0 ? "" : "+").append(name);
        }
    }

    private String describeIcmp(byte[] b, int off, int len, String who) {
        if (len < IcmpHeader.LENGTH) {
            return "ICMP " + who + ", " + len + " bytes: truncated";
        }
        icmp.wrap(b, off, len);
        String what = switch (icmp.type()) {
            case 0 -> "echo reply id " + icmp.identifier() + " seq " + icmp.sequence();
            case 8 -> "echo request id " + icmp.identifier() + " seq " + icmp.sequence();
            case 3 -> "destination unreachable (code " + icmp.code() + ")";
            case 11 -> "time exceeded (code " + icmp.code() + ")";
            default -> "type " + icmp.type() + " code " + icmp.code();
        };
        return "ICMP " + who + "  " + what + ", " + (len - IcmpHeader.LENGTH) + " bytes of data";
    }

    private String host(int address) {
        String name = names.get(address);
        return name != null ? name : Ipv4Address.format(address);
    }

    private String endpoint(int address, int port) {
        return host(address) + ":" + port;
    }

    private static String mac(long mac) {
        StringBuilder s = new StringBuilder();
        for (int shift = 40; shift >= 0; shift -= 8) {
            s.append(String.format("%02x", (mac >>> shift) & 0xFF)).append(shift > 0 ? ":" : "");
        }
        return s.toString();
    }
}
