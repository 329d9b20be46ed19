package io.slipway.harness.linux;

import static io.slipway.harness.linux.PacketsByHand.ETHERNET_HEADER;
import static io.slipway.harness.linux.PacketsByHand.ETHERTYPE_ARP;
import static io.slipway.harness.linux.PacketsByHand.ETHERTYPE_IPV4;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.hal.framing.Framing;
import io.slipway.hal.serial.JSerialCommLine;
import io.slipway.hal.serial.SerialAdapter;
import io.slipway.hal.serial.SerialLine;
import io.slipway.testing.Await;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The Linux peer fixture on its own, without slipway's stack: the test plays slipway by hand on
 * the pty slipway would open, answering the kernel's ARP and ping with packets written out byte by
 * byte, and checks that the fixture leaves nothing behind. Needs root (skipped without, failed in CI).
 */
@Timeout(60)
class LinuxPeerTest {
    private static final String LINUX_IP = "10.77.0.1";
    private static final String SLIPWAY_IP = "10.77.0.2";
    private static final String SLIPWAY_MAC = "02:00:00:00:00:02";
    private static final Duration FRAME_TIMEOUT = Duration.ofSeconds(5);
    /** ping -W 2 gives up after 2 s; this only bounds a hung ping. */
    private static final Duration PING_TIMEOUT = Duration.ofSeconds(10);
    private static final JSerialCommLine.Options PTY = JSerialCommLine.Options.DEFAULT.withExclusiveLock(false);

    @BeforeEach
    void requireLinuxPeer() {
        LinuxPeer.availableOrSkip();
    }

    @Test
    void shouldCarryLinuxPingToAHandWrittenSlipPeerAndItsReplyBack() throws Exception {
        try (LinuxPeer peer = LinuxPeer.start(Framing.SLIP, LINUX_IP + "/24", SerialAdapter.SLIP_MTU);
                SerialAdapter slipway = open(peer, Framing.SLIP)) {
            BackgroundProcess ping = peer.spawn("ping", "-c", "1", "-W", "2", SLIPWAY_IP);

            // The first frame is the request: the kernel sends nothing else unprompted.
            byte[] request = awaitFrame(slipway, peer);
            PacketsByHand.assertEchoRequest(request, 0, request.length, LINUX_IP, SLIPWAY_IP);
            byte[] reply = PacketsByHand.echoReply(request, 0, request.length);
            assertTrue(slipway.transmit(reply, 0, reply.length));

            assertPingAnswered(ping, peer);
            assertFramesCrossed(peer, 1, 1);
        }
    }

    @Test
    void shouldCarryLinuxArpAndPingToAHandWrittenEthernetPeerAndItsRepliesBack() throws Exception {
        try (LinuxPeer peer = LinuxPeer.start(Framing.ETHERNET, LINUX_IP + "/24", SerialAdapter.ETHERNET_MTU);
                SerialAdapter slipway = open(peer, Framing.ETHERNET)) {
            String linuxMac = peer.linuxMac();
            BackgroundProcess ping = peer.spawn("ping", "-c", "1", "-W", "2", SLIPWAY_IP);

            // "Who has 10.77.0.2?", broadcast (RFC 826); the kernel's TAP does not pad it to 60 bytes.
            byte[] arpRequest = awaitFrame(slipway, peer);
            PacketsByHand.assertEthernet(arpRequest, PacketsByHand.BROADCAST_MAC, linuxMac, ETHERTYPE_ARP);
            PacketsByHand.assertArpRequest(arpRequest, ETHERNET_HEADER, linuxMac, LINUX_IP, SLIPWAY_IP);
            byte[] arpReply = PacketsByHand.ethernet(linuxMac, SLIPWAY_MAC, ETHERTYPE_ARP,
                    PacketsByHand.arpReply(SLIPWAY_MAC, SLIPWAY_IP, linuxMac, LINUX_IP));
            assertTrue(slipway.transmit(arpReply, 0, arpReply.length));

            byte[] request = awaitFrame(slipway, peer);
            PacketsByHand.assertEthernet(request, SLIPWAY_MAC, linuxMac, ETHERTYPE_IPV4);
            PacketsByHand.assertEchoRequest(request, ETHERNET_HEADER, request.length - ETHERNET_HEADER,
                    LINUX_IP, SLIPWAY_IP);
            byte[] reply = PacketsByHand.ethernet(linuxMac, SLIPWAY_MAC, ETHERTYPE_IPV4,
                    PacketsByHand.echoReply(request, ETHERNET_HEADER, request.length - ETHERNET_HEADER));
            assertTrue(slipway.transmit(reply, 0, reply.length));

            assertPingAnswered(ping, peer);
            assertFramesCrossed(peer, 2, 2);
            ProcessResult neighbours = peer.exec(Duration.ofSeconds(5), "ip", "neigh", "show", SLIPWAY_IP);
            assertTrue(neighbours.output().contains("lladdr " + SLIPWAY_MAC), "the kernel learnt the ARP reply: "
                    + neighbours);
        }
    }

