/**
 * The DNS message format (RFC 1035 §3–4, RFC 2181, RFC 3597): names, resource records and
 * messages, with their wire codec. Shared by the resolver (this layer, as in BSD) and the DNS
 * servers (applications). Values, not flyweights: DNS is a control path, never per-segment work.
 */
package io.slipway.socket.dns;
