package org.sinkatlas.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void withoutATerminalTheBarIsALineAtTheStartAndEachTenthWithoutControlCharacters() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar bar = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), "import", 1000, false);
        for (long i = 1; i <= 1000; i++) bar.update(i);
        bar.update(1000);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(text.chars().anyMatch(c -> c == '\r' || c == 0x1b), "no carriage returns or escapes");
        List<String> lines = text.lines().toList();
        assertEquals(11, lines.size(), "the start and each tenth: " + text);
        assertTrue(lines.get(0).startsWith("import [                              ]   0% 1/1,000"), lines.get(0));
        assertTrue(lines.get(1).startsWith("import [###                           ]  10% 100/1,000"), lines.get(1));
        assertTrue(lines.get(10).startsWith("import [##############################] 100% 1,000/1,000"), lines.get(9));
    }
}