    @Test
    void shouldCarryPacketsOfExactlyTheMtuAndRefuseLargerOnes() throws Exception {
        int mtu = SerialAdapter.SLIP_MTU;
        int largestPayload = mtu - 20 - 8; // IPv4 and ICMP headers
        try (LinuxPeer peer = LinuxPeer.start(Framing.SLIP, LINUX_IP + "/24", mtu);
                SerialAdapter slipway = open(peer, Framing.SLIP)) {
            // -M do: set DF and never fragment, so the kernel must refuse what does not fit (at once:
            // sendto fails; -W 0.1 keeps ping from then waiting a second for a reply that cannot come).
            ProcessResult tooLarge = peer.exec(Duration.ofSeconds(5),
                    "ping", "-c", "1", "-W", "0.1", "-M", "do", "-s", Integer.toString(largestPayload + 1), SLIPWAY_IP);
            assertFalse(tooLarge.succeeded(), tooLarge.toString());
            assertTrue(tooLarge.output().contains("mtu=" + mtu) || tooLarge.output().contains("too long"),
                    tooLarge.toString());

            BackgroundProcess ping = peer.spawn("ping", "-c", "1", "-W", "2", "-M", "do",
                    "-s", Integer.toString(largestPayload), SLIPWAY_IP);
            byte[] request = awaitFrame(slipway, peer);
            assertEquals(mtu, request.length, "the full-size request, and nothing of the refused one before it");
            PacketsByHand.assertEchoRequest(request, 0, request.length, LINUX_IP, SLIPWAY_IP);
            byte[] reply = PacketsByHand.echoReply(request, 0, request.length);
            assertTrue(slipway.transmit(reply, 0, reply.length));

            assertPingAnswered(ping, peer);
            assertFramesCrossed(peer, 1, 1);
        }
    }

    @Test
    void shouldRunCommandsInTheNamespaceWithTheirExitCodeOutputAndDeadline() throws Exception {
        // At 1500, above IPv6's minimum MTU of 1280, the kernel would give the link IPv6 if allowed.
        try (LinuxPeer peer = LinuxPeer.start(Framing.SLIP, LinuxPeer.DEFAULT_LINUX_CIDR, 1500)) {
            Duration timeout = Duration.ofSeconds(5);
            ProcessResult address = peer.exec(timeout, "ip", "-o", "addr", "show", "dev", peer.device());
            assertTrue(address.succeeded(), address.toString());
            assertTrue(address.output().contains("inet " + LinuxPeer.DEFAULT_LINUX_CIDR), address.toString());
            ProcessResult link = peer.exec(timeout, "ip", "-o", "link", "show", "dev", peer.device());
            assertTrue(link.output().contains("mtu 1500"), link.toString());
            assertTrue(link.output().contains(",UP"), link.toString());
            // IPv6 off, so that the kernel sends nothing unprompted (router solicitations).
            ProcessResult ipv6 = peer.exec(timeout, "sysctl", "-n", "net.ipv6.conf.all.disable_ipv6");
            assertEquals("1", ipv6.output().trim(), ipv6.toString());
            ProcessResult ipv6Addresses = peer.exec(timeout, "ip", "-o", "-6", "addr", "show", "dev", peer.device());
            assertEquals("", ipv6Addresses.output().trim(), ipv6Addresses.toString());

            ProcessResult failing = peer.exec(timeout, "sh", "-c", "echo out; echo err >&2; exit 3");
            assertEquals(3, failing.exitCode(), failing.toString());
            assertFalse(failing.timedOut());
            assertTrue(failing.output().contains("out") && failing.output().contains("err"), failing.toString());

            ProcessResult hung = peer.exec(Duration.ofMillis(300), "sleep", "30");
            assertTrue(hung.timedOut(), hung.toString());
            assertTrue(hung.elapsed().compareTo(Duration.ofSeconds(5)) < 0, hung.toString());
        }
    }

