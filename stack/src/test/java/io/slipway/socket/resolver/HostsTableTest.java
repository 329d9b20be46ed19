package io.slipway.socket.resolver;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.socket.Addresses;
import io.slipway.socket.dns.DnsName;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hosts table's text form (an address, then its names; {@code #} starts a comment) and its
 * errors, which name the source and line as {@code source:line: what}.
 */
class HostsTableTest {
    private static int a(String dotted) {
        return Addresses.parse(dotted);
    }

    private static DnsName n(String name) {
        return DnsName.parse(name);
    }

    @Test
    void shouldReadAnAddressAndItsNames() {
        HostsTable t = HostsTable.parse("hosts", "10.0.0.2   www.example.test www\n");

        assertEquals(List.of(a("10.0.0.2")), t.addresses(n("www.example.test")));
        assertEquals(List.of(a("10.0.0.2")), t.addresses(n("www")));
        assertEquals(2, t.size());
    }

    @Test
    void shouldIgnoreCommentsBlankLinesAndSurroundingSpace() {
        HostsTable t = HostsTable.parse("hosts", String.join("\n",
                "# a whole-line comment",
                "",
                "   \t  ",
                "\t10.0.0.2\twww.example.test   # the web server",
                "10.0.0.3 mail.example.test#no space before the comment",
                "  # indented comment 10.0.0.9 nowhere.test", ""));

        assertEquals(List.of(a("10.0.0.2")), t.addresses(n("www.example.test")));
        assertEquals(List.of(a("10.0.0.3")), t.addresses(n("mail.example.test")));
        assertEquals(List.of(), t.addresses(n("nowhere.test")));
        assertEquals(List.of(), t.addresses(n("the")), "words of a comment are not names");
        assertEquals(2, t.size());
    }

    @Test
    void shouldKeepEveryAddressOfANameInFileOrder() {
        HostsTable t = HostsTable.parse("hosts", String.join("\n",
                "10.0.0.5 multi.example.test",
                "10.0.0.2 other.example.test",
                "10.0.0.4 multi.example.test", ""));

        assertEquals(List.of(a("10.0.0.5"), a("10.0.0.4")), t.addresses(n("multi.example.test")));
    }

    @Test
    void shouldFindANameInAnyCaseAndWithOrWithoutTheTrailingDot() {
        HostsTable t = HostsTable.parse("hosts", "10.0.0.2 WWW.Example.Test\n10.0.0.3 dotted.example.test.\n");

        assertEquals(List.of(a("10.0.0.2")), t.addresses(n("www.example.test")));
        assertEquals(List.of(a("10.0.0.2")), t.addresses(n("WWW.EXAMPLE.TEST.")));
        assertEquals(List.of(a("10.0.0.3")), t.addresses(n("dotted.example.test")));
    }

    @Test
    void shouldReadWindowsLineEndingsAndALastLineWithoutNewline() {
        HostsTable t = HostsTable.parse("hosts", "10.0.0.2 a.test\r\n10.0.0.3 b.test");

        assertEquals(List.of(a("10.0.0.2")), t.addresses(n("a.test")));
        assertEquals(List.of(a("10.0.0.3")), t.addresses(n("b.test")));
    }

    @Test
    void shouldBeEmptyForEmptyTextAndAnswerNothing() {
        assertEquals(0, HostsTable.parse("hosts", "").size());
        assertEquals(0, HostsTable.EMPTY.size());
        assertEquals(List.of(), HostsTable.EMPTY.addresses(n("localhost")));
    }

    @Test
    void shouldNameSourceAndLineOfABadAddress() {
        var e = assertThrows(IllegalArgumentException.class, () -> HostsTable.parse("/etc/hosts.test",
                "10.0.0.2 good.test\n# comment\n10.0.0.300 bad.test\n"));

        assertTrue(e.getMessage().startsWith("/etc/hosts.test:3: "), e.getMessage());
    }

    @Test
    void shouldNameSourceAndLineOfAnAddressWithoutNames() {
        var e = assertThrows(IllegalArgumentException.class, () -> HostsTable.parse("hosts",
                "10.0.0.2 good.test\n10.0.0.3   # only a comment after it\n"));

        assertTrue(e.getMessage().startsWith("hosts:2: "), e.getMessage());
    }

    @Test
    void shouldNameSourceAndLineOfABadName() {
        String tooLong = "x".repeat(64);
        var empty = assertThrows(IllegalArgumentException.class, () -> HostsTable.parse("h",
                "10.0.0.2 a..b.test\n"));
        var label = assertThrows(IllegalArgumentException.class, () -> HostsTable.parse("h",
                "\n\n\n10.0.0.2 " + tooLong + ".test\n"));

        assertTrue(empty.getMessage().startsWith("h:1: "), empty.getMessage());
        assertTrue(label.getMessage().startsWith("h:4: "), label.getMessage());
    }

    @Test
    void shouldCountLinesOfWindowsTextForErrors() {
        var e = assertThrows(IllegalArgumentException.class, () -> HostsTable.parse("h",
                "10.0.0.2 a.test\r\n10.0.0.3 b.test\r\nnot-an-address c.test\r\n"));

        assertTrue(e.getMessage().startsWith("h:3: "), e.getMessage());
    }

    /**
     * The javadoc promises "the hosts file's" text form, and the CLI's {@code --hosts} reads any
     * file. Every stock /etc/hosts (Debian, Ubuntu, Fedora, macOS) has IPv6 lines; a resolver of
     * IPv4 addresses has no use for them, but must not refuse the whole file because of them.
     */
    @Test
    void shouldReadAStockEtcHostsWithItsIpv6Lines() {
        String debian = String.join("\n",
                "127.0.0.1\tlocalhost",
                "127.0.1.1\tbuildbox.example.test\tbuildbox",
                "",
                "# The following lines are desirable for IPv6 capable hosts",
                "::1     localhost ip6-localhost ip6-loopback",
                "ff02::1 ip6-allnodes",
                "ff02::2 ip6-allrouters", "");

        HostsTable t = HostsTable.parse("/etc/hosts", debian);

        assertEquals(List.of(a("127.0.0.1")), t.addresses(n("localhost")));
        assertEquals(List.of(a("127.0.1.1")), t.addresses(n("buildbox")));
    }
}
