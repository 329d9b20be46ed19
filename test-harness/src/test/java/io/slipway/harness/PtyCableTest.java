package io.slipway.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.slipway.hal.framing.Framing;
import io.slipway.hal.serial.JSerialCommLine;
import io.slipway.testing.SocatPtyPair;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two slipway adapters on the two ends of a socat pseudo-terminal pair exchange 10 000 frames each
 * way at once, for both framings. Needs socat (skipped without it, failed in CI).
 *
 * <p>The ports are opened through socat's symlinks, without the exclusive lock (socat holds the
 * master side; a test bridge might hold the slave). A fresh pair per test: socat ends when one of
 * its ptys is closed.
 */
@Timeout(120)
class PtyCableTest {
    private static final int FRAMES = Integer.getInteger("hil.frames", 10_000);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final JSerialCommLine.Options PTY = JSerialCommLine.Options.DEFAULT.withExclusiveLock(false);

    @Test
    void shouldExchangeTenThousandSlipFramesBothWaysAtOnceOverAPtyPair() throws Exception {
        exchange(Framing.SLIP);
    }

    @Test
    void shouldExchangeTenThousandEthernetFramesBothWaysAtOnceOverAPtyPair() throws Exception {
        exchange(Framing.ETHERNET);
    }

    @AfterEach
    void assertNothingLeftRunning() {
        List<String> threads = Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .map(Thread::getName)
                .filter(name -> name.startsWith("slipway-serial-"))
                .collect(Collectors.toList());
        List<String> processes = ProcessHandle.current().descendants()
                .filter(ProcessHandle::isAlive)
                .map(p -> p.pid() + " " + p.info().commandLine().orElse("?"))
                .collect(Collectors.toList());
        assertEquals(List.of(), threads, "adapter threads still running");
        assertEquals(List.of(), processes, "child processes still running");
    }

    private static void exchange(Framing framing) throws Exception {
        try (SocatPtyPair pair = SocatPtyPair.startOrSkip()) {
            CableExchange.run(pair.a().toString(), pair.b().toString(), PTY, framing, FRAMES, TIMEOUT,
                    () -> "socat " + (pair.isAlive() ? "running" : "ended") + ", log:\n" + pair.log());
        }
    }
}
