package io.slipway.app.dns.server;

import static io.slipway.testing.Ipv4Packets.udp;

import io.slipway.app.dns.Zone;
import io.slipway.app.dns.ZoneAnswer;
import io.slipway.app.dns.ZoneFileParser;
import io.slipway.base.Bytes;
import io.slipway.base.Clock;
import io.slipway.base.ManualClock;
import io.slipway.hal.Medium;
import io.slipway.hal.mock.MockAdapter;
import io.slipway.ip.Ipv4Address;
import io.slipway.ip.Ipv4Prefix;
import io.slipway.socket.dns.DnsFormatException;
import io.slipway.socket.dns.DnsMessage;
import io.slipway.socket.dns.DnsName;
import io.slipway.socket.dns.Question;
import io.slipway.socket.dns.Rcode;
import io.slipway.socket.resolver.DnsCache;
import io.slipway.stack.InterfaceConfig;
import io.slipway.stack.Stack;
import io.slipway.stack.StackConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * A recursive {@link DnsServer} on a stack whose one line is a mock adapter, and the whole rest
 * of the DNS played by the test: every query the server sends upstream goes out on the line, is
 * recorded, and is answered (or not) by the responder the test registered for its destination
 * address — an honest authoritative server built on a {@link Zone}, or a liar. The client is
 * played the same way, from 10.0.0.1. Time is virtual: {@link #runFor} jumps from deadline to
 * deadline.
 */
final class ScriptedUpstream {
    static final long MS = 1_000_000L;
    static final String US = "10.0.0.2";
    static final String CLIENT = "10.0.0.1";
    static final long TIMEOUT_NANOS = 800 * MS;
    static final String ROOT = "10.9.0.1";
    static final String HINTS = String.join("\n",
            ". 3600000 NS a.root-servers.arpa.",
            "a.root-servers.arpa. 3600000 A " + ROOT, "");

    /** A query the recursive server sent upstream. */
    record Upstream(String to, int sourcePort, DnsMessage query, long at) {
        Question question() {
            return query.question();
        }
    }

    final ManualClock clock = new ManualClock();
    final MockAdapter line = new MockAdapter("sl0", Medium.IP, 1006, clock);
    final Stack host;
    final DnsCache cache = DnsCache.withDefaults();
    final RecursiveResolver recursion;
    final DnsServer server;
    final List<Upstream> upstream = new ArrayList<>();
    /** Responses to the client, by the client's port, in arrival order. */
    final Map<Integer, List<DnsMessage>> toClient = new HashMap<>();
    private final Map<String, UnaryOperator<DnsMessage>> responders = new HashMap<>();

    ScriptedUpstream() throws Exception {
        this(StackConfig.DEFAULT);
    }

    ScriptedUpstream(StackConfig config) throws Exception {
        this(config, Zones.none());
    }

    /** A server that is also authoritative for {@code zones}. */
    ScriptedUpstream(StackConfig config, Zones zones) throws Exception {
        host = new Stack("recursive", config, 13);
        host.addInterface(line, InterfaceConfig.pointToPoint(Ipv4Prefix.parse(US + "/24", 24),
                Ipv4Address.parse(CLIENT)));
        host.ip().routes().addDefaultGateway(Ipv4Address.parse(CLIENT));
        recursion = new RecursiveResolver(host.sockets(), RootHints.parse("hints", HINTS), cache,
                new SplittableRandom(99), Duration.ofNanos(TIMEOUT_NANOS));
        server = DnsServer.start(host.sockets(), zones, recursion, 0, DnsServer.PORT);
        host.poll(clock.nanos());
    }

    /** {@code address} answers with {@code responder}; a null response is silence. */
    ScriptedUpstream serve(String address, UnaryOperator<DnsMessage> responder) {
        responders.put(address, responder);
        return this;
    }

    /** {@code address} is an honest authoritative server for {@code zones}. */
    ScriptedUpstream serve(String address, Zone... zones) {
        return serve(address, authoritative(zones));
    }

    static Zone zone(String origin, String... lines) throws Exception {
        return Zone.of(ZoneFileParser.parse(origin + " zone", String.join("\n", lines) + "\n",
                DnsName.parse(origin)));
    }

    /** A response to {@code q}: its ID and question, QR, no RA, RD as the query had it. */
    static DnsMessage.Builder responseTo(DnsMessage q) {
        return DnsMessage.builder().id(q.id()).response(true).recursionDesired(q.recursionDesired())
                .questions(q.questions());
    }

    /** What an authoritative server (RFC 1034 §4.3.2) for {@code zones} answers; REFUSED outside them. */
    static UnaryOperator<DnsMessage> authoritative(Zone... zones) {
        return q -> {
            Question question = q.question();
            Zone best = null;
            for (Zone z : zones) {
                if (z.contains(question.name())
                        && (best == null || z.origin().labelCount() > best.origin().labelCount())) {
                    best = z;
                }
            }
            if (best == null) {
                return responseTo(q).rcode(Rcode.REFUSED).build();
            }
            ZoneAnswer a = best.lookup(question.name(), question.type());
            return responseTo(q).authoritative(a.authoritative()).rcode(a.rcode()).answers(a.answers())
                    .authorities(a.authorities()).additionals(a.additionals()).build();
        };
    }

    /** The client at 10.0.0.1:{@code port} asks {@code name}/{@code type} with RD. */
    void ask(int port, int id, String name, int type) {
        ask(port, DnsMessage.query(id, Question.in(DnsName.parse(name), type), true));
    }

    void ask(int port, DnsMessage query) {
        line.script(udp(CLIENT, US, port, DnsServer.PORT, query.encode(DnsMessage.MAX_UDP_LENGTH), true));
    }

    /** Runs the stack and the scripted servers for {@code nanos} of virtual time. */
    void runFor(long nanos) {
        long end = clock.nanos() + nanos;
        for (int turns = 0; turns < 1_000_000; turns++) {
            host.poll(clock.nanos());
            if (exchange()) {
                continue;
            }
            long next = host.nextDeadline();
            if (next - clock.nanos() <= 0) {
                continue; // work is due now
            }
            if (next == Clock.NEVER || next > end) {
                clock.set(end);
                host.poll(clock.nanos());
                exchange();
                return;
            }
            clock.set(next);
        }
        throw new AssertionError("the stack kept busy without time passing");
    }

    /** Takes what the stack sent: answers upstream queries, keeps responses to the client; true if any was answered. */
    private boolean exchange() {
        boolean scripted = false;
        for (var f : line.transmittedFrames()) {
            byte[] p = f.bytes();
            if ((p[9] & 0xFF) != 17) {
                continue; // ICMP (port unreachable for a late answer): nothing to play
            }
            String to = Ipv4Address.format(Bytes.i32(p, 16));
            int sport = Bytes.u16(p, 20);
            int dport = Bytes.u16(p, 22);
            DnsMessage m;
            try {
                m = DnsMessage.decode(p, 28, Bytes.u16(p, 24) - 8);
            } catch (DnsFormatException e) {
                throw new AssertionError("the server sent a message that does not decode: " + e.getMessage(), e);
            }
            if (to.equals(CLIENT)) {
                toClient.computeIfAbsent(dport, k -> new ArrayList<>()).add(m);
                continue;
            }
            if (dport != DnsServer.PORT) {
                throw new AssertionError("a datagram to " + to + ":" + dport);
            }
            upstream.add(new Upstream(to, sport, m, f.atNanos()));
            UnaryOperator<DnsMessage> responder = responders.get(to);
            DnsMessage r = responder == null ? null : responder.apply(m);
            if (r != null) {
                line.script(udp(to, US, DnsServer.PORT, sport, r.encode(DnsMessage.MAX_UDP_LENGTH), true));
                scripted = true;
            }
        }
        line.takeTransmitted();
        return scripted;
    }

    /** The one response the client got on {@code port}. */
    DnsMessage responseOn(int port) {
        List<DnsMessage> r = toClient.getOrDefault(port, List.of());
        if (r.size() != 1) {
            throw new AssertionError("responses to port " + port + ": " + r + "\nupstream: " + upstream);
        }
        return r.get(0);
    }

    /** Upstream queries sent to {@code address}. */
    List<Upstream> queriesTo(String address) {
        return upstream.stream().filter(u -> u.to().equals(address)).toList();
    }

    long count(DnsServerEvent e) {
        return server.events().get(e);
    }
}
