package org.sinkatlas.sink.standard;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.sink.yaml.YamlNodes;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a standard file, failing with the file and line of the first fault: a missing or unknown key, a
 * code that is not GB/T 21010-2017, a code in two rows or in none, an unknown source, model or
 * distribution, a range whose central value lies outside it, a negative stock.
 *
 * <p>Two shapes of file: a standard with {@code method: stock-change} (2027.1 on: pools by gain-loss and
 * stock-change factors, every flux netted, GWP sets, the CCER screen), and the 2026.1 shape without
 * {@code method} (fixed pools and constant rates per class), which is read as released.
 */
public final class StandardLoader {

    private static final List<String> SCREEN_RULES = List.of("afforestation", "non_forest_before", "not_wetland",
            "not_cropland", "min_area", "not_economic_forest", "start_date", "crediting_period", "additionality",
            "permanence", "leakage");

    private final String file;
    private final YamlNodes yaml;
    private FigureReader figures;

    private StandardLoader(String file) {
        this.file = file;
        this.yaml = new YamlNodes(file, StandardException::new);
    }

    /** Loads a standard from the classpath, e.g. {@code /standards/yrd-ess-2027.1.yaml}. */
    public static SinkStandard fromResource(String resource) {
        try (InputStream in = StandardLoader.class.getResourceAsStream(resource)) {
            if (in == null) throw new StandardException(resource + ": no such standard file");
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), resource.substring(resource.lastIndexOf('/') + 1));
        } catch (IOException e) {
            throw new StandardException(resource + ": " + e.getMessage(), e);
        }
    }

    /** Reads a standard; {@code file} names it in error messages. */
    public static SinkStandard read(Reader reader, String file) {
        StandardLoader loader = new StandardLoader(file);
        return loader.standard(loader.yaml.root(reader));
    }

    private SinkStandard standard(MappingNode root) {
        boolean legacy = !yaml.fields(root, null).containsKey("method");
        Set<String> keys = new LinkedHashSet<>(List.of("id", "version", "released", "title", "summary", "parameters",
                "urban_green", "components", "classes", "eligibility", "sources"));
        if (!legacy) keys.addAll(List.of("method", "gwp", "carbon_fraction", "soil_reference", "ccer_screen"));
        Map<String, Node> top = yaml.fields(root, keys);
        Map<String, Source> sources = sources(yaml.required(top, "sources", root));
        figures = new FigureReader(yaml, sources);
        String id = yaml.text(yaml.required(top, "id", root));
        String version = yaml.text(yaml.required(top, "version", root));
        LocalDate released = yaml.date(yaml.required(top, "released", root));
        SinkStandard.Method method = SinkStandard.Method.CONSTANT_RATES;
        if (!legacy) {
            String m = yaml.text(top.get("method"));
            if (!m.equals("stock-change")) throw yaml.fault(top.get("method"), "unknown method '" + m + "' (stock-change)");
            method = SinkStandard.Method.STOCK_CHANGE;
        }
        Map<String, Figure> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : yaml.fields(yaml.mapping(yaml.required(top, "parameters", root)), null).entrySet()) {
            parameters.put(e.getKey(), figures.figure("parameters." + e.getKey(), e.getValue()));
        }
        List<String> needed = legacy ? List.of("gwp_ch4", "co2_per_c", "monte_carlo_iterations", "monte_carlo_seed")
                : List.of("co2_per_c", "monte_carlo_iterations", "monte_carlo_seed", "accounting_year", "soil_transition_years",
                        "dead_transition_years", "default_establishment_year");
        for (String p : needed) {
            if (!parameters.containsKey(p)) throw yaml.fault(top.get("parameters"), "parameter " + p + " is missing");
        }
        Map<String, GwpSet> gwp = new LinkedHashMap<>();
        String defaultGwp;
        if (legacy) {
            // 2026.1 has one GWP, of methane: the set it names.
            Figure ch4 = parameters.remove("gwp_ch4");
            gwp.put("ar6", new GwpSet("ar6", new Figure("gwp.ar6.ch4", ch4.value(), ch4.unit(), ch4.source(), ch4.where(),
                    ch4.checked(), ch4.note()), null));
            defaultGwp = "ar6";
            // Its figures do not change with time: the accounting year only dates its answers.
            parameters.put("accounting_year", new Figure("parameters.accounting_year", released.getYear(), "year", "sink-atlas",
                    "2026.1 has no accounting year; its rates do not change with time", Checked.V, null));
        } else {
            defaultGwp = gwpSets(yaml.required(top, "gwp", root), gwp);
        }
        UncertainFigure socRef = null;
        UncertainFigure carbonFraction = null;
        if (!legacy) {
            if (top.containsKey("carbon_fraction")) {
                carbonFraction = figures.uncertain("carbon_fraction", top.get("carbon_fraction"), false, true);
            }
            Node soilNode = yaml.required(top, "soil_reference", root);
            Map<String, Node> s = yaml.fields(yaml.mapping(soilNode), Set.of("socref"));
            socRef = figures.uncertain("soil_reference.socref", yaml.required(s, "socref", soilNode), false, true);
        }
        LandTypeReader types = new LandTypeReader(figures, carbonFraction != null);
        Map<String, UrbanGreenSplit> splits = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : yaml.fields(yaml.mapping(yaml.required(top, "urban_green", root)), null).entrySet()) {
            splits.put(e.getKey(), split(e.getKey(), e.getValue()));
        }
        Map<String, LandType> components = new LinkedHashMap<>();
        for (Node c : yaml.sequence(yaml.required(top, "components", root))) {
            Set<String> allowed = legacy ? Set.of("id", "name", "pools", "removal")
                    : Set.of("id", "name", "biomass", "soil", "dead", "fluxes");
            Map<String, Node> f = yaml.fields(yaml.mapping(c), allowed);
            String cid = yaml.text(yaml.required(f, "id", c));
            Localized name = yaml.localized(yaml.required(f, "name", c));
            String path = "components." + cid;
            components.put(cid, legacy ? types.legacy(cid, path, name, f, c) : types.stockChange(cid, path, name, f, c));
        }
        for (String need : List.of("tree_crown", "lawn", "paved")) {
            if (!components.containsKey(need)) throw yaml.fault(top.get("components"), "component " + need + " is missing");
        }
        Map<String, Category> categories = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : yaml.fields(yaml.mapping(yaml.required(top, "eligibility", root)), null).entrySet()) {
            Map<String, Node> f = yaml.fields(yaml.mapping(e.getValue()), Set.of("zh", "en", "source", "checked"));
            categories.put(e.getKey(), new Category(e.getKey(), Localized.of(yaml.text(yaml.required(f, "zh", e.getValue())),
                    yaml.text(yaml.required(f, "en", e.getValue()))), figures.sourceRef(yaml.required(f, "source", e.getValue())),
                    figures.checked(yaml.required(f, "checked", e.getValue()))));
        }
        List<ClassRow> rows = new ArrayList<>();
        Map<String, Node> seen = new HashMap<>();
        for (Node r : yaml.sequence(yaml.required(top, "classes", root))) {
            ClassRow row = row(r, legacy, types, splits, categories);
            for (String code : row.codes()) {
                if (seen.put(code, r) != null) {
                    throw yaml.fault(r, "land cover " + code + " is in two rows (the other at line " + YamlNodes.line(seen.get(code)) + ")");
                }
            }
            rows.add(row);
        }
        Set<String> missing = new LinkedHashSet<>(LandCoverCodes.all().keySet());
        missing.removeAll(seen.keySet());
        if (!missing.isEmpty()) throw yaml.fault(top.get("classes"), "these GB/T 21010-2017 codes have no row: " + missing);
        CcerScreen screen = legacy ? null : screen(yaml.required(top, "ccer_screen", root));
        return new SinkStandard(id, version, released, method, yaml.localized(yaml.required(top, "title", root)),
                yaml.localized(yaml.required(top, "summary", root)), parameters, gwp, defaultGwp, socRef, carbonFraction, splits,
                components, rows, categories, screen, sources, file);
    }

    private Map<String, Source> sources(Node node) {
        Map<String, Source> sources = new LinkedHashMap<>();
        for (Map.Entry<String, Node> e : yaml.fields(yaml.mapping(node), null).entrySet()) {
            Map<String, Node> s = yaml.fields(yaml.mapping(e.getValue()), Set.of("citation", "url", "checked", "policy"));
            String checkedText = yaml.text(yaml.required(s, "checked", e.getValue()));
            Checked checked;
            try {
                checked = Checked.valueOf(checkedText);
            } catch (IllegalArgumentException bad) {
                throw yaml.fault(s.get("checked"), "checked must be V, V2, D or U, not '" + checkedText + "'");
            }
            // 2026.1 marks no policy sources: its two are known by their ids.
            boolean policy = s.containsKey("policy") ? yaml.bool(s.get("policy"))
                    : e.getKey().equals("sa-policy") || e.getKey().equals("sink-atlas");
            sources.put(e.getKey(), new Source(e.getKey(), yaml.text(yaml.required(s, "citation", e.getValue())),
                    s.containsKey("url") ? yaml.text(s.get("url")) : null, checked, policy));
        }
        return sources;
    }

    /** {@code gwp: {default: ar5, ar5: {ch4: ..., n2o: ...}, ...}}; returns the default's name. */
    private String gwpSets(Node node, Map<String, GwpSet> out) {
        Map<String, Node> f = yaml.fields(yaml.mapping(node), null);
        String def = yaml.text(yaml.required(f, "default", node));
        for (Map.Entry<String, Node> e : f.entrySet()) {
            if (e.getKey().equals("default")) continue;
            Map<String, Node> g = yaml.fields(yaml.mapping(e.getValue()), Set.of("ch4", "n2o"));
            out.put(e.getKey(), new GwpSet(e.getKey(), figures.figure("gwp." + e.getKey() + ".ch4", yaml.required(g, "ch4", e.getValue())),
                    figures.figure("gwp." + e.getKey() + ".n2o", yaml.required(g, "n2o", e.getValue()))));
        }
        if (!out.containsKey(def)) throw yaml.fault(f.get("default"), "the default GWP set '" + def + "' is not defined");
        return def;
    }

    private ClassRow row(Node node, boolean legacy, LandTypeReader types, Map<String, UrbanGreenSplit> splits,
            Map<String, Category> categories) {
        Set<String> allowed = new LinkedHashSet<>(List.of("codes", "name", "assessed", "urban_green", "eligibility", "note"));
        allowed.addAll(legacy ? List.of("pools", "removal", "methane") : List.of("biomass", "soil", "dead", "fluxes"));
        Map<String, Node> f = yaml.fields(yaml.mapping(node), allowed);
        List<String> codes = new ArrayList<>();
        for (Node c : yaml.sequence(yaml.required(f, "codes", node))) {
            String code = yaml.text(c);
            if (!LandCoverCodes.isCode(code)) throw yaml.fault(c, "'" + code + "' is not a GB/T 21010-2017 land-cover code");
            codes.add(code);
        }
        if (codes.isEmpty()) throw yaml.fault(node, "a row needs at least one code");
        String category = yaml.text(yaml.required(f, "eligibility", node));
        if (!categories.containsKey(category)) throw yaml.fault(f.get("eligibility"), "unknown eligibility '" + category + "'");
        Localized note = f.containsKey("note") ? yaml.localized(f.get("note")) : null;
        boolean assessed = !f.containsKey("assessed") || yaml.bool(f.get("assessed"));
        Localized name = yaml.localized(yaml.required(f, "name", node));
        if (f.containsKey("urban_green")) {
            String split = yaml.text(f.get("urban_green"));
            if (!splits.containsKey(split)) throw yaml.fault(f.get("urban_green"), "unknown urban_green split '" + split + "'");
            for (String own : List.of("pools", "removal", "methane", "biomass", "soil", "dead", "fluxes")) {
                if (f.containsKey(own)) throw yaml.fault(f.get(own), "an urban_green row takes its figures from the components; remove " + own);
            }
            return new ClassRow(codes, name, assessed, null, split, category, note, YamlNodes.line(node));
        }
        String id = "class " + String.join("/", codes);
        String path = "classes." + codes.get(0);
        LandType type = legacy ? types.legacy(id, path, name, f, node) : types.stockChange(id, path, name, f, node);
        return new ClassRow(codes, name, assessed, type, null, category, note, YamlNodes.line(node));
    }

    private UrbanGreenSplit split(String id, Node node) {
        Map<String, Node> f = yaml.fields(yaml.mapping(node), Set.of("tree_crown", "lawn", "paved", "width_m", "source", "where", "checked"));
        double crown = yaml.number(yaml.required(f, "tree_crown", node));
        double lawn = yaml.number(yaml.required(f, "lawn", node));
        double paved = yaml.number(yaml.required(f, "paved", node));
        if (crown < 0 || lawn < 0 || paved < 0 || Math.abs(crown + lawn + paved - 1) > 1e-9) {
            throw yaml.fault(node, "tree_crown + lawn + paved must be shares that sum to 1, got " + (crown + lawn + paved));
        }
        Double width = f.containsKey("width_m") ? yaml.number(f.get("width_m")) : null;
        if (width != null && width <= 0) throw yaml.fault(f.get("width_m"), "width_m must be positive");
        return new UrbanGreenSplit(id, crown, lawn, paved, width, figures.sourceRef(yaml.required(f, "source", node)),
                yaml.text(yaml.required(f, "where", node)), figures.checked(yaml.required(f, "checked", node)));
    }

    /** {@code ccer_screen: {methodology, title, source, rules: [{id, zh, en, source, where, checked, ...figures}]}}. */
    private CcerScreen screen(Node node) {
        Map<String, Node> f = yaml.fields(yaml.mapping(node), Set.of("methodology", "title", "source", "rules"));
        List<CcerScreen.Rule> rules = new ArrayList<>();
        for (Node r : yaml.sequence(yaml.required(f, "rules", node))) {
            Map<String, Node> rf = yaml.fields(yaml.mapping(r), null);
            String rid = yaml.text(yaml.required(rf, "id", r));
            if (!SCREEN_RULES.contains(rid)) throw yaml.fault(rf.get("id"), "unknown screen rule '" + rid + "' (one of " + SCREEN_RULES + ")");
            Map<String, Figure> params = new LinkedHashMap<>();
            for (Map.Entry<String, Node> e : rf.entrySet()) {
                if (Set.of("id", "zh", "en", "source", "where", "checked").contains(e.getKey())) continue;
                params.put(e.getKey(), figures.figure("ccer_screen." + rid + "." + e.getKey(), e.getValue()));
            }
            rules.add(new CcerScreen.Rule(rid, Localized.of(yaml.text(yaml.required(rf, "zh", r)), yaml.text(yaml.required(rf, "en", r))),
                    figures.sourceRef(yaml.required(rf, "source", r)), yaml.text(yaml.required(rf, "where", r)),
                    figures.checked(yaml.required(rf, "checked", r)), params));
        }
        return new CcerScreen(yaml.text(yaml.required(f, "methodology", node)), yaml.localized(yaml.required(f, "title", node)),
                figures.sourceRef(yaml.required(f, "source", node)), rules);
    }
}
