package io.slipway.arp;

import io.slipway.base.Bytes;
import io.slipway.driver.EtherType;
import io.slipway.driver.MacAddress;

/**
 * An ARP message for IPv4 over Ethernet (RFC 826, "Packet format"), a reusable flyweight over a
 * packet's bytes.
 *
 * <pre>
 *  0                   1                   2                   3
 *  0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |   Hardware Type (1 Ethernet)  |  Protocol Type (0x0800 IPv4)  |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  HW length 6  | Proto length 4| Operation (1 request, 2 reply)|
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Sender Hardware Address (octets 0-3)                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  SHA (octets 4-5)             | Sender Protocol Address (0-1) |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |  SPA (octets 2-3)             | Target Hardware Address (0-1) |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |           Target Hardware Address (octets 2-5)                |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * |                   Target Protocol Address                     |
 * +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
 * </pre>
 *
 * ARP is generic over hardware and protocol; the stack speaks only the Ethernet/IPv4 pair, so
 * {@link #check} insists on its types and lengths, after which every field sits at a fixed
 * offset. Bytes after the 28 (Ethernet's padding to 60 bytes) are ignored. Nothing here allocates.
 */
public final class ArpPacket {
    /** The length of an Ethernet/IPv4 ARP message. */
    public static final int LENGTH = 28;
    public static final int HARDWARE_ETHERNET = 1;
    public static final int REQUEST = 1;
    public static final int REPLY = 2;

    static final int HARDWARE_TYPE = 0;
    static final int PROTOCOL_TYPE = 2;
    static final int HARDWARE_LENGTH = 4;
    static final int PROTOCOL_LENGTH = 5;
    static final int OPERATION = 6;
    static final int SENDER_MAC = 8;
    static final int SENDER_IP = 14;
    static final int TARGET_MAC = 18;
    static final int TARGET_IP = 24;

    private byte[] data;
    private int offset;
    private int available;

    /** Views the message at {@code offset}, with {@code available} bytes there. */
    public ArpPacket wrap(byte[] data, int offset, int available) {
        this.data = data;
        this.offset = offset;
        this.available = available;
        return this;
    }

    /**
     * Validates the wrapped bytes as a received message: {@code null} when they hold an
     * Ethernet/IPv4 request or reply, else the drop reason. RFC 826 has the receiver check the
     * hardware and protocol types; the lengths are checked too, since the offsets depend on them.
     */
    public ArpEvent check() {
        if (available < LENGTH) {
            return ArpEvent.DROP_TRUNCATED;
        }
        if (hardwareType() != HARDWARE_ETHERNET) {
            return ArpEvent.DROP_BAD_HARDWARE_TYPE;
        }
        if (protocolType() != EtherType.IPV4) {
            return ArpEvent.DROP_BAD_PROTOCOL_TYPE;
        }
        if (hardwareLength() != 6 || protocolLength() != 4) {
            return ArpEvent.DROP_BAD_ADDRESS_LENGTH;
        }
        int op = operation();
        if (op != REQUEST && op != REPLY) {
            return ArpEvent.DROP_BAD_OPERATION;
        }
        return null;
    }

    public int hardwareType() {
        return Bytes.u16(data, offset + HARDWARE_TYPE);
    }

    public int protocolType() {
        return Bytes.u16(data, offset + PROTOCOL_TYPE);
    }

    public int hardwareLength() {
        return Bytes.u8(data, offset + HARDWARE_LENGTH);
    }

    public int protocolLength() {
        return Bytes.u8(data, offset + PROTOCOL_LENGTH);
    }

    public int operation() {
        return Bytes.u16(data, offset + OPERATION);
    }

    public long senderMac() {
        return MacAddress.read(data, offset + SENDER_MAC);
    }

    public int senderIp() {
        return Bytes.i32(data, offset + SENDER_IP);
    }

    public long targetMac() {
        return MacAddress.read(data, offset + TARGET_MAC);
    }

    public int targetIp() {
        return Bytes.i32(data, offset + TARGET_IP);
    }

    /**
     * Writes a whole Ethernet/IPv4 message at the wrapped offset; the caller has made room for
     * {@link #LENGTH} bytes.
     */
    public void write(int operation, long senderMac, int senderIp, long targetMac, int targetIp) {
        Bytes.put16(data, offset + HARDWARE_TYPE, HARDWARE_ETHERNET);
        Bytes.put16(data, offset + PROTOCOL_TYPE, EtherType.IPV4);
        Bytes.put8(data, offset + HARDWARE_LENGTH, 6);
        Bytes.put8(data, offset + PROTOCOL_LENGTH, 4);
        Bytes.put16(data, offset + OPERATION, operation);
        MacAddress.write(data, offset + SENDER_MAC, senderMac);
        Bytes.put32(data, offset + SENDER_IP, senderIp);
        MacAddress.write(data, offset + TARGET_MAC, targetMac);
        Bytes.put32(data, offset + TARGET_IP, targetIp);
    }
}
