package org.sinkatlas.layers.filter;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Parses the CQL2 text encoding (OGC 21-065, {@code cql2-text}) into a {@link Cql2Expression}, by recursive
 * descent. Precedence, loosest first: {@code OR}, {@code AND}, {@code NOT}, then predicates; parentheses
 * group. Keywords are case-insensitive; property names may be double-quoted. Geometry literals are WKT,
 * read by JTS. Positions in messages count characters from 1.
 *
 * <p>Besides the standard, {@code a ILIKE 'p'} is read as {@code CASEI(a) LIKE CASEI('p')}: GDAL's OAPIF
 * driver writes it.
 */
public final class Cql2TextParser {

    private static final Set<String> GEOMETRY_TYPES = Set.of("POINT", "LINESTRING", "POLYGON", "MULTIPOINT",
            "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION");
    private static final Set<String> SPATIAL = Set.of("S_INTERSECTS", "S_EQUALS", "S_DISJOINT", "S_TOUCHES",
            "S_WITHIN", "S_OVERLAPS", "S_CROSSES", "S_CONTAINS");
    private static final Set<String> RESERVED = Set.of("AND", "OR", "NOT", "LIKE", "ILIKE", "BETWEEN", "IN", "IS",
            "NULL", "TRUE", "FALSE");
    private static final int MAX_DEPTH = 100;

    private enum Kind { WORD, QUOTED_NAME, STRING, NUMBER, SYMBOL, END }

    private record Token(Kind kind, String text, int start, int end) {
        boolean isWord(String w) {
            return kind == Kind.WORD && text.equalsIgnoreCase(w);
        }

        boolean isSymbol(String s) {
            return kind == Kind.SYMBOL && text.equals(s);
        }

        String shown() {
            if (kind == Kind.END) return "the end of the filter";
            String t = kind == Kind.STRING ? "'" + text + "'" : kind == Kind.QUOTED_NAME ? '"' + text + '"' : text;
            if (t.length() > 40) t = t.substring(0, 37) + "...";
            return "'" + t + "'";
        }
    }

    private final String text;
    private int pos;
    private Token current;
    private int depth;

    private Cql2TextParser(String text) {
        this.text = text;
        this.current = lex();
    }

    /**
     * Parses a whole filter.
     *
     * @throws Cql2Exception naming the position and what was expected
     */
    public static Cql2Expression parse(String text) {
        if (text == null || text.isBlank()) throw new Cql2Exception("filter: the filter is empty");
        Cql2TextParser p = new Cql2TextParser(text);
        Cql2Expression e = p.orExpression();
        if (p.current.kind != Kind.END) {
            throw p.expected("AND, OR or the end of the filter");
        }
        return e;
    }

    // ------------------------------------------------------------------------------------------------
    // Grammar

    private Cql2Expression orExpression() {
        enter();
        Cql2Expression left = andExpression();
        List<Cql2Expression> parts = null;
        while (current.isWord("OR")) {
            advance();
            if (parts == null) parts = new ArrayList<>(List.of(left));
            parts.add(andExpression());
        }
        depth--;
        return parts == null ? left : new Cql2Expression.Call("or", parts, left.at());
    }

    private Cql2Expression andExpression() {
        Cql2Expression left = notExpression();
        List<Cql2Expression> parts = null;
        while (current.isWord("AND")) {
            advance();
            if (parts == null) parts = new ArrayList<>(List.of(left));
            parts.add(notExpression());
        }
        return parts == null ? left : new Cql2Expression.Call("and", parts, left.at());
    }

    private Cql2Expression notExpression() {
        if (current.isWord("NOT")) {
            String at = here();
            advance();
            enter();
            Cql2Expression inner = notExpression();
            depth--;
            return not(inner, at);
        }
        return primary();
    }

    private Cql2Expression primary() {
        if (current.isSymbol("(")) {
            advance();
            Cql2Expression inner = orExpression();
            expectSymbol(")");
            return inner;
        }
        if (current.kind == Kind.WORD) {
            String word = current.text.toUpperCase(Locale.ROOT);
            if (word.startsWith("A_") && peekIsSymbol("(")) {
                throw new Cql2Exception("filter: " + word + " at " + here() + ": array functions are not supported");
            }
            if ((SPATIAL.contains(word) || word.startsWith("T_")) && peekIsSymbol("(")) {
                return function(word.toLowerCase(Locale.ROOT));
            }
            if ((word.equals("TRUE") || word.equals("FALSE")) && !startsPredicateTail(peek())) {
                String at = here();
                advance();
                return new Cql2Expression.Literal(word.equals("TRUE"), at);
            }
        }
        return predicate();
    }

