package io.slipway.app.dns.server;

import io.slipway.app.dns.Zone;
import io.slipway.app.dns.ZoneAnswer;
import io.slipway.base.Bytes;
import io.slipway.base.Clock;
import io.slipway.base.Counters;
import io.slipway.socket.Addresses;
import io.slipway.socket.InetEndpoint;
import io.slipway.socket.PeerAddress;
import io.slipway.socket.Service;
import io.slipway.socket.SocketException;
import io.slipway.socket.SocketType;
import io.slipway.socket.Sockets;
import io.slipway.socket.dns.DnsClass;
import io.slipway.socket.dns.DnsFormatException;
import io.slipway.socket.dns.DnsMessage;
import io.slipway.socket.dns.DnsType;
import io.slipway.socket.dns.Question;
import io.slipway.socket.dns.Rcode;

/**
 * A DNS server on UDP (RFC 1035 §4.2.1), a {@link Service} on the stack thread: authoritative for
 * its {@link Zones}, and recursive for other names when it has a {@link RecursiveResolver} and
 * the query asks for recursion (RD).
 *
 * <p>How a query is answered:
 * <ul>
 *   <li>shorter than a header, or a response (QR set): dropped and counted, never answered;
 *   <li>an opcode other than QUERY: NOTIMP (judged from the header alone, so an UPDATE whose
 *       records a query parser rejects is still NOTIMP);
 *   <li>does not parse: FORMERR, with the ID, opcode and RD of its header;
 *   <li>not exactly one question: FORMERR;
 *   <li>class other than IN: REFUSED; AXFR, IXFR, MAILA, MAILB: NOTIMP (no zone transfers);
 *   <li>a name in one of our zones: the zone's answer — AA, NXDOMAIN or NODATA with the SOA, or
 *       a referral with glue (recursed into instead when RD is set and recursion is offered);
 *   <li>another name: resolved recursively when offered and asked for (RA set in every answer
 *       when offered), else REFUSED.
 * </ul>
 * Responses are compressed and cut to 512 bytes as RFC 2181 §9 says, with TC when answers had to
 * go. Nothing a client sends can stop the server: every failure is an answer or a counter.
 */
public final class DnsServer implements Service {
    public static final int PORT = 53;
    /** Queries taken per turn, so that a flood cannot hold the stack thread. */
    static final int RECEIVE_BUDGET = 64;
    private static final int QR = 0x8000;
    private static final int IXFR = 251;
    private static final int MAILB = 253;
    private static final int MAILA = 254;

    private final Sockets sockets;
    private final Zones zones;
    private final RecursiveResolver recursive;
    private final Counters<DnsServerEvent> events = new Counters<>(DnsServerEvent.class);
    private final byte[] buffer = new byte[DnsMessage.MAX_UDP_LENGTH * 8];
    private final PeerAddress from = new PeerAddress();
    private final int fd;
    private final InetEndpoint local;

    private DnsServer(Sockets sockets, Zones zones, RecursiveResolver recursive, int fd) throws SocketException {
        this.sockets = sockets;
        this.zones = zones;
        this.recursive = recursive;
        this.fd = fd;
        this.local = sockets.localAddress(fd);
        if (recursive != null) {
            recursive.countInto(events);
        }
    }

    /**
     * Binds {@code address:port} (usually every address, port 53) and runs the server on the stack
     * thread from its next turn on.
     *
     * @param recursive recursion for names outside {@code zones}, or null for an authoritative-only server
     */
    public static DnsServer start(Sockets sockets, Zones zones, RecursiveResolver recursive, int address, int port)
            throws SocketException {
        int fd = sockets.socket(SocketType.DATAGRAM);
        try {
            sockets.setBlocking(fd, false);
            sockets.bind(fd, address, port);
            DnsServer server = new DnsServer(sockets, zones, recursive, fd);
            sockets.addService(server);
            return server;
        } catch (SocketException | RuntimeException e) {
            sockets.close(fd);
            throw e;
        }
    }

    public Counters<DnsServerEvent> events() {
        return events;
    }

    /** Where it listens. */
    public InetEndpoint localAddress() {
        return local;
    }

    public boolean isRecursive() {
        return recursive != null;
    }

    @Override
    public String name() {
        return "dns " + local;
    }

    @Override
    public void poll(long nowNanos) {
        for (int i = 0; i < RECEIVE_BUDGET; i++) {
            int n;
            try {
                n = sockets.recvfrom(fd, buffer, 0, buffer.length, from);
            } catch (SocketException e) {
                continue; // an error left by an earlier send (no route back to a client): go on
            }
            if (n == Sockets.WOULD_BLOCK) {
                break;
            }
            events.increment(DnsServerEvent.DATAGRAMS_IN);
            DnsMessage response = answer(buffer, n, from.address(), from.port(), nowNanos);
            if (response != null) {
                send(response, from.address(), from.port());
            }
        }
        if (recursive != null) {
            recursive.poll(nowNanos);
        }
    }

    @Override
    public long nextDeadline() {
        return recursive == null ? Clock.NEVER : recursive.nextDeadline();
    }

    /** Stops serving: the port is closed and recursion abandoned. */
    public void close() throws SocketException {
        sockets.removeService(this);
        if (recursive != null) {
            recursive.close();
        }
        sockets.close(fd);
    }

