package org.sinkatlas.layers.format.shapefile;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * Writes a dBASE III attribute table in UTF-8 (with a .cpg saying so). Text field widths fit the longest value
 * (at most 254 bytes, longer texts cut at a character boundary and counted): records go to a side file first and
 * are copied into the table once the widths are known, so a layer is read from the store only once. Not
 * thread-safe.
 */
final class DbfWriter implements AutoCloseable {

    /** A field to write: type C, N, L or D; {@code length} is fixed for N, L and D and found from the data for C. */
    record Field(String name, char type, int length, int decimals) {}

    static final int MAX_TEXT = 254;

    private final Path file;
    private final Path side;
    private final List<Field> fields;
    private final int[] widths;
    private final DataOutputStream records;
    private int count;
    private long cut;

    DbfWriter(Path file, List<Field> fields) throws IOException {
        this.file = file;
        this.side = file.resolveSibling(file.getFileName() + ".records");
        this.fields = fields;
        this.widths = new int[fields.size()];
        for (int i = 0; i < widths.length; i++) widths[i] = fields.get(i).type() == 'C' ? 1 : fields.get(i).length();
        this.records = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(side), 1 << 16));
    }

    /** Adds a record: String for C, Number for N, Boolean for L, LocalDate for D, or null. */
    void write(Object[] values) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            byte[] bytes = encode(fields.get(i), values[i]);
            if (fields.get(i).type() == 'C') widths[i] = Math.max(widths[i], bytes.length);
            records.writeShort(bytes.length);
            records.write(bytes);
        }
        count++;
    }

    /** How many texts were longer than 254 bytes and were cut. */
    long cutTexts() {
        return cut;
    }

    private byte[] encode(Field f, Object v) {
        if (v == null) return new byte[0];
        switch (f.type()) {
            case 'C': {
                String s = v.toString();
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                if (b.length <= MAX_TEXT) return b;
                cut++;
                // Cut at a character boundary: drop trailing characters until the text fits.
                int end = s.length();
                while (b.length > MAX_TEXT) {
                    end = s.offsetByCodePoints(end, -1);
                    b = s.substring(0, end).getBytes(StandardCharsets.UTF_8);
                }
                return b;
            }
            case 'N': {
                String s = number((Number) v);
                if (s.length() > f.length()) s = Double.toString(((Number) v).doubleValue());
                if (s.length() > f.length()) throw new IllegalArgumentException(v + " does not fit a " + f.length() + "-character field");
                return s.getBytes(StandardCharsets.US_ASCII);
            }
            case 'L':
                return new byte[] {(byte) (((Boolean) v) ? 'T' : 'F')};
            case 'D': {
                LocalDate d = (LocalDate) v;
                return String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth())
                        .getBytes(StandardCharsets.US_ASCII);
            }
            default:
                throw new IllegalStateException("type " + f.type());
        }
    }

    /** The shortest text that reads back as the same number (no exponent where it fits). */
    private static String number(Number n) {
        if (n instanceof Long || n instanceof Integer) return n.toString();
        double d = n.doubleValue();
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d) + ".0";
        return java.math.BigDecimal.valueOf(d).toPlainString();
    }

    /** Closes the side file without writing the table: for an export that failed, whose folder is then deleted. */
    void abandon() {
        try {
            records.close();
        } catch (IOException ignored) {
            // The folder with the side file is deleted next.
        }
    }

    /** Writes the table from the side file and removes it. */
    @Override
    public void close() throws IOException {
        records.close();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
                DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(side), 1 << 16))) {
            int recordLength = 1;
            for (int w : widths) recordLength += w;
            int headerLength = 32 + 32 * fields.size() + 1;
            ByteBuffer h = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
            LocalDate today = LocalDate.now();
            h.put((byte) 3).put((byte) (today.getYear() - 1900)).put((byte) today.getMonthValue())
                    .put((byte) today.getDayOfMonth());
            h.putInt(count).putShort((short) headerLength).putShort((short) recordLength);
            out.write(h.array());
            for (int i = 0; i < fields.size(); i++) {
                Field f = fields.get(i);
                byte[] d = new byte[32];
                byte[] name = f.name().getBytes(StandardCharsets.US_ASCII);
                System.arraycopy(name, 0, d, 0, Math.min(name.length, 10));
                d[11] = (byte) f.type();
                d[16] = (byte) widths[i];
                d[17] = (byte) f.decimals();
                out.write(d);
            }
            out.write(0x0D);
            byte[] pad = new byte[MAX_TEXT + 32];
            Arrays.fill(pad, (byte) ' ');
            for (int r = 0; r < count; r++) {
                out.write(' ');
                for (int i = 0; i < fields.size(); i++) {
                    byte[] v = new byte[in.readUnsignedShort()];
                    in.readFully(v);
                    Field f = fields.get(i);
                    int blank = widths[i] - v.length;
                    // Text is left-aligned, numbers right-aligned, as dBASE does.
                    if (f.type() == 'N') out.write(pad, 0, blank);
                    out.write(v);
                    if (f.type() != 'N') out.write(pad, 0, blank);
                }
            }
            out.write(0x1A);
        } finally {
            Files.deleteIfExists(side);
        }
    }
}
