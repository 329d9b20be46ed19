package io.slipway.socket.dns;

import io.slipway.hal.mock.Hex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the seed corpus of {@link DnsMessageFuzzTest}, raw bytes one message a file: the dig and
 * dnsmasq captures ({@link DnsCaptures}) and every malformed message of {@link CraftedMessages}
 * (loops, truncations, huge counts, oversize names). Runs only when asked:
 *
 * <pre>
 * mvn -B -pl hal,stack test -DbuildSuffix=-dnscodec -Dtest=DnsFuzzSeeds -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Ddns.seeds.dir=$PWD/stack/src/test/resources/io/slipway/socket/dns/DnsMessageFuzzTestInputs
 * </pre>
 */
class DnsFuzzSeeds {
    @Test
    @EnabledIfSystemProperty(named = "dns.seeds.dir", matches = ".+")
    void writeSeeds() throws IOException {
        Path dir = Path.of(System.getProperty("dns.seeds.dir")).resolve("shouldDecodeOrRejectAnyBytes");
        Files.createDirectories(dir);
        for (Map.Entry<String, String> e : DnsCaptures.all().entrySet()) {
            Files.write(dir.resolve(e.getKey()), Hex.bytes(e.getValue()));
        }
        for (Map.Entry<String, byte[]> e : CraftedMessages.all().entrySet()) {
            Files.write(dir.resolve(e.getKey()), e.getValue());
        }
    }
}
