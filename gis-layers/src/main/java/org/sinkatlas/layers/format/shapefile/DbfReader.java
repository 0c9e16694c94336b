package org.sinkatlas.layers.format.shapefile;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.sinkatlas.layers.format.FormatException;

/**
 * Reads the attribute table of a shapefile: a dBASE III file (the dBASE file format as the ESRI Shapefile
 * Technical Description uses it) with fields of type C (text), N and F (numbers), L (logical) and D (date).
 * Text is decoded strictly in the given encoding, so that a file in another encoding is reported instead of
 * read as garbage. The header's record count is checked against the file's length. Not thread-safe.
 */
final class DbfReader implements AutoCloseable {

    /** A field (column) of the table. */
    record Field(String name, char type, int length, int decimals) {}

    /** One record: whether it is marked deleted, and its values (String, Long, Double, Boolean, LocalDate or null). */
    record Record(boolean deleted, Object[] values, String problem) {}

    private final String name;
    private final List<Field> fields = new ArrayList<>();
    private final int count;
    private final int recordLength;
    private final InputStream in;
    private final CharsetDecoder decoder;
    private final byte[] buffer;
    private int read;

    DbfReader(Path file, Charset charset) throws IOException {
        this.name = file.getFileName().toString();
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long size = Files.size(file);
        this.in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        try {
            byte[] head = in.readNBytes(32);
            if (head.length < 32) throw new FormatException(name + " is too short to be a dBASE file (" + size + " bytes)");
            ByteBuffer h = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
            int version = head[0] & 0x07;
            if (version != 3 && version != 4) {
                throw new FormatException(name + " is not a dBASE III/IV file (version byte 0x"
                        + Integer.toHexString(head[0] & 0xff) + ")");
            }
            this.count = h.getInt(4);
            int headerLength = h.getShort(8) & 0xffff;
            this.recordLength = h.getShort(10) & 0xffff;
            if (count < 0 || headerLength < 33 || recordLength < 1) throw new FormatException(name + " has a damaged header");
            byte[] descriptors = in.readNBytes(headerLength - 32);
            if (descriptors.length < headerLength - 32) throw new FormatException(name + " is truncated inside its header");
            int sum = 1;
            for (int at = 0; at + 32 <= descriptors.length && descriptors[at] != 0x0D; at += 32) {
                int end = at;
                while (end < at + 11 && descriptors[end] != 0) end++;
                String fieldName = new String(descriptors, at, end - at, StandardCharsets.ISO_8859_1).trim();
                char type = (char) (descriptors[at + 11] & 0xff);
                int length = descriptors[at + 16] & 0xff;
                int decimals = descriptors[at + 17] & 0xff;
                if ("CNFLD".indexOf(type) < 0) {
                    throw new FormatException(name + ": field '" + fieldName + "' has dBASE type '" + type
                            + "', which shapefiles do not use (supported: C, N, F, L, D)");
                }
                fields.add(new Field(fieldName, type, length, decimals));
                sum += length;
            }
            if (sum != recordLength) {
                throw new FormatException(name + ": its fields take " + sum + " bytes a record but the header says "
                        + recordLength);
            }
            long data = size - headerLength;
            long held = data / recordLength;
            if (held < count) {
                throw new FormatException(name + " says it holds " + count + " records but has data for only " + held
                        + " (the file is truncated or its record count is wrong)");
            }
            if (data > (long) count * recordLength + 1 && held > count) {
                throw new FormatException(name + " says it holds " + count + " records but has data for " + held
                        + " (its record count is wrong)");
            }
            this.buffer = new byte[recordLength];
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    List<Field> fields() {
        return fields;
    }

    int count() {
        return count;
    }

    /** The next record, or null after the last. Values that cannot be read leave the record's problem set. */
    Record next() throws IOException {
        if (read >= count) return null;
        int n = in.readNBytes(buffer, 0, recordLength);
        if (n < recordLength) throw new FormatException(name + " ends inside record " + (read + 1));
        read++;
        boolean deleted = buffer[0] == '*';
        Object[] values = new Object[fields.size()];
        String problem = null;
        int at = 1;
        for (int i = 0; i < fields.size(); i++) {
            Field f = fields.get(i);
            try {
                values[i] = value(f, at);
            } catch (IllegalArgumentException e) {
                if (problem == null) problem = "field '" + f.name + "': " + e.getMessage();
            }
            at += f.length;
        }
        return new Record(deleted, values, problem);
    }

    private Object value(Field f, int at) {
        switch (f.type) {
            case 'C': {
                int end = at + f.length;
                while (end > at && (buffer[end - 1] == ' ' || buffer[end - 1] == 0)) end--;
                if (end == at) return null;
                try {
                    CharBuffer chars = decoder.decode(ByteBuffer.wrap(buffer, at, end - at));
                    return chars.toString();
                } catch (CharacterCodingException e) {
                    throw new IllegalArgumentException("the text is not valid " + decoder.charset().name()
                            + " (say the file's encoding, or add a .cpg file naming it)");
                }
            }
            case 'N':
            case 'F': {
                String s = ascii(at, f.length);
                if (s.isEmpty() || s.chars().allMatch(c -> c == '*')) return null;
                try {
                    if (f.decimals == 0 && s.indexOf('.') < 0 && s.indexOf('e') < 0 && s.indexOf('E') < 0) {
                        return Long.parseLong(s.startsWith("+") ? s.substring(1) : s);
                    }
                    return Double.parseDouble(s);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + s + "' is not a number");
                }
            }
            case 'L': {
                char c = (char) buffer[at];
                if ("TtYy".indexOf(c) >= 0) return Boolean.TRUE;
                if ("FfNn".indexOf(c) >= 0) return Boolean.FALSE;
                if (c == '?' || c == ' ' || c == 0) return null;
                throw new IllegalArgumentException("'" + c + "' is not a logical value (T, F or ?)");
            }
            case 'D': {
                String s = ascii(at, f.length);
                if (s.isEmpty() || s.equals("00000000")) return null;
                try {
                    if (s.length() != 8) throw new NumberFormatException();
                    return LocalDate.of(Integer.parseInt(s.substring(0, 4)), Integer.parseInt(s.substring(4, 6)),
                            Integer.parseInt(s.substring(6, 8)));
                } catch (NumberFormatException | DateTimeException e) {
                    throw new IllegalArgumentException("'" + s + "' is not a date (YYYYMMDD)");
                }
            }
            default:
                throw new IllegalStateException("type " + f.type);
        }
    }

    private String ascii(int at, int length) {
        return new String(buffer, at, length, StandardCharsets.ISO_8859_1).trim();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
