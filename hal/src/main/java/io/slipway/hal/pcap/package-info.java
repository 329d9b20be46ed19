/**
 * Packet capture: {@link io.slipway.hal.pcap.PcapWriter} writes the classic libpcap file format
 * and {@link io.slipway.hal.pcap.PcapTap} wraps any {@link io.slipway.hal.LanAdapter} to record
 * every frame it carries, for Wireshark and tcpdump.
 */
package io.slipway.hal.pcap;
