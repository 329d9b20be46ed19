package io.slipway.harness.linux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.slipway.app.http.server.HttpServer;
import io.slipway.app.http.server.HttpServerConfig;
import io.slipway.cli.Slipway;
import io.slipway.hal.framing.Framing;
import io.slipway.hal.serial.SerialAdapter;
import io.slipway.stack.StackConfig;
import io.slipway.tcp.TcpConfig;
import io.slipway.testing.Environment;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * HTTP against real peers in the Linux namespace at the far end of the pseudo-terminal SLIP line:
 * Linux {@code curl} downloads a mebibyte from slipway's HTTP server (equal SHA-256, also with the
 * bridge dropping 2 % of frames), resumes a download with a range (206), and asks conditionally
 * (304); {@code slipway get}, the command a user runs, downloads the same mebibyte and a page with
 * its image from Python's {@code http.server}, which answers HTTP/1.0 and closes each connection.
 */
@Timeout(300)
class HttpLinuxInteropTest {
    private static final int MIB = 1 << 20;
    private static final String SLIPWAY = "10.77.0.2";
    private static final String LINUX = "10.77.0.1";

    @TempDir
    Path temp;

    @BeforeEach
    void requireLinuxPeer() {
        LinuxPeer.availableOrSkip();
        Environment.requireOrSkip(Environment.onPath("curl"), "curl (apt install curl)");
        Environment.requireOrSkip(Environment.onPath("sha256sum"), "sha256sum (coreutils)");
    }

    @ParameterizedTest(name = "{0} frame loss")
    @ValueSource(doubles = {0, 0.02})
    void shouldServeAMebibyteToCurl(double loss) throws Exception {
        byte[] file = random(MIB, 11);
        Path site = Files.createDirectory(temp.resolve("site"));
        Files.write(site.resolve("big.bin"), file);
        Path got = temp.resolve("curl-got.bin");

        try (LinuxPeer linux = LinuxPeer.start(Framing.SLIP, LINUX + "/24", SerialAdapter.SLIP_MTU);
                SlipwayHost slipway = startServer(linux, site)) {
            linux.setFrameLoss(loss, 5);
            ProcessResult curl = linux.exec(Duration.ofSeconds(120), "curl", "-sS", "--max-time", "110",
                    "-o", got.toString(), "-w", "%{http_code} %{size_download} %{content_type}",
                    "http://" + SLIPWAY + "/big.bin");

            String why = curl + "\n" + slipway.diagnostics() + "\n" + linux.diagnostics();
            assertTrue(curl.succeeded(), why);
            assertEquals("200 " + MIB + " application/octet-stream", curl.output().strip(), why);
            assertEquals(sha256(file), sha256(Files.readAllBytes(got)), why);
            if (loss > 0) {
                assertTrue(linux.framesLost() > 0, "the line did lose frames: " + why);
            }
            System.out.println("curl, loss " + loss + ": " + curl.elapsed().toMillis() + " ms, "
                    + linux.framesLost() + " frames lost; slipway " + slipway.tcp().events());
        }
    }

    @Test
    void shouldLetCurlResumeADownloadWithARangeAndAskConditionally() throws Exception {
        byte[] file = random(MIB, 12);
        Path site = Files.createDirectory(temp.resolve("site"));
        Files.write(site.resolve("big.bin"), file);
        Path part = temp.resolve("part.bin");
        String url = "http://" + SLIPWAY + "/big.bin";

        try (LinuxPeer linux = LinuxPeer.start(Framing.SLIP, LINUX + "/24", SerialAdapter.SLIP_MTU);
                SlipwayHost slipway = startServer(linux, site)) {
            // An interrupted download: the first 300 000 bytes...
            ProcessResult first = linux.exec(Duration.ofSeconds(60), "curl", "-sS", "-r", "0-299999", "-o",
                    part.toString(), "-w", "%{http_code} %{size_download}", url);
            // ... and curl -C - asks for the rest (Range: bytes=300000-) and appends it.
            ProcessResult rest = linux.exec(Duration.ofSeconds(60), "curl", "-sS", "-C", "-", "-o", part.toString(),
                    "-w", "%{http_code} %{size_download}", url);
            // RFC 9110 §13.1.3: not modified since the file's own time: 304, no body; since a day before: 200.
            FileTime served = Files.getLastModifiedTime(site.resolve("big.bin"));
            Files.setLastModifiedTime(part, served);
            ProcessResult conditional = linux.exec(Duration.ofSeconds(60), "curl", "-sS", "-z", part.toString(), "-o",
                    "/dev/null", "-w", "%{http_code} %{size_download}", url);
            Files.setLastModifiedTime(part, FileTime.fromMillis(served.toMillis() - 86_400_000L));
            ProcessResult older = linux.exec(Duration.ofSeconds(60), "curl", "-sS", "-z", part.toString(), "-o",
                    "/dev/null", "-w", "%{http_code} %{size_download}", url);

            String why = first + "\n" + rest + "\n" + conditional + "\n" + older + "\n" + slipway.diagnostics();
            assertEquals("206 300000", first.output().strip(), why);
            assertEquals("206 " + (MIB - 300000), rest.output().strip(), why);
            assertEquals(sha256(file), sha256(Files.readAllBytes(part)), why);
            assertEquals("304 0", conditional.output().strip(), why);
            assertEquals("200 " + MIB, older.output().strip(), why);
        }
    }

