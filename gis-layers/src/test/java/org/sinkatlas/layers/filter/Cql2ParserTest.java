package org.sinkatlas.layers.filter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.locationtech.jts.geom.Geometry;

/** Both CQL2 encodings parse into the same expressions; mistakes are reported with their position. */
class Cql2ParserTest {

    /** The expression as a compact prefix form, e.g. {@code (and (= name 'a') (< count 3))}. */
    static String show(Cql2Expression e) {
        if (e instanceof Cql2Expression.Property p) return p.name();
        if (e instanceof Cql2Expression.Open) return "..";
        if (e instanceof Cql2Expression.Literal l) {
            Object v = l.value();
            if (v instanceof String s) return "'" + s + "'";
            if (v instanceof LocalDate d) return "date:" + d;
            if (v instanceof Instant t) return "ts:" + t;
            if (v instanceof Geometry g) return g.toText();
            return String.valueOf(v);
        }
        if (e instanceof Cql2Expression.Interval i) return "[" + show(i.start()) + " " + show(i.end()) + "]";
        if (e instanceof Cql2Expression.Bbox b) {
            return "bbox" + java.util.Arrays.toString(b.values());
        }
        if (e instanceof Cql2Expression.ListOf l) {
            return "(" + l.items().stream().map(Cql2ParserTest::show).collect(Collectors.joining(" ")) + ")";
        }
        Cql2Expression.Call c = (Cql2Expression.Call) e;
        return "(" + c.op() + " " + c.args().stream().map(Cql2ParserTest::show).collect(Collectors.joining(" ")) + ")";
    }

    private static String text(String filter) {
        return show(Cql2TextParser.parse(filter));
    }

    private static String json(String filter) {
        return show(Cql2JsonParser.parse(filter));
    }

