package io.slipway.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The seed files of a Jazzer target, as its test replays them: a resource folder beside the test class. */
public final class SeedCorpus {
    private SeedCorpus() {
    }

    /** The regular files of {@code folder} (relative to {@code test}'s package), sorted by name; there must be some. */
    public static List<Path> files(Class<?> test, String folder) {
        URL dir = test.getResource(folder);
        assertTrue(dir != null, "no seed corpus " + folder + " beside " + test.getSimpleName());
        try (Stream<Path> files = Files.list(Path.of(dir.toURI()))) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