    @Test
    void shouldDownloadFromPythonsHttpServerWithSlipwayGet() throws Exception {
        Environment.requireOrSkip(Environment.onPath("python3"), "python3 (apt install python3)");
        byte[] file = random(MIB, 13);
        Path site = Files.createDirectory(temp.resolve("python-site"));
        Files.write(site.resolve("big.bin"), file);
        Files.writeString(site.resolve("page.html"), "<html><body><p>from Linux</p><img src=\"dot.bin\"></body></html>",
                StandardCharsets.UTF_8);
        byte[] image = random(5000, 14);
        Files.write(site.resolve("dot.bin"), image);
        Path out = Files.createDirectory(temp.resolve("out"));

        try (LinuxPeer linux = LinuxPeer.start(Framing.SLIP, LINUX + "/24", SerialAdapter.SLIP_MTU);
                BackgroundProcess python = linux.spawn("python3", "-m", "http.server", "8000", "--bind", LINUX,
                        "--directory", site.toString())) {
            awaitListening(linux, 8000, python);
            StringWriter err = new StringWriter();
            int big = get(linux, err, "-o", out.resolve("big.bin").toString(), "http://" + LINUX + ":8000/big.bin");
            int page = get(linux, err, "--images", "-o", out.resolve("page.html").toString(),
                    "http://" + LINUX + ":8000/page.html");
            int missing = get(linux, err, "-o", out.resolve("missing").toString(), "http://" + LINUX + ":8000/nope");

            String why = err + "\n" + python.output() + "\n" + linux.diagnostics();
            assertEquals(0, big, why);
            assertEquals(sha256(file), sha256(Files.readAllBytes(out.resolve("big.bin"))), why);
            assertEquals(0, page, why);
            assertTrue(Files.readString(out.resolve("page.html")).contains("from Linux"), why);
            assertEquals(sha256(image), sha256(Files.readAllBytes(out.resolve("dot.bin"))), "the page's image: " + why);
            assertEquals(1, missing, why);
            assertTrue(err.toString().contains("http://" + LINUX + ":8000/nope: 404 "), why);
        }
    }

    private static int get(LinuxPeer linux, StringWriter err, String... args) {
        String[] all = new String[args.length + 7];
        String[] link = {"get", "--serial", linux.slipwayPort().toString(), "--no-lock", "--ip", SLIPWAY + "/24",
            "--no-progress"};
        System.arraycopy(link, 0, all, 0, link.length);
        System.arraycopy(args, 0, all, link.length, args.length);
        return Slipway.run(all, new java.io.ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream(),
                new PrintWriter(new StringWriter(), true), new PrintWriter(err, true));
    }

    private static SlipwayHost startServer(LinuxPeer linux, Path site) throws Exception {
        StackConfig config = StackConfig.DEFAULT.withTcp(TcpConfig.DEFAULT.withTimeWait(TimeUnit.SECONDS.toNanos(1)));
        SlipwayHost slipway = SlipwayHost.start(linux.slipwayPort(), Framing.SLIP, SLIPWAY + "/24", LINUX, config);
        try {
            HttpServer.start(slipway.sockets(), HttpServerConfig.of(site));
            return slipway;
        } catch (Exception | Error e) {
            slipway.close();
            throw e;
        }
    }

    private static void awaitListening(LinuxPeer linux, int port, BackgroundProcess process) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!linux.exec(Duration.ofSeconds(5), "ss", "-ltn").output().contains(":" + port)) {
            assertTrue(process.isAlive(), "the server ended: " + process.output());
            assertTrue(System.nanoTime() < deadline, "nothing listens on " + port + ": " + process.output());
            Thread.sleep(50);
        }
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new SplittableRandom(seed).nextBytes(b);
        return b;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
