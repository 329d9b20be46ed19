package io.slipway.app.browser;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the images a page shows: the {@code src} of every {@code <img>} tag, in order, each once,
 * as a browser does before it asks for them one by one. A small tag scanner, not an HTML parser:
 * comments are skipped, attribute values may be double-quoted, single-quoted or bare, and the
 * character references {@code &amp; &lt; &gt; &quot; &#39;} in a value are decoded (HTML's
 * attribute rules, simplified to what pages put in {@code src}).
 */
final class ImageLinks {
    private ImageLinks() {
    }

    static List<String> find(String html) {
        Set<String> found = new LinkedHashSet<>();
        String lower = html.toLowerCase(Locale.ROOT);
        int i = 0;
        while (i < html.length()) {
            int lt = html.indexOf('<', i);
            if (lt < 0) {
                break;
            }
            if (lower.startsWith("<!--", lt)) {
                int end = html.indexOf("-->", lt + 4);
                i = end < 0 ? html.length() : end + 3;
                continue;
            }
            int gt = tagEnd(html, lt + 1);
            if (gt == html.length()) {
                break; // HTML §13.2.5: a tag the text ends within is no tag (eof-in-tag), its src unasked
            }
            if (lower.startsWith("<img", lt) && lt + 4 < html.length()
                    && (Character.isWhitespace(html.charAt(lt + 4)) || html.charAt(lt + 4) == '/')) {
                String src = attribute(html, lt + 4, gt, "src");
                if (src != null && !src.isBlank()) {
                    found.add(src.strip());
                }
            }
            i = gt + 1;
        }
        return new ArrayList<>(found);
    }

    /** Index of the '>' that ends the tag starting before {@code from}, quotes respected; or the text's end. */
    private static int tagEnd(String html, int from) {
        char quote = 0;
        for (int i = from; i < html.length(); i++) {
            char c = html.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i;
            }
        }
        return html.length();
    }

    /** The decoded value of attribute {@code name} between {@code from} and {@code to}, or null. */
    private static String attribute(String html, int from, int to, String name) {
        int i = from;
        while (i < to) {
            while (i < to && (Character.isWhitespace(html.charAt(i)) || html.charAt(i) == '/')) {
                i++;
            }
            int nameStart = i;
            while (i < to && !Character.isWhitespace(html.charAt(i)) && html.charAt(i) != '=' && html.charAt(i) != '/') {
                i++;
            }
            String attr = html.substring(nameStart, i).toLowerCase(Locale.ROOT);
            while (i < to && Character.isWhitespace(html.charAt(i))) {
                i++;
            }
            String value = "";
            if (i < to && html.charAt(i) == '=') {
                i++;
                while (i < to && Character.isWhitespace(html.charAt(i))) {
                    i++;
                }
                if (i < to && (html.charAt(i) == '"' || html.charAt(i) == '\'')) {
                    char quote = html.charAt(i);
                    int end = html.indexOf(quote, i + 1);
                    end = end < 0 || end > to ? to : end;
                    value = html.substring(i + 1, end);
                    i = end + 1;
                } else {
                    int start = i;
                    while (i < to && !Character.isWhitespace(html.charAt(i))) {
                        i++;
                    }
                    value = html.substring(start, i);
                }
            }
            if (attr.equals(name)) {
                return decodeReferences(value);
            }
            if (attr.isEmpty() && i == nameStart) {
                i++; // a stray character: step over it
            }
        }
        return null;
    }

    private static String decodeReferences(String value) {
        if (value.indexOf('&') < 0) {
            return value;
        }
        return value.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'")
                .replace("&amp;", "&");
    }
}
