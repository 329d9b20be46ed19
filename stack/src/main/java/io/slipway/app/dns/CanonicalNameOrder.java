package io.slipway.app.dns;

import io.slipway.socket.dns.DnsName;
import java.util.Comparator;

/**
 * DNSSEC's canonical order of names (RFC 4034 §6.1): by labels from the right, each compared as
 * lower-case octets, a name before the names below it. Its use here: every name below a name
 * {@code n} sorts right after {@code n}, in one run, so "does anything exist at or below
 * {@code n}?" is one {@code ceiling} look-up in a sorted map, and empty non-terminals need no
 * entries of their own.
 */
final class CanonicalNameOrder implements Comparator<DnsName> {
    static final CanonicalNameOrder INSTANCE = new CanonicalNameOrder();

    private CanonicalNameOrder() {
    }

    @Override
    public int compare(DnsName a, DnsName b) {
        int na = a.labelCount();
        int nb = b.labelCount();
        for (int i = 1; i <= Math.min(na, nb); i++) {
            int c = compareLabels(a.label(na - i), b.label(nb - i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(na, nb);
    }

    private static int compareLabels(byte[] x, byte[] y) {
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            int c = Integer.compare(lower(x[i]), lower(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }

    private static int lower(byte b) {
        int v = b & 0xFF;
        return v >= 'A' && v <= 'Z' ? v + 32 : v;
    }
}
