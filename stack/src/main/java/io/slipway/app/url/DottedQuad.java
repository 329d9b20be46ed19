package io.slipway.app.url;

/**
 * An IPv4 address as a URL writes it (RFC 3986 §3.2.2): {@code dec-octet "." dec-octet "."
 * dec-octet "." dec-octet}, each 0..255 without leading zeros. The other forms some libraries
 * accept ({@code 0x7f.1}, {@code 127.1}, {@code 2130706433}, {@code 010.0.0.1} read as octal) are
 * refused: §7.4 warns that they are read differently by different resolvers, and RFC 1123 §2.1
 * keeps a host name from looking like a number, so a host of digits and dots must be a quad.
 */
final class DottedQuad {
    private static final String FORM = "four numbers 0..255 separated by dots, as in 192.168.0.1";

    private DottedQuad() {
    }

    /**
     * @param host digits and dots only, not empty
     * @throws UrlException part {@code host} when {@code host} is not a dotted quad
     */
    static void check(ParseInput in, String host) {
        if (host.endsWith(".")) {
            throw in.fail("host", Quoting.quote(host) + " is not an IPv4 address: it ends with '.' (" + FORM + ")");
        }
        String[] numbers = host.split("\\.", -1);
        if (numbers.length != 4) {
            throw in.fail("host", Quoting.quote(host) + " is not an IPv4 address: it has " + numbers.length
                    + (numbers.length == 1 ? " number" : " numbers") + " (" + FORM + ")");
        }
        for (String number : numbers) {
            if (number.isEmpty()) {
                throw in.fail("host", Quoting.quote(host) + " is not an IPv4 address: a number is missing"
                        + " between two dots (" + FORM + ")");
            }
            if (number.length() > 1 && number.charAt(0) == '0') {
                throw in.fail("host", Quoting.quote(host) + " is not an IPv4 address: " + Quoting.quote(number)
                        + " has a leading zero, which some resolvers read as octal (RFC 3986 §7.4)");
            }
            if (number.length() > 3 || Integer.parseInt(number) > 255) {
                throw in.fail("host", Quoting.shorten(number) + " is not in 0..255 in the IPv4 address "
                        + Quoting.quote(host));
            }
        }
    }
}
