package io.slipway.app.browser;

import java.util.List;

/**
 * A page as a browser lays it out: the page's own fetch, then one fetch per image it shows, and
 * what went wrong with images that could not be fetched (a broken image does not fail the page).
 */
public record Page(Fetch page, List<Fetch> images, List<String> problems) {
    public Page {
        images = List.copyOf(images);
        problems = List.copyOf(problems);
    }

    /** The page and every image arrived with a 2xx status. */
    public boolean isComplete() {
        return page.isSuccess() && problems.isEmpty() && images.stream().allMatch(Fetch::isSuccess);
    }

    /** Body bytes of the page and its images together. */
    public long totalBytes() {
        return page.bodyBytes() + images.stream().mapToLong(Fetch::bodyBytes).sum();
    }
}