    @Test
    void shouldLeaveNothingBehindWhenClosedEvenTwice() throws Exception {
        LinuxPeer peer = LinuxPeer.start(Framing.ETHERNET);
        String namespace = peer.namespace();
        String device = peer.device();
        Path port = peer.slipwayPort();
        BackgroundProcess sleeper = peer.spawn("sleep", "60");
        List<ProcessHandle> children = aliveChildren();
        // socat for the TAP device, socat for the pty pair, and the sleep in the namespace.
        assertEquals(3, children.size(), describe(children));
        assertTrue(NetworkNamespace.exists(namespace));
        assertTrue(Files.exists(port, LinkOption.NOFOLLOW_LINKS));

        peer.close();
        peer.close();

        assertFalse(NetworkNamespace.exists(namespace), "namespace " + namespace + " deleted");
        assertFalse(sleeper.isAlive(), "the spawned command was killed");
        assertEquals(List.of(), aliveChildren().stream().map(ProcessHandle::pid).collect(Collectors.toList()),
                "no socat or command left running");
        assertFalse(Files.exists(port, LinkOption.NOFOLLOW_LINKS), "pty link removed");
        ProcessResult link = Commands.run(Commands.TIMEOUT, List.of("ip", "link", "show", "dev", device));
        assertFalse(link.succeeded(), "device " + device + " gone, not moved back to the root namespace: " + link);
        assertTrue(peer.bridgeFinished(), "bridge thread ended");
        assertThrows(IllegalStateException.class, () -> peer.exec(Duration.ofSeconds(1), "true"));
    }

    @Test
    void shouldUndoEverythingWhenStartFailsHalfway() {
        // The kernel refuses an MTU below 68 (RFC 791's minimum): by then the namespace and socat exist.
        IOException e = assertThrows(IOException.class, () -> LinuxPeer.start(Framing.SLIP, LINUX_IP + "/24", 10));
        assertTrue(e.getMessage().contains("mtu"), e.getMessage());
        // What is left behind is checked by assertNothingLeftBehind, as after every test.
    }

    @Test
    void shouldRejectAMalformedAddressBeforeTouchingTheHost() {
        assertThrows(IllegalArgumentException.class, () -> LinuxPeer.start(Framing.SLIP, "10.77.0.1", 1006));
        assertThrows(IllegalArgumentException.class, () -> LinuxPeer.start(Framing.SLIP, "10.77.0.1/33", 1006));
        assertThrows(IllegalArgumentException.class, () -> LinuxPeer.start(Framing.SLIP, "fe80::1/64", 1006));
    }

    @AfterEach
    void assertNothingLeftBehind() throws IOException {
        List<String> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("slipway-serial-") || name.startsWith("linuxpeer-"))
                .collect(Collectors.toList());
        assertEquals(List.of(), threads, "adapter or bridge threads still running");
        assertEquals("", describe(aliveChildren()), "child processes still running");
        String ours = "slw-" + ProcessHandle.current().pid() + "-";
        List<String> namespaces = NetworkNamespace.list().stream()
                .filter(name -> name.startsWith(ours))
                .collect(Collectors.toList());
        assertEquals(List.of(), namespaces, "network namespaces left behind");
    }

    /** Opens the port slipway would open, as slipway would, with {@code framing}. */
    private static SerialAdapter open(LinuxPeer peer, Framing framing) throws IOException {
        SerialLine line = JSerialCommLine.open(peer.slipwayPort().toString(), PTY);
        try {
            return new SerialAdapter(line, framing);
        } catch (RuntimeException e) {
            line.close();
            throw e;
        }
    }

    /** The next frame the kernel sent, waiting for it up to {@link #FRAME_TIMEOUT}. */
    private static byte[] awaitFrame(SerialAdapter slipway, LinuxPeer peer) {
        byte[] buffer = new byte[slipway.maxFrameLength()];
        int[] length = {-1};
        Await.until(() -> (length[0] = slipway.receive(buffer, 0, buffer.length)) >= 0,
                () -> "a frame from Linux on " + slipway + "\n" + peer.diagnostics(), FRAME_TIMEOUT);
        return Arrays.copyOf(buffer, length[0]);
    }

    private static void assertPingAnswered(BackgroundProcess ping, LinuxPeer peer) throws InterruptedException {
        ProcessResult result = ping.awaitExit(PING_TIMEOUT);
        assertTrue(result.succeeded(), result + "\n" + peer.diagnostics());
        assertTrue(result.output().contains("1 received"), result + "\n" + peer.diagnostics());
    }

    /** Exactly these frames crossed the bridge: nothing unprompted, nothing lost or doubled. */
    private static void assertFramesCrossed(LinuxPeer peer, long toSlipway, long toLinux) {
        // The bridge counts a frame just after handing it on, so the kernel may have answered first.
        Await.until(() -> peer.framesToLinux() >= toLinux, () -> toLinux + " frames to Linux\n" + peer.diagnostics(),
                FRAME_TIMEOUT);
        assertEquals(toSlipway, peer.framesToSlipway(), peer.diagnostics());
        assertEquals(toLinux, peer.framesToLinux(), peer.diagnostics());
    }

    private static List<ProcessHandle> aliveChildren() {
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).collect(Collectors.toList());
    }

    private static String describe(List<ProcessHandle> processes) {
        return processes.stream()
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .collect(Collectors.joining("\n"));
    }
}
