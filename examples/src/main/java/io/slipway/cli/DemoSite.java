package io.slipway.cli;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * The demo's web site, written to a temporary directory for bob's HTTP server: a small page that
 * shows two images, one named relative to the page and one from the root, so the browser has
 * both kinds of reference to resolve. The images are drawn here (stripes, no fonts: a headless
 * machine may have none) and written as PNG.
 */
final class DemoSite implements AutoCloseable {
    static final String PAGE = String.join("\n",
            "<!DOCTYPE html>",
            "<html lang=\"en\">",
            "<head><meta charset=\"utf-8\"><title>slipway: a page over a serial cable</title></head>",
            "<body>",
            "<h1>Hello from bob</h1>",
            "<p>This page left bob's disk as an HTTP response, was cut into TCP segments of one MSS each,",
            "wrapped in IPv4 and SLIP, and crossed a 115200-baud cable to alice, who asked for it by name.</p>",
            "<p><img src=\"images/cable.png\" alt=\"a serial cable\"></p>",
            "<p><img src=\"/images/layers.png\" alt=\"the layers of the stack\"></p>",
            "<p>Every image is a request of its own, as a browser lays out a page.</p>",
            "</body>",
            "</html>", "");

    private final Path root;

    private DemoSite(Path root) {
        this.root = root;
    }

    static DemoSite create() throws IOException {
        Path root = Files.createTempDirectory("slipway-demo-site-");
        DemoSite site = new DemoSite(root);
        try {
            Files.writeString(root.resolve("index.html"), PAGE, StandardCharsets.UTF_8);
            Path images = Files.createDirectory(root.resolve("images"));
            writePng(images.resolve("cable.png"), 160, 48, 0x1f6feb, 0xf0f6fc, 12);
            writePng(images.resolve("layers.png"), 120, 96, 0x2da44e, 0xfff8c5, 16);
            return site;
        } catch (IOException | RuntimeException e) {
            site.close();
            throw e;
        }
    }

    Path root() {
        return root;
    }

    /** Stripes of two colours, {@code band} pixels wide, with a little noise so that PNG does not squash them to nothing. */
    private static void writePng(Path file, int width, int height, int a, int b, int band) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        java.util.SplittableRandom noise = new java.util.SplittableRandom(width * 31L + height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int base = ((x + y) / band) % 2 == 0 ? a : b;
                image.setRGB(x, y, base ^ noise.nextInt(8));
            }
        }
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer in this Java");
        }
    }

    /** Removes the site's directory. */
    @Override
    public void close() {
        try (Stream<Path> all = Files.walk(root)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory: the system cleans it up in the end
        }
    }
}