    /** A comparison, LIKE, BETWEEN, IN or IS NULL predicate, whose left operand comes first. */
    private Cql2Expression predicate() {
        Cql2Expression left = scalar();
        String at = left.at();
        if (current.kind == Kind.SYMBOL && isComparison(current.text)) {
            String op = current.text;
            advance();
            return new Cql2Expression.Call(op, List.of(left, scalar()), at);
        }
        boolean negated = false;
        if (current.isWord("NOT")) {
            negated = true;
            advance();
            if (!current.isWord("LIKE") && !current.isWord("ILIKE") && !current.isWord("BETWEEN")
                    && !current.isWord("IN")) {
                throw expected("LIKE, BETWEEN or IN after NOT");
            }
        }
        Cql2Expression result;
        if (current.isWord("LIKE") || current.isWord("ILIKE")) {
            boolean ilike = current.isWord("ILIKE");
            advance();
            Cql2Expression pattern = scalar();
            result = ilike
                    ? new Cql2Expression.Call("like", List.of(casei(left), casei(pattern)), at)
                    : new Cql2Expression.Call("like", List.of(left, pattern), at);
        } else if (current.isWord("BETWEEN")) {
            advance();
            Cql2Expression low = scalar();
            if (!current.isWord("AND")) throw expected("AND between the two ends of BETWEEN");
            advance();
            result = new Cql2Expression.Call("between", List.of(left, low, scalar()), at);
        } else if (current.isWord("IN")) {
            advance();
            String listAt = here();
            expectSymbol("(");
            List<Cql2Expression> items = new ArrayList<>();
            items.add(scalar());
            while (current.isSymbol(",")) {
                advance();
                items.add(scalar());
            }
            expectSymbol(")");
            result = new Cql2Expression.Call("in", List.of(left, new Cql2Expression.ListOf(items, listAt)), at);
        } else if (!negated && current.isWord("IS")) {
            advance();
            boolean not = false;
            if (current.isWord("NOT")) {
                not = true;
                advance();
            }
            if (!current.isWord("NULL")) throw expected("NULL or NOT NULL after IS");
            advance();
            Cql2Expression isNull = new Cql2Expression.Call("isnull", List.of(left), at);
            return not ? not(isNull, at) : isNull;
        } else {
            throw expected("a comparison operator (=, <>, <, <=, >, >=), LIKE, BETWEEN, IN or IS NULL");
        }
        return negated ? not(result, at) : result;
    }

    /** A property, a literal or a function call: an operand of a predicate. */
    private Cql2Expression scalar() {
        Token t = current;
        String at = here();
        switch (t.kind) {
            case STRING:
                advance();
                return new Cql2Expression.Literal(t.text, at);
            case NUMBER:
                advance();
                return new Cql2Expression.Literal(number(t), at);
            case QUOTED_NAME:
                advance();
                return new Cql2Expression.Property(t.text, at);
            case WORD:
                return word(t, at);
            default:
                throw expected("a property name or literal");
        }
    }

    private Cql2Expression word(Token t, String at) {
        String upper = t.text.toUpperCase(Locale.ROOT);
        if (GEOMETRY_TYPES.contains(upper)) return geometry(t, at);
        if (upper.equals("TRUE") || upper.equals("FALSE")) {
            advance();
            return new Cql2Expression.Literal(upper.equals("TRUE"), at);
        }
        if (RESERVED.contains(upper)) throw expected("a property name or literal");
        if (!peekIsSymbol("(")) {
            advance();
            return new Cql2Expression.Property(t.text, at);
        }
        switch (upper) {
            case "DATE": {
                advance();
                expectSymbol("(");
                Token s = expectString("a date such as '2024-05-01'");
                expectSymbol(")");
                return new Cql2Expression.Literal(date(s), at);
            }
            case "TIMESTAMP": {
                advance();
                expectSymbol("(");
                Token s = expectString("a timestamp such as '2024-05-01T08:00:00Z'");
                expectSymbol(")");
                return new Cql2Expression.Literal(timestamp(s), at);
            }
            case "INTERVAL": {
                advance();
                expectSymbol("(");
                Cql2Expression start = intervalEnd();
                expectSymbol(",");
                Cql2Expression end = intervalEnd();
                expectSymbol(")");
                return new Cql2Expression.Interval(start, end, at);
            }
            case "BBOX": {
                advance();
                expectSymbol("(");
                List<Double> values = new ArrayList<>();
                values.add(coordinate());
                while (current.isSymbol(",")) {
                    advance();
                    values.add(coordinate());
                }
                expectSymbol(")");
                if (values.size() != 4 && values.size() != 6) {
                    throw new Cql2Exception("filter: BBOX at " + at + " needs 4 numbers (or 6 with heights), not "
                            + values.size());
                }
                return new Cql2Expression.Bbox(values.stream().mapToDouble(Double::doubleValue).toArray(), at);
            }
            default:
                return function(t.text.toLowerCase(Locale.ROOT));
        }
    }

