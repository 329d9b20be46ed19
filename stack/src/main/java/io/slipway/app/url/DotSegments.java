package io.slipway.app.url;

/**
 * RFC 3986 §5.2.4 remove_dot_segments: takes the {@code "."} and {@code ".."} segments out of a
 * path, as a reference like {@code ../img/logo.png} needs. The RFC's input buffer is the rest of
 * the path from {@code i}; rewriting its start ({@code "/./"} becomes {@code "/"}) is moving
 * {@code i} forward over the dropped characters, so the work stays linear in the path's length.
 */
final class DotSegments {
    private DotSegments() {
    }

    static String remove(String path) {
        StringBuilder output = new StringBuilder(path.length());
        int i = 0;
        // Shrinks only when "/." or "/.." ends the input, which then becomes "/", path[i, i + 1).
        int end = path.length();
        while (i < end) {
            if (startsWith(path, i, end, "../")) {
                i += 3; // A: drop a leading "../"
            } else if (startsWith(path, i, end, "./")) {
                i += 2; // A: drop a leading "./"
            } else if (startsWith(path, i, end, "/./")) {
                i += 2; // B: "/./" becomes "/"
            } else if (is(path, i, end, "/.")) {
                end = i + 1; // B: a final "/." becomes "/"
            } else if (startsWith(path, i, end, "/../")) {
                i += 3; // C: "/../" becomes "/", and the last output segment goes
                removeLastSegment(output);
            } else if (is(path, i, end, "/..")) {
                end = i + 1; // C: a final "/.." becomes "/", and the last output segment goes
                removeLastSegment(output);
            } else if (is(path, i, end, ".") || is(path, i, end, "..")) {
                i = end; // D: a lone "." or ".." goes
            } else {
                // E: move the first segment, with its leading '/' if any, up to the next '/'
                int next = path.indexOf('/', i + 1);
                next = next < 0 || next > end ? end : next;
                output.append(path, i, next);
                i = next;
            }
        }
        return output.toString();
    }

    /** The last segment and the {@code '/'} before it, if any (§5.2.4 C). */
    private static void removeLastSegment(StringBuilder output) {
        output.setLength(Math.max(output.lastIndexOf("/"), 0));
    }

    private static boolean startsWith(String path, int i, int end, String prefix) {
        return end - i >= prefix.length() && path.startsWith(prefix, i);
    }

    private static boolean is(String path, int i, int end, String whole) {
        return end - i == whole.length() && path.startsWith(whole, i);
    }
}
