package org.sinkatlas.layers.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text encodings of CSV files: UTF-8, GBK as Excel saves it, and bytes neither can read. */
class CsvFeatureSourceTest {

    private static final Charset GBK = Charset.forName("GBK");

    @TempDir
    Path dir;

    private Path csv(String name, byte[]... parts) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.write(p);
        return Files.write(dir.resolve(name), out.toByteArray());
    }

    private static String firstName(Path file, Charset given) {
        try (CsvFeatureSource source = CsvFeatureSource.open(file, new SourceOptions(null, given, null))) {
            return (String) source.next().properties().get("name");
        }
    }

    @Test
    void utf8AndGbkAreReadAndTold() throws Exception {
        Path utf8 = csv("utf8.csv", "name,lon,lat\n淀山湖,120.95,31.1\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("淀山湖", firstName(utf8, null));
        Path gbk = csv("gbk.csv", "name,lon,lat\n淀山湖,120.95,31.1\n".getBytes(GBK));
        assertEquals("淀山湖", firstName(gbk, null));
        try (CsvFeatureSource source = CsvFeatureSource.open(gbk, SourceOptions.NONE)) {
            assertTrue(source.notes().contains("gbk.csv is not valid UTF-8: read as GBK"), source.notes().toString());
        }
    }

    @Test
    void bytesNeitherEncodingReadsAreRefusedWithTheirPlace() throws Exception {
        // 0xFF is no byte of UTF-8 and no lead byte of GBK.
        Path bad = csv("bad.csv", "name,lon,lat\n".getBytes(StandardCharsets.UTF_8), new byte[] {'a', 'b', (byte) 0xFF},
                ",120.95,31.1\n".getBytes(StandardCharsets.UTF_8));
        FormatException e = assertThrows(FormatException.class, () -> CsvFeatureSource.open(bad, SourceOptions.NONE));
        assertEquals("bad.csv is neither UTF-8 (line 2, column 3) nor GBK (line 2, column 3): save it as UTF-8, or say"
                + " which encoding it is in with encoding=", e.getMessage());
        // Given explicitly, an encoding is checked too; one that reads every byte is taken at its word.
        e = assertThrows(FormatException.class, () -> CsvFeatureSource.open(bad, new SourceOptions(null, GBK, null)));
        assertEquals("bad.csv is not valid GBK: line 2, column 3", e.getMessage());
        assertEquals("abÿ", firstName(bad, StandardCharsets.ISO_8859_1));
        Path marked = csv("marked.csv", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "name,lon,lat\n".getBytes(GBK), "淀,120.95,31.1\n".getBytes(GBK));
        e = assertThrows(FormatException.class, () -> CsvFeatureSource.open(marked, SourceOptions.NONE));
        assertTrue(e.getMessage().startsWith("marked.csv begins with a UTF-8 mark but is not valid UTF-8: line 2"), e.getMessage());
    }
}