    /** {@code name(arg, ...)}: a standard function (S_, T_, CASEI ...) or an unknown one, checked later. */
    private Cql2Expression function(String name) {
        String at = here();
        advance();
        expectSymbol("(");
        enter();
        List<Cql2Expression> args = new ArrayList<>();
        if (!current.isSymbol(")")) {
            args.add(argument());
            while (current.isSymbol(",")) {
                advance();
                args.add(argument());
            }
        }
        expectSymbol(")");
        depth--;
        return new Cql2Expression.Call(name, args, at);
    }

    private Cql2Expression argument() {
        if (current.kind == Kind.WORD && !peekIsSymbol("(")) {
            String upper = current.text.toUpperCase(Locale.ROOT);
            if (upper.equals("NOT") || upper.equals("NULL")) throw expected("a property name or literal");
        }
        return scalar();
    }

    private Cql2Expression intervalEnd() {
        String at = here();
        if (current.kind == Kind.STRING) {
            Token s = current;
            advance();
            if (s.text.equals("..")) return new Cql2Expression.Open(at);
            return new Cql2Expression.Literal(s.text.length() == 10 ? date(s) : timestamp(s), at);
        }
        if (current.kind == Kind.WORD && (current.isWord("DATE") || current.isWord("TIMESTAMP")) && peekIsSymbol("(")) {
            return scalar();
        }
        if (current.kind == Kind.WORD || current.kind == Kind.QUOTED_NAME) return scalar();
        throw expected("a date, a timestamp, '..' or a property name");
    }

    private double coordinate() {
        if (current.kind != Kind.NUMBER) throw expected("a number");
        double v = Double.parseDouble(current.text);
        advance();
        return v;
    }

