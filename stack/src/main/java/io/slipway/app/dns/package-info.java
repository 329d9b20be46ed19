/**
 * Authoritative DNS data: the master-file parser (RFC 1035 §5, RFC 2308 §4) and the zone that
 * answers queries from it (RFC 1034 §4.3.2). Read {@link io.slipway.app.dns.ZoneFileParser} for
 * the supported syntax and its limits, {@link io.slipway.app.dns.Zone} for the lookup rules.
 * Uses only the DNS data model of {@code io.slipway.socket.dns} and the JDK; nothing here touches
 * the network.
 */
package io.slipway.app.dns;
