package io.slipway.socket.resolver;

import io.slipway.socket.dns.DnsName;

/** A mail exchange for a domain and its preference: lower is tried first (RFC 974, RFC 5321 §5.1). */
public record MxHost(int preference, DnsName exchange) {
}
