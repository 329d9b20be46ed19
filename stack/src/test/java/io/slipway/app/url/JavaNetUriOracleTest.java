package io.slipway.app.url;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * java.net.URI as a second opinion where it follows RFC 3986 too (it implements RFC 2396 with
 * changes, and splits the same way for these URLs): the same parts for valid URLs, and the same
 * result for relative references of the kinds pages use. The cases where java.net.URI departs
 * from RFC 3986 §5.4 (the empty reference, "?y", more ".." than segments, "/./g") are left out;
 * ResolveNormalExamplesTest and ResolveAbnormalExamplesTest cover them against the RFC itself.
 */
class JavaNetUriOracleTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "http://www.cyber.co.kr/dir/file.html",
        "http://user:password@www.cyber.co.kr:80/dir/file.html",
        "HTTP://WWW.Cyber.CO.KR:8080/a/b/?q=1&r=%20#frag/x?y",
        "https://h/caf%C3%A9/%ED%95%9C?x#y",
        "https://u%20ser:p%40ss@10.0.0.2:8443/",
        "ftp://user:password@ftp.cyber.co.kr:21/dir/file1.html;type=a",
        "ftp://ftp.cyber.co.kr/",
        "http://h/a-._~!$&'()*+,;=:@b",
        "http://h/a/../b/./c",
        "file:///etc/hosts",
        "file://localhost/c:/path/file1.zip",
        "http://www.cyber.co.kr./",
    })
    void shouldSplitHierarchicalUrlsAsJavaNetUriDoes(String text) {
        Url url = Url.parse(text);
        URI oracle = URI.create(text);

        assertEquals(oracle.getScheme().toLowerCase(Locale.ROOT), url.scheme());
        assertEquals(oracle.getUserInfo() == null ? null : oracle.getUserInfo().split(":", 2)[0], url.user());
        assertEquals(oracle.getHost() == null ? "" : oracle.getHost().toLowerCase(Locale.ROOT), url.host());
        assertEquals(oracle.getPort(), url.hasExplicitPort() ? url.port() : -1);
        assertEquals(oracle.getRawPath(), url.rawPath());
        assertEquals(oracle.getPath(), url.path());
        assertEquals(oracle.getRawQuery(), url.query());
        assertEquals(oracle.getRawFragment(), url.fragment());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "mailto:tone@cyber.co.kr",
        "mailto:tone@cyber.co.kr?subject=Hello%20there",
        "news:comp.protocols.tcp-ip",
        "news:1234@cyber.co.kr#x",
    })
    void shouldSplitOpaqueUrlsAsJavaNetUriDoes(String text) {
        // java.net.URI does not split the query of an opaque URI; RFC 3986 §3 does.
        Url url = Url.parse(text);
        URI oracle = URI.create(text);

        assertEquals(oracle.getScheme(), url.scheme());
        assertEquals(oracle.getRawSchemeSpecificPart(), url.requestTarget());
        assertEquals(oracle.getRawFragment(), url.fragment());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "g", "./g", "g/", "/g", "g?y", "g#s", "g?y#s", ";x", "g;x", "g;x?y#s", ".", "./", "..", "../",
        "../g", "../..", "../../", "../../g", "g.", ".g", "g..", "..g", "./../g", "./g/.", "g/./h", "g/../h",
        "g;x=1/./y", "g;x=1/../y", "g?y/./x", "g?y/../x", "g#s/./x", "g#s/../x", "//g/x",
        "http://other.example/x", "img/../../logo.png?v=2",
    })
    void shouldResolveAsJavaNetUriDoes(String reference) {
        String base = "http://a/b/c/d;p?q";

        assertEquals(URI.create(base).resolve(reference).toString(), Url.parse(base).resolve(reference).toString());
    }
}