    @Test
    void precedenceIsNotThenAndThenOr() {
        assertEquals("(or (= a 1) (and (= b 2) (= c 3)))", text("a = 1 OR b = 2 AND c = 3"));
        assertEquals("(and (or (= a 1) (= b 2)) (= c 3))", text("(a = 1 OR b = 2) AND c = 3"));
        assertEquals("(or (and (not (= a 1)) (= b 2)) (= c 3))", text("NOT a = 1 AND b = 2 OR c = 3"));
        assertEquals("(not (or (= a 1) (= b 2)))", text("not (a = 1 or b = 2)"));
        assertEquals("(and (= a 1) (= b 2) (= c 3))", text("a=1 and b=2 and c=3"));
        assertEquals("(not (not (= a 1)))", text("NOT NOT a = 1"));
        assertEquals("(and (= a 1) (= b 2))", text("((a = 1)) AND (((b = 2)))"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "name = 'Qingpu'|(= name 'Qingpu')",
        "name <> 'Qingpu'|(<> name 'Qingpu')",
        "count < 3|(< count 3)",
        "count <= -3|(<= count -3)",
        "value > 2.5|(> value 2.5)",
        "value >= 1e3|(>= value 1000.0)",
        "active = TRUE|(= active true)",
        "name LIKE 'Qing%'|(like name 'Qing%')",
        "name NOT LIKE 'Qing%'|(not (like name 'Qing%'))",
        "name ILIKE 'qing%'|(like (casei name) (casei 'qing%'))",
        "CASEI(name) LIKE CASEI('qing%')|(like (casei name) (casei 'qing%'))",
        "CASEI(name) = casei('KØBENHAVN')|(= (casei name) (casei 'KØBENHAVN'))",
        "count BETWEEN 2 AND 4|(between count 2 4)",
        "count NOT BETWEEN 2 AND 4|(not (between count 2 4))",
        "name IN ('a', 'b', 'c')|(in name ('a' 'b' 'c'))",
        "name NOT IN ('a')|(not (in name ('a')))",
        "extra IS NULL|(isnull extra)",
        "extra IS NOT NULL|(not (isnull extra))",
        "\"name\" = 'it''s'|(= name 'it's')",
        "opened = DATE('2020-06-01')|(= opened date:2020-06-01)",
        "checked > TIMESTAMP('2024-01-01T01:00:00Z')|(> checked ts:2024-01-01T01:00:00Z)",
        "T_INTERSECTS(opened, INTERVAL('2020-01-01', '..'))|(t_intersects opened [date:2020-01-01 ..])",
        "t_during(INTERVAL(started, completed), INTERVAL('2020-01-01T00:00:00Z', '2021-01-01T00:00:00Z'))"
                + "|(t_during [started completed] [ts:2020-01-01T00:00:00Z ts:2021-01-01T00:00:00Z])",
        "S_INTERSECTS(geometry, POINT(120.9 31.0))|(s_intersects geometry POINT (120.9 31))",
        "S_WITHIN(geometry, BBOX(120.8, 30.9, 121.0, 31.1))|(s_within geometry bbox[120.8, 30.9, 121.0, 31.1])",
        "s_contains(geometry,POLYGON((0 0,1 0,1 1,0 1,0 0)))|(s_contains geometry POLYGON ((0 0, 1 0, 1 1, 0 1, 0 0)))",
        "S_CROSSES(geometry, LINESTRING(0 0, 1 1)) AND name = 'x'|(and (s_crosses geometry LINESTRING (0 0, 1 1)) (= name 'x'))",
        "S_DISJOINT(geometry, GEOMETRYCOLLECTION(POINT(1 2), LINESTRING(0 0, 1 1)))"
                + "|(s_disjoint geometry GEOMETRYCOLLECTION (POINT (1 2), LINESTRING (0 0, 1 1)))",
        "TRUE|true",
        "NOT FALSE|(not false)"
    })
    void everyOperatorOfTheTextEncoding(String filter, String expected) {
        assertEquals(expected, text(filter));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"op\":\"and\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":\"name\"},\"a\"]},"
                + "{\"op\":\"<\",\"args\":[{\"property\":\"count\"},3]}]}|(and (= name 'a') (< count 3))",
        "{\"op\":\"not\",\"args\":[{\"op\":\"isNull\",\"args\":[{\"property\":\"extra\"}]}]}|(not (isnull extra))",
        "{\"op\":\"like\",\"args\":[{\"op\":\"casei\",\"args\":[{\"property\":\"name\"}]},"
                + "{\"op\":\"casei\",\"args\":[\"q%\"]}]}|(like (casei name) (casei 'q%'))",
        "{\"op\":\"in\",\"args\":[{\"property\":\"name\"},[\"a\",\"b\"]]}|(in name ('a' 'b'))",
        "{\"op\":\"between\",\"args\":[{\"property\":\"value\"},1.5,4]}|(between value 1.5 4)",
        "{\"op\":\">=\",\"args\":[{\"property\":\"opened\"},{\"date\":\"2020-06-01\"}]}|(>= opened date:2020-06-01)",
        "{\"op\":\"t_before\",\"args\":[{\"property\":\"checked\"},{\"timestamp\":\"2024-01-01T00:00:00Z\"}]}"
                + "|(t_before checked ts:2024-01-01T00:00:00Z)",
        "{\"op\":\"t_after\",\"args\":[{\"property\":\"opened\"},{\"interval\":[\"..\",\"2021-01-01\"]}]}"
                + "|(t_after opened [.. date:2021-01-01])",
        "{\"op\":\"t_overlaps\",\"args\":[{\"interval\":[{\"property\":\"started\"},{\"property\":\"completed\"}]},"
                + "{\"interval\":[\"2020-01-01\",\"2021-01-01\"]}]}|(t_overlaps [started completed] [date:2020-01-01 date:2021-01-01])",
        "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Point\",\"coordinates\":[120.9,31.0]}]}"
                + "|(s_intersects geometry POINT (120.9 31))",
        "{\"op\":\"s_within\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[120.8,30.9,121.0,31.1]}]}"
                + "|(s_within geometry bbox[120.8, 30.9, 121.0, 31.1])",
        // A GeoJSON geometry with a bbox member of its own (RFC 7946 §5) stays that geometry.
        "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"LineString\",\"bbox\":[120.8,30.9,"
                + "121.0,31.1],\"coordinates\":[[120.8,30.9],[121.0,31.1]]}]}|(s_intersects geometry LINESTRING (120.8 30.9, 121 31.1))",
        "true|true"
    })
    void everyOperatorOfTheJsonEncoding(String filter, String expected) {
        assertEquals(expected, json(filter));
    }

