package io.slipway.app.url;

import java.util.Objects;

/**
 * A URL (or a reference to resolve) that cannot be read. {@link #part()} names the bad piece so
 * that a program can react to it; {@link #getMessage()} is one line for the user, naming the part
 * and quoting the text, for example {@code bad port in 'http://h:99999/': 99999 is not in 1..65535}.
 * Positions in messages count characters from 1.
 */
public final class UrlException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final String part;

    /**
     * @param part the bad piece: {@code scheme}, {@code host}, {@code port}, {@code path},
     *     {@code userinfo}, {@code percent-encoding}, {@code query}, {@code fragment},
     *     {@code mailbox}, {@code newsgroup} or {@code reference}
     * @param message what is wrong; control characters are escaped so that it stays one line
     */
    public UrlException(String part, String message) {
        super(Quoting.oneLine(message));
        this.part = Objects.requireNonNull(part, "part");
    }

    /** The piece of the URL that is wrong, e.g. {@code port}. */
    public String part() {
        return part;
    }
}
