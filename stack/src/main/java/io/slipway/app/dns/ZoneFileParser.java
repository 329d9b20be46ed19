package io.slipway.app.dns;

import io.slipway.socket.dns.DnsClass;
import io.slipway.socket.dns.DnsName;
import io.slipway.socket.dns.DnsType;
import io.slipway.socket.dns.RData;
import io.slipway.socket.dns.ResourceRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a DNS master file (RFC 1035 §5; {@code $TTL} from RFC 2308 §4) into records. Read first:
 * RFC 1035 §5.1 (format), RFC 2308 §4 ($TTL), RFC 3597 §5 (unknown types).
 *
 * <p>Supported: {@code $ORIGIN name} (a relative name is appended to the current origin, as BIND
 * does), {@code $TTL ttl}; owners absolute, relative, {@code @}, or left blank to repeat the
 * previous record's; TTL and class in either order, each optional, class IN only; TTLs in seconds
 * or with BIND's units ({@code 1h30m}: either case, any order); {@code ;} comments; parentheses
 * over several lines; quoted strings with {@code \"} and {@code \DDD}; types SOA, NS, A, MX, CNAME,
 * TXT, PTR, and any other data type in the generic form {@code TYPE<n> \# <length> <hex>}.
 * {@code $INCLUDE}, {@code $GENERATE} and other types in text form are rejected, naming them.
 *
 * <p>A record without a TTL gets, as BIND gives it: the {@code $TTL} in effect (RFC 2308 §4);
 * with none, the last TTL written on a record (RFC 1035 §5.1: "omitted ... TTL values default to
 * the last explicitly stated values"); with none, if it is the SOA, its own MINIMUM, which then
 * serves as the default as if set by {@code $TTL} (the MINIMUM was the default TTL before RFC 2308
 * §4 gave it to negative caching); anything else is an error: there is no value to guess.
 *
 * <p>Limits, so that a hostile file cannot exhaust memory: {@link #MAX_TEXT_LENGTH} characters in
 * all, {@link #MAX_LINE_LENGTH} per line, {@link #MAX_ENTRY_FIELDS} fields per entry,
 * {@link #MAX_RECORDS} records. Every error is one {@link ZoneFileException}, {@code file:line:
 * what}, naming the line where the record starts; the parser stops at the first.
 */
public final class ZoneFileParser {
    /** Records in one file: an authoritative server's zones are small; a million-name zone is not ours. */
    public static final int MAX_RECORDS = 100_000;
    /** Characters on one line, the line break not counted. */
    public static final int MAX_LINE_LENGTH = 64 * 1024;
    /** Characters (octets) in the whole file. */
    public static final int MAX_TEXT_LENGTH = 32 * 1024 * 1024;
    /** Fields in one entry (lines joined by parentheses count as one): enough for 65535 octets of RDATA. */
    public static final int MAX_ENTRY_FIELDS = 65_536;

    private final String sourceName;
    private final ZoneTokenizer tokenizer;
    private final List<ResourceRecord> records = new ArrayList<>();
    private final List<Integer> lines = new ArrayList<>();
    /** The origin relative names complete with; null until the caller or {@code $ORIGIN} gives one. */
    private DnsName origin;
    /** {@code $TTL}'s value, or the SOA's MINIMUM when the SOA came without TTL before any $TTL; null if neither. */
    private Long defaultTtl;
    /** The TTL last written on a record, for RFC 1035 §5.1's rule when there is no default. */
    private Long lastTtl;
    /** The owner a blank owner field repeats; null before the first record. */
    private DnsName previousOwner;

    private ZoneFileParser(String sourceName, String text, DnsName defaultOrigin) {
        this.sourceName = sourceName;
        this.tokenizer = new ZoneTokenizer(sourceName, text);
        this.origin = defaultOrigin;
    }

    /**
     * Parses a file, read as octets (one character per byte, ISO-8859-1), so that any bytes in
     * TXT data come through unchanged; messages name the file as {@code file.toString()}.
     *
     * @param defaultOrigin the origin at the start of the file (the zone's name), or null if the
     *     file sets it with {@code $ORIGIN} before any relative name
     */
    public static ZoneFile parse(Path file, DnsName defaultOrigin) throws IOException, ZoneFileException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // One byte past the limit is enough for the tokenizer to report the file as too long.
            bytes = in.readNBytes(MAX_TEXT_LENGTH + 1);
        }
        return parse(file.toString(), new String(bytes, StandardCharsets.ISO_8859_1), defaultOrigin);
    }

    /**
     * Parses master-file text, each character one octet (characters above U+00FF are an error).
     *
     * @param sourceName the name messages give the text, e.g. the file name
     * @param defaultOrigin the origin at the start, or null (see {@link #parse(Path, DnsName)})
     */
    public static ZoneFile parse(String sourceName, String text, DnsName defaultOrigin) throws ZoneFileException {
        ZoneFileParser parser = new ZoneFileParser(sourceName, text, defaultOrigin);
        for (ZoneEntry entry = parser.tokenizer.next(); entry != null; entry = parser.tokenizer.next()) {
            parser.entry(entry);
        }
        return new ZoneFile(sourceName, defaultOrigin, parser.records, parser.lines);
    }

    private void entry(ZoneEntry entry) throws ZoneFileException {
        ZoneFields fields = new ZoneFields(sourceName, entry);
        try {
            ZoneToken first = fields.peek();
            if (!first.quoted() && first.text().startsWith("$")) {
                directive(fields);
            } else {
                record(fields, entry.blankOwner());
            }
        } catch (IllegalArgumentException e) {
            // DnsName, the RData records and the text helpers say what is wrong; we add where.
            throw fields.error(e.getMessage());
        }
    }

    /** RFC 1035 §5.1 control entries, and RFC 2308 §4's $TTL. */
    private void directive(ZoneFields fields) throws ZoneFileException {
        String written = fields.word("directive");
        switch (written.toUpperCase(Locale.ROOT)) {
            case "$ORIGIN" -> {
                String name = fields.word("$ORIGIN name");
                fields.end("the $ORIGIN name");
                origin = NameText.resolve(name, origin, "$ORIGIN");
            }
            case "$TTL" -> {
                String ttl = fields.word("$TTL value");
                fields.end("the $TTL value");
                defaultTtl = TtlText.parse(ttl, "TTL", ResourceRecord.MAX_TTL);
            }
            case "$INCLUDE" -> throw fields.error("$INCLUDE is not supported: put the included records in this file");
            case "$GENERATE" -> throw fields.error("$GENERATE is not supported: write the records out");
            default -> throw fields.error("unknown directive: " + written);
        }
    }

    /** {@code [<owner>] [<TTL>] [<class>] <type> <RDATA>}, TTL and class in either order (RFC 1035 §5.1). */
    private void record(ZoneFields fields, boolean blankOwner) throws ZoneFileException {
        DnsName owner;
        if (blankOwner) {
            if (previousOwner == null) {
                throw fields.error("no owner name: the line starts with a blank, which repeats the previous"
                        + " record's owner, but there is no previous record");
            }
            owner = previousOwner;
        } else {
            owner = NameText.resolve(fields.word("owner name"), origin, "owner name");
        }
        Long ttl = null;
        boolean classSeen = false;
        String typeText;
        while (true) {
            String field = fields.word("record type");
            Integer dnsClass = classOf(field);
            if (dnsClass != null) {
                if (classSeen) {
                    throw fields.error("two classes in one record: " + field);
                }
                if (dnsClass != DnsClass.IN) {
                    throw fields.error("class " + field + " is not supported: only IN");
                }
                classSeen = true;
            } else if (field.charAt(0) >= '0' && field.charAt(0) <= '9') {
                if (ttl != null) {
                    throw fields.error("two TTLs in one record: " + field);
                }
                ttl = TtlText.parse(field, "TTL", ResourceRecord.MAX_TTL);
            } else {
                typeText = field;
                break;
            }
        }
        int type = type(typeText, fields);
        RData data = RdataParser.parse(type, fields, origin);
        add(new ResourceRecord(owner, DnsClass.IN, ttlFor(ttl, data, fields), data), fields.line(), fields);
        previousOwner = owner;
    }

    /** A class mnemonic, or RFC 3597 §5's {@code CLASS<n>}; null when the field is not a class. */
    private static Integer classOf(String field) {
        Integer known = DnsClass.parseOrNull(field);
        if (known != null) {
            return known;
        }
        String upper = field.toUpperCase(Locale.ROOT);
        if (upper.startsWith("CLASS") && upper.length() > 5 && upper.length() <= 10
                && upper.substring(5).chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Integer.parseInt(upper.substring(5));
        }
        return null;
    }

    private static int type(String text, ZoneFields fields) throws ZoneFileException {
        int type;
        try {
            type = DnsType.parse(text);
        } catch (IllegalArgumentException e) {
            throw fields.error("unknown record type: " + text
                    + " (write other types as TYPE<n> \\# <length> <hex>, RFC 3597 §5)");
        }
        // RFC 6895 §3.1: 0 is reserved, OPT and 128..255 are query and meta types, never zone data.
        if (type == 0 || type == DnsType.OPT || (type >= 128 && type <= 255)) {
            throw fields.error(DnsType.name(type) + " is not a data type and cannot be in a zone (RFC 6895 §3.1)");
        }
        return type;
    }

    /** The TTL rule of the class comment: explicit, $TTL, last explicit, the SOA's MINIMUM, else an error. */
    private long ttlFor(Long explicit, RData data, ZoneFields fields) throws ZoneFileException {
        if (explicit != null) {
            lastTtl = explicit;
            return explicit;
        }
        if (defaultTtl != null) {
            return defaultTtl;
        }
        if (lastTtl != null) {
            return lastTtl;
        }
        if (data instanceof RData.Soa soa) {
            if (soa.minimum() > ResourceRecord.MAX_TTL) {
                throw fields.error("no TTL, and the SOA MINIMUM " + soa.minimum() + " is too large to stand"
                        + " for one (at most " + ResourceRecord.MAX_TTL + ", RFC 2181 §8): add $TTL");
            }
            defaultTtl = soa.minimum();
            return defaultTtl;
        }
        throw fields.error("no TTL for this record and no $TTL before it: give it a TTL or add $TTL (RFC 2308 §4)");
    }

    private void add(ResourceRecord record, int line, ZoneFields fields) throws ZoneFileException {
        if (records.size() >= MAX_RECORDS) {
            throw fields.error("more than " + MAX_RECORDS + " records in one file");
        }
        records.add(record);
        lines.add(line);
    }
}