    /** A WKT literal: its tagged text up to the matching parenthesis (or EMPTY), read by JTS. */
    private Cql2Expression geometry(Token tag, String at) {
        int start = tag.start;
        int i = tag.end;
        int depthHere = 0;
        boolean seenParen = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '(') {
                depthHere++;
                seenParen = true;
            } else if (c == ')') {
                depthHere--;
                if (depthHere < 0) break;
                if (depthHere == 0) {
                    i++;
                    break;
                }
            } else if (!seenParen && c == ',') {
                break;
            }
            if (!seenParen && text.regionMatches(true, i, "EMPTY", 0, 5)) {
                i += 5;
                break;
            }
            i++;
        }
        if (depthHere > 0) {
            throw new Cql2Exception("filter: the " + tag.text.toUpperCase(Locale.ROOT) + " at " + at
                    + " is missing a closing ')'");
        }
        String wkt = text.substring(start, i);
        Geometry g;
        try {
            g = new WKTReader().read(wkt);
        } catch (ParseException | IllegalArgumentException e) {
            throw new Cql2Exception("filter: the " + tag.text.toUpperCase(Locale.ROOT) + " at " + at
                    + " is not valid WKT: " + e.getMessage());
        }
        pos = i;
        current = lex();
        return new Cql2Expression.Literal(g, at);
    }

    private static Cql2Expression not(Cql2Expression inner, String at) {
        return new Cql2Expression.Call("not", List.of(inner), at);
    }

    private static Cql2Expression casei(Cql2Expression e) {
        return new Cql2Expression.Call("casei", List.of(e), e.at());
    }

    private boolean startsPredicateTail(Token t) {
        return (t.kind == Kind.SYMBOL && isComparison(t.text)) || t.isWord("IS") || t.isWord("IN") || t.isWord("LIKE")
                || t.isWord("BETWEEN");
    }

    private static boolean isComparison(String s) {
        return s.equals("=") || s.equals("<>") || s.equals("<") || s.equals("<=") || s.equals(">") || s.equals(">=");
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw new Cql2Exception("filter: nested more than " + MAX_DEPTH + " levels deep at " + here());
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Literals

    private Object number(Token t) {
        String s = t.text;
        try {
            if (s.indexOf('.') < 0 && s.indexOf('e') < 0 && s.indexOf('E') < 0) return Long.parseLong(s);
            double d = Double.parseDouble(s);
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw new Cql2Exception("filter: the number " + s + " at character " + (t.start + 1) + " is out of range");
        }
    }

    private static LocalDate date(Token s) {
        try {
            return LocalDate.parse(s.text);
        } catch (DateTimeParseException e) {
            throw new Cql2Exception("filter: '" + s.text + "' at character " + (s.start + 1)
                    + " is not a date (YYYY-MM-DD)");
        }
    }

    private static Instant timestamp(Token s) {
        try {
            return OffsetDateTime.parse(s.text).toInstant();
        } catch (DateTimeParseException e) {
            throw new Cql2Exception("filter: '" + s.text + "' at character " + (s.start + 1)
                    + " is not an RFC 3339 timestamp such as 2024-05-01T08:00:00Z");
        }
    }

    // ------------------------------------------------------------------------------------------------
    // Tokens

    private String here() {
        return current.kind == Kind.END ? "the end of the filter" : "character " + (current.start + 1);
    }

    private Cql2Exception expected(String what) {
        String where = current.kind == Kind.END ? "at the end of the filter" : "at character " + (current.start + 1)
                + ", found " + current.shown();
        return new Cql2Exception("filter: expected " + what + " " + where);
    }

    private void advance() {
        current = lex();
    }

    private void expectSymbol(String s) {
        if (!current.isSymbol(s)) throw expected("'" + s + "'");
        advance();
    }

    private Token expectString(String what) {
        if (current.kind != Kind.STRING) throw expected(what + " in single quotes");
        Token t = current;
        advance();
        return t;
    }

    private boolean peekIsSymbol(String s) {
        return peek().isSymbol(s);
    }

    private Token peek() {
        int saved = pos;
        Token savedCurrent = current;
        Token next = lex();
        pos = saved;
        current = savedCurrent;
        return next;
    }

    private Token lex() {
        int n = text.length();
        while (pos < n && Character.isWhitespace(text.charAt(pos))) pos++;
        if (pos >= n) return new Token(Kind.END, "", n, n);
        int start = pos;
        char c = text.charAt(pos);
        if (c == '\'') {
            StringBuilder sb = new StringBuilder();
            pos++;
            while (true) {
                if (pos >= n) {
                    throw new Cql2Exception("filter: the string starting at character " + (start + 1)
                            + " has no closing quote");
                }
                char d = text.charAt(pos++);
                if (d == '\'') {
                    if (pos < n && text.charAt(pos) == '\'') {
                        sb.append('\'');
                        pos++;
                    } else {
                        break;
                    }
                } else {
                    sb.append(d);
                }
            }
            return new Token(Kind.STRING, sb.toString(), start, pos);
        }
        if (c == '"') {
            int close = text.indexOf('"', pos + 1);
            if (close < 0) {
                throw new Cql2Exception("filter: the quoted name starting at character " + (start + 1)
                        + " has no closing double quote");
            }
            pos = close + 1;
            return new Token(Kind.QUOTED_NAME, text.substring(start + 1, close), start, pos);
        }
        if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && pos + 1 < n
                && (Character.isDigit(text.charAt(pos + 1)) || text.charAt(pos + 1) == '.'))) {
            pos++;
            while (pos < n && (Character.isDigit(text.charAt(pos)) || text.charAt(pos) == '.')) pos++;
            if (pos < n && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
                int mark = pos;
                pos++;
                if (pos < n && (text.charAt(pos) == '+' || text.charAt(pos) == '-')) pos++;
                if (pos < n && Character.isDigit(text.charAt(pos))) {
                    while (pos < n && Character.isDigit(text.charAt(pos))) pos++;
                } else {
                    pos = mark;
                }
            }
            String num = text.substring(start, pos);
            if (num.chars().filter(ch -> ch == '.').count() > 1) {
                throw new Cql2Exception("filter: '" + num + "' at character " + (start + 1) + " is not a number");
            }
            return new Token(Kind.NUMBER, num, start, pos);
        }
        if (Character.isLetter(c) || c == '_' || c == ':') {
            pos++;
            while (pos < n && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_'
                    || text.charAt(pos) == ':' || text.charAt(pos) == '.')) {
                pos++;
            }
            return new Token(Kind.WORD, text.substring(start, pos), start, pos);
        }
        if (c == '<' && pos + 1 < n && (text.charAt(pos + 1) == '>' || text.charAt(pos + 1) == '=')) {
            pos += 2;
            return new Token(Kind.SYMBOL, text.substring(start, pos), start, pos);
        }
        if (c == '>' && pos + 1 < n && text.charAt(pos + 1) == '=') {
            pos += 2;
            return new Token(Kind.SYMBOL, ">=", start, pos);
        }
        if ("()=<>,".indexOf(c) >= 0) {
            pos++;
            return new Token(Kind.SYMBOL, String.valueOf(c), start, pos);
        }
        pos++;
        return new Token(Kind.SYMBOL, String.valueOf(c), start, pos);
    }
}