    @Test
    void theTwoEncodingsAgree() {
        assertEquals(text("name = 'a' AND (count < 3 OR NOT value > 2)"), json("{\"op\":\"and\",\"args\":["
                + "{\"op\":\"=\",\"args\":[{\"property\":\"name\"},\"a\"]},{\"op\":\"or\",\"args\":["
                + "{\"op\":\"<\",\"args\":[{\"property\":\"count\"},3]},{\"op\":\"not\",\"args\":["
                + "{\"op\":\">\",\"args\":[{\"property\":\"value\"},2]}]}]}]}"));
    }

    @Test
    void keywordsAreCaseInsensitiveAndStringsKeepTheirCase() {
        assertEquals(text("NAME = 'A' AND count IS NOT NULL"), text("NAME = 'A' and COUNT is not null").replace("COUNT", "count"));
        assertEquals("(= name 'MiXeD')", text("name='MiXeD'"));
        assertEquals("(= 名称 '青浦区')", text("名称 = '青浦区'"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "name = 'x'; DROP TABLE parcels|expected AND, OR or the end of the filter at character 11, found ';'",
        "name = |expected a property name or literal at the end of the filter",
        "name = ;|expected a property name or literal at character 8, found ';'",
        "name == 'x'|expected a property name or literal at character 7, found '='",
        "(name = 'x'|expected ')' at the end of the filter",
        "name = 'x' AND|expected a property name or literal at the end of the filter",
        "name = 'x|the string starting at character 8 has no closing quote",
        "THIS IS NOT A FILTER|expected NULL or NOT NULL after IS at character 13, found 'A'",
        "name NOT = 'x'|expected LIKE, BETWEEN or IN after NOT at character 10, found '='",
        "count BETWEEN 1 OR 2|expected AND between the two ends of BETWEEN at character 17, found 'OR'",
        "name IN 'a'|expected '(' at character 9, found ''a''",
        "name|expected a comparison operator (=, <>, <, <=, >, >=), LIKE, BETWEEN, IN or IS NULL at the end of the filter",
        "opened = DATE('2020-13-01')|'2020-13-01' at character 15 is not a date (YYYY-MM-DD)",
        "checked = TIMESTAMP('yesterday')|'yesterday' at character 21 is not an RFC 3339 timestamp",
        "S_INTERSECTS(geometry, POINT(1))|the POINT at character 24 is not valid WKT",
        "S_INTERSECTS(geometry, POLYGON((0 0, 1 0, 1 1)|the POLYGON at character 24 is missing a closing ')'",
        "S_INTERSECTS(geometry, BBOX(1, 2, 3))|BBOX at character 24 needs 4 numbers (or 6 with heights), not 3",
        "\"name = 'x'|the quoted name starting at character 1 has no closing double quote",
        "|the filter is empty"
    })
    void textMistakesNameThePositionAndWhatWasExpected(String filter, String message) {
        Cql2Exception e = assertThrows(Cql2Exception.class, () -> Cql2TextParser.parse(filter == null ? "" : filter));
        assertTrue(e.getMessage().startsWith("filter: "), e.getMessage());
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"op\":\"=\"|not valid JSON",
        "{\"op\":\"=\"}|\"=\" at / needs an \"args\" array",
        "{\"op\":\"and\",\"args\":[{\"op\":\"=\",\"args\":[{\"property\":5},1]}]}|\"property\" at /args/0/args/0 must be a property name",
        "{\"op\":\">\",\"args\":[{\"property\":\"opened\"},{\"date\":\"soon\"}]}|/args/1/date must be a date",
        "{\"op\":\"=\",\"args\":[{\"property\":\"name\"},{\"colour\":\"red\"}]}|expected an expression at /args/1",
        "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Pointy\",\"coordinates\":[1,2]}]}"
                + "|the GeoJSON geometry at /args/1 cannot be read",
        "{\"op\":\"s_within\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[1,2]}]}|\"bbox\" at /args/1/bbox must be an array of 4"
    })
    void jsonMistakesNameTheJsonPointer(String filter, String message) {
        Cql2Exception e = assertThrows(Cql2Exception.class, () -> Cql2JsonParser.parse(filter));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "(".repeat(5000) + "a = 1" + ")".repeat(5000);
        Cql2Exception e = assertThrows(Cql2Exception.class, () -> Cql2TextParser.parse(deep));
        assertTrue(e.getMessage().contains("nested more than"), e.getMessage());
        String deepJson = "{\"op\":\"not\",\"args\":[".repeat(5000) + "true" + "]}".repeat(5000);
        assertThrows(Cql2Exception.class, () -> Cql2JsonParser.parse(deepJson));
    }
}
