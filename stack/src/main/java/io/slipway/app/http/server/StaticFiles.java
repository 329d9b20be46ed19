package io.slipway.app.http.server;

import io.slipway.app.http.HttpStatus;
import io.slipway.app.http.MimeTypes;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Maps request targets to files under a root directory, as a static web server does: a directory
 * asked for with a trailing slash means its {@value #INDEX} (the default file name the seeds of
 * this project describe), a directory asked for without one is redirected to the URL with it
 * (301, so relative links in its page resolve against the directory), a file is sent.
 *
 * <p>Nothing outside the root is ever named: {@link Target} refuses {@code ..} in any spelling,
 * and every name is resolved to its real path, symbolic links followed, and must still lie under
 * the root's real path (403 otherwise), so a link pointing out leads nowhere. Only regular files
 * are sent — a FIFO or a device would block the stack thread or never end.
 */
final class StaticFiles {
    static final String INDEX = "index.html";

    private final Path root;

    /**
     * @throws IllegalArgumentException when {@code root} is not a readable directory
     */
    StaticFiles(Path root) {
        try {
            this.root = root.toRealPath();
        } catch (IOException e) {
            throw new IllegalArgumentException("HTTP root " + root + " cannot be read: " + e.getMessage(), e);
        }
        if (!Files.isDirectory(this.root)) {
            throw new IllegalArgumentException("HTTP root " + root + " is not a directory");
        }
    }

    Path root() {
        return root;
    }

    Resolution resolve(Target target) {
        if (target.isRefused()) {
            return Resolution.error(target.refusal());
        }
        Path candidate = root;
        try {
            for (String segment : target.segments()) {
                candidate = candidate.resolve(segment);
            }
        } catch (InvalidPathException e) {
            // A name the file system's encoding cannot hold (non-ASCII under LANG=C): no such file.
            return Resolution.error(HttpStatus.NOT_FOUND);
        }
        Path real;
        BasicFileAttributes attributes;
        try {
            real = candidate.toRealPath();
            if (!real.startsWith(root)) {
                return Resolution.error(HttpStatus.FORBIDDEN); // a symbolic link out of the root
            }
            attributes = Files.readAttributes(real, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return Resolution.error(HttpStatus.NOT_FOUND);
        } catch (AccessDeniedException e) {
            return Resolution.error(HttpStatus.FORBIDDEN);
        } catch (IOException e) {
            return Resolution.error(HttpStatus.NOT_FOUND); // e.g. a file name used as a directory (ENOTDIR)
        }
        if (attributes.isDirectory()) {
            if (!target.directory()) {
                String query = target.rawQuery() == null ? "" : "?" + target.rawQuery();
                return Resolution.redirect(sameHostPath(target.rawPath()) + "/" + query);
            }
            return index(real);
        }
        if (target.directory()) {
            return Resolution.error(HttpStatus.NOT_FOUND); // "/file.html/": a file is no directory
        }
        return regularFile(real, attributes);
    }

    /**
     * The path for a Location that stays on this server: a path that begins with two slashes
     * ({@code //docs}, which names the same directory here) would be a network-path reference
     * (RFC 3986 §4.2) naming the host "docs" — an open redirect — so leading slashes become one.
     */
    private static String sameHostPath(String rawPath) {
        int i = 0;
        while (i + 1 < rawPath.length() && rawPath.charAt(i + 1) == '/') {
            i++;
        }
        return rawPath.substring(i);
    }

    private Resolution index(Path directory) {
        try {
            Path real = directory.resolve(INDEX).toRealPath();
            if (!real.startsWith(root)) {
                return Resolution.error(HttpStatus.FORBIDDEN);
            }
            BasicFileAttributes attributes = Files.readAttributes(real, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                return Resolution.error(HttpStatus.FORBIDDEN);
            }
            return regularFile(real, attributes);
        } catch (NoSuchFileException e) {
            return Resolution.error(HttpStatus.FORBIDDEN); // no index: directories are not listed
        } catch (IOException e) {
            return Resolution.error(HttpStatus.FORBIDDEN);
        }
    }

    private static Resolution regularFile(Path real, BasicFileAttributes attributes) {
        if (!attributes.isRegularFile() || !Files.isReadable(real)) {
            return Resolution.error(HttpStatus.FORBIDDEN);
        }
        return Resolution.file(real, attributes.size(), attributes.lastModifiedTime().toInstant(),
                MimeTypes.forFileName(real.getFileName().toString()));
    }
}