    /** The response to a datagram, or null: none (dropped), or one recursion will send later. */
    DnsMessage answer(byte[] data, int length, int client, int clientPort, long nowNanos) {
        if (length < DnsMessage.HEADER_LENGTH) {
            events.increment(DnsServerEvent.DROP_TOO_SHORT);
            return null;
        }
        int id = Bytes.u16(data, 0);
        int flags = Bytes.u16(data, 2);
        if ((flags & QR) != 0) {
            events.increment(DnsServerEvent.DROP_NOT_A_QUERY);
            return null;
        }
        events.increment(DnsServerEvent.QUERIES_IN);
        boolean ra = recursive != null;
        if (((flags >>> 11) & 0xF) != DnsMessage.OPCODE_QUERY) {
            // Before parsing: an UPDATE's (RFC 2136) records need not parse as a query's would.
            events.increment(DnsServerEvent.NOTIMP);
            return Responses.errorFromHeader(id, flags, Rcode.NOTIMP, ra);
        }
        DnsMessage query;
        try {
            query = DnsMessage.decode(data, 0, length);
        } catch (DnsFormatException e) {
            events.increment(DnsServerEvent.FORMERR);
            return Responses.errorFromHeader(id, flags, Rcode.FORMERR, ra);
        }
        if (query.questions().size() != 1) {
            // Without the questions, as BIND answers: two long names would not even fit 512 bytes.
            events.increment(DnsServerEvent.FORMERR);
            return Responses.errorFromHeader(id, flags, Rcode.FORMERR, ra);
        }
        Question q = query.question();
        if (q.dnsClass() != DnsClass.IN) {
            events.increment(DnsServerEvent.REFUSED);
            return Responses.error(query, Rcode.REFUSED, ra);
        }
        if (q.type() == DnsType.AXFR || q.type() == IXFR || q.type() == MAILA || q.type() == MAILB) {
            events.increment(DnsServerEvent.NOTIMP);
            return Responses.error(query, Rcode.NOTIMP, ra);
        }
        Zone zone = zones.find(q.name());
        if (zone != null) {
            ZoneAnswer a = zone.lookup(q.name(), q.type());
            boolean recurseInstead = a.kind() == ZoneAnswer.Kind.REFERRAL && ra && query.recursionDesired();
            if (!recurseInstead) {
                countAnswer(a);
                return Responses.answer(query, a.authoritative(), ra, a.rcode(), a.answers(), a.authorities(),
                        a.additionals());
            }
            // RFC 1034 §5.3.3 step 2: start at the closest servers local data knows, our delegation's.
            recursive.learnDelegation(a.authorities(), a.additionals(), nowNanos);
        }
        if (!ra || !query.recursionDesired()) {
            events.increment(DnsServerEvent.REFUSED);
            return Responses.error(query, Rcode.REFUSED, ra);
        }
        events.increment(DnsServerEvent.RECURSIVE_QUERIES);
        boolean started = recursive.resolve(q, nowNanos, outcome -> {
            if (outcome.fromCache()) {
                events.increment(DnsServerEvent.RECURSIVE_FROM_CACHE);
            }
            if (outcome.busy()) {
                events.increment(DnsServerEvent.RECURSION_BUSY);
            }
            if (outcome.rcode() == Rcode.SERVFAIL) {
                events.increment(DnsServerEvent.SERVFAIL);
            }
            send(Responses.answer(query, false, true, outcome.rcode(), outcome.answers(), outcome.authorities(),
                    java.util.List.of()), client, clientPort);
        });
        if (!started) {
            events.increment(DnsServerEvent.RECURSION_BUSY);
            events.increment(DnsServerEvent.SERVFAIL);
            return Responses.error(query, Rcode.SERVFAIL, true);
        }
        return null;
    }

    private void countAnswer(ZoneAnswer a) {
        switch (a.kind()) {
            case ANSWER -> events.increment(DnsServerEvent.ANSWERS);
            case NODATA -> {
                events.increment(DnsServerEvent.ANSWERS);
                events.increment(DnsServerEvent.NODATA);
            }
            case NXDOMAIN -> {
                events.increment(DnsServerEvent.ANSWERS);
                events.increment(DnsServerEvent.NXDOMAIN);
            }
            case REFERRAL -> events.increment(DnsServerEvent.REFERRALS);
        }
    }

    private void send(DnsMessage response, int client, int clientPort) {
        byte[] bytes;
        try {
            bytes = response.encode(DnsMessage.MAX_UDP_LENGTH);
        } catch (RuntimeException e) {
            events.increment(DnsServerEvent.DROP_ENCODE_FAILED); // a bug of ours: never let it stop the server
            return;
        }
        if (isReferral(response) && Bytes.u16(bytes, 10) < response.additionals().size()) {
            // RFC 9471 §3: a referral whose in-domain glue did not all fit MUST have TC set; every
            // glue record a zone gives is in-domain, its own data.
            bytes[2] |= 0x02;
        }
        if ((Bytes.u16(bytes, 2) & 0x0200) != 0) {
            events.increment(DnsServerEvent.TRUNCATED);
        }
        try {
            if (sockets.sendto(fd, bytes, 0, bytes.length, client, clientPort) == Sockets.WOULD_BLOCK) {
                events.increment(DnsServerEvent.DROP_SEND_FAILED);
                return;
            }
            events.increment(DnsServerEvent.RESPONSES_OUT);
        } catch (SocketException e) {
            events.increment(DnsServerEvent.DROP_SEND_FAILED);
        }
    }

    /** No answer, not authoritative, NS records in authority: a referral. */
    private static boolean isReferral(DnsMessage m) {
        if (m.authoritative() || !m.answers().isEmpty() || m.rcode() != Rcode.NOERROR) {
            return false;
        }
        for (var r : m.authorities()) {
            if (r.type() == DnsType.NS) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "DnsServer[" + Addresses.format(local.address()) + ":" + local.port() + (recursive != null
                ? ", recursive" : "") + ", " + zones.all().size() + " zones]";
    }
}
