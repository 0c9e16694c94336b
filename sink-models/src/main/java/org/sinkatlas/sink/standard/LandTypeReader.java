package org.sinkatlas.sink.standard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sinkatlas.layers.model.Localized;
import org.sinkatlas.sink.yaml.YamlNodes;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a land type's figures: the pools and fluxes of a stock-change standard (2027.1 on), or the fixed
 * pools, removal rate and methane of a constant-rate standard (2026.1).
 */
final class LandTypeReader {

    private final FigureReader figures;
    private final YamlNodes yaml;
    private final boolean hasCarbonFraction;

    /** @param hasCarbonFraction whether the standard can turn dry matter into carbon */
    LandTypeReader(FigureReader figures, boolean hasCarbonFraction) {
        this.figures = figures;
        this.yaml = figures.yaml();
        this.hasCarbonFraction = hasCarbonFraction;
    }

    /** 2026.1: {@code pools} (four fixed stocks), {@code removal} and an optional {@code methane}. */
    LandType legacy(String id, String path, Localized name, Map<String, Node> f, Node parent) {
        Node poolsNode = yaml.required(f, "pools", parent);
        Map<String, Node> p = yaml.fields(yaml.mapping(poolsNode), Set.of("above_ground", "below_ground", "soil", "dead"));
        Figure ag = figures.stock(path + ".pools.above_ground", yaml.required(p, "above_ground", poolsNode));
        Figure bg = figures.stock(path + ".pools.below_ground", yaml.required(p, "below_ground", poolsNode));
        Figure soil = figures.stock(path + ".pools.soil", yaml.required(p, "soil", poolsNode));
        Figure dead = figures.stock(path + ".pools.dead", yaml.required(p, "dead", poolsNode));
        List<Flux> fluxes = new ArrayList<>();
        fluxes.add(new Flux.Rate(Flux.Gas.CO2, figures.uncertain(path + ".removal", yaml.required(f, "removal", parent), false,
                false), true));
        if (f.containsKey("methane")) {
            UncertainFigure m = figures.uncertain(path + ".methane", f.get("methane"), true, true);
            fluxes.add(new Flux.Rate(Flux.Gas.CH4, m, m.netted()));
        }
        return new LandType(id, name, new Biomass.Fixed(ag, bg), new Soil.Fixed(soil), new DeadMatter.Fixed(dead), fluxes);
    }

    /** From 2027.1: {@code biomass}, {@code soil}, {@code dead} and {@code fluxes}. */
    LandType stockChange(String id, String path, Localized name, Map<String, Node> f, Node parent) {
        Biomass biomass = biomass(path + ".biomass", yaml.required(f, "biomass", parent));
        Soil soil = soil(path + ".soil", yaml.required(f, "soil", parent));
        DeadMatter dead = dead(path + ".dead", yaml.required(f, "dead", parent));
        List<Flux> fluxes = new ArrayList<>();
        if (f.containsKey("fluxes")) {
            List<Node> list = yaml.sequence(f.get("fluxes"));
            for (int i = 0; i < list.size(); i++) fluxes.add(flux(path + ".fluxes." + i, list.get(i)));
        }
        return new LandType(id, name, biomass, soil, dead, fluxes);
    }

    private String model(Map<String, Node> f, Node node, Set<String> models) {
        String m = yaml.text(yaml.required(f, "model", node));
        if (!models.contains(m)) throw yaml.fault(f.get("model"), "unknown model '" + m + "' (expected one of " + models + ")");
        return m;
    }

    private Biomass biomass(String path, Node node) {
        Map<String, Node> f = yaml.fields(yaml.mapping(node), Set.of("model", "above_ground", "root_shoot", "dry_matter", "growth",
                "growth_old", "young_years", "ceiling"));
        String model = model(f, node, Set.of("none", "steady", "growing"));
        boolean dryMatter = f.containsKey("dry_matter") && yaml.bool(f.get("dry_matter"));
        if (dryMatter && !hasCarbonFraction) {
            throw yaml.fault(f.get("dry_matter"), "a figure in dry matter needs the standard's carbon_fraction, and it has no carbon_fraction");
        }
        UncertainFigure rootShoot = optional(path + ".root_shoot", f.get("root_shoot"));
        switch (model) {
            case "none":
                return new Biomass.None();
            case "steady":
                return new Biomass.Steady(figures.uncertain(path + ".above_ground", yaml.required(f, "above_ground", node), false,
                        true), rootShoot, dryMatter);
            default: {
                int young = f.containsKey("young_years") ? yaml.integer(f.get("young_years")) : Integer.MAX_VALUE;
                UncertainFigure old = optional(path + ".growth_old", f.get("growth_old"));
                if (old != null && !f.containsKey("young_years")) throw yaml.fault(node, "growth_old needs young_years");
                return new Biomass.Growing(figures.uncertain(path + ".growth", yaml.required(f, "growth", node), false, true), old,
                        young, figures.uncertain(path + ".ceiling", yaml.required(f, "ceiling", node), false, true), rootShoot,
                        dryMatter);
            }
        }
    }

    private Soil soil(String path, Node node) {
        Map<String, Node> f = yaml.fields(yaml.mapping(node), Set.of("model", "land_use", "management", "input"));
        if (model(f, node, Set.of("none", "factors")).equals("none")) return new Soil.None();
        return new Soil.Factors(figures.uncertain(path + ".land_use", yaml.required(f, "land_use", node), false, true),
                optional(path + ".management", f.get("management")), optional(path + ".input", f.get("input")));
    }

    private DeadMatter dead(String path, Node node) {
        Map<String, Node> f = yaml.fields(yaml.mapping(node), Set.of("model", "stock"));
        if (model(f, node, Set.of("none", "litter")).equals("none")) return new DeadMatter.None();
        return new DeadMatter.Litter(figures.uncertain(path + ".stock", yaml.required(f, "stock", node), false, true));
    }

    private Flux flux(String path, Node node) {
        Map<String, Node> f = yaml.fields(yaml.mapping(node), Set.of("model", "gas", "rate", "baseline", "water_regime",
                "pre_season", "amendments", "exponent", "season_days"));
        if (model(f, node, Set.of("rate", "rice-methane")).equals("rate")) {
            String gas = yaml.text(yaml.required(f, "gas", node));
            Flux.Gas g = switch (gas) {
                case "ch4" -> Flux.Gas.CH4;
                case "n2o" -> Flux.Gas.N2O;
                default -> throw yaml.fault(f.get("gas"), "a flux's gas is ch4 or n2o (CO2 comes from the stock changes), not '"
                        + gas + "'");
            };
            return new Flux.Rate(g, figures.uncertain(path + ".rate", yaml.required(f, "rate", node), false, true), true);
        }
        List<Flux.Amendment> amendments = new ArrayList<>();
        if (f.containsKey("amendments")) {
            List<Node> list = yaml.sequence(f.get("amendments"));
            for (Node a : list) {
                Map<String, Node> af = yaml.fields(yaml.mapping(a), Set.of("name", "amount", "factor"));
                String name = yaml.text(yaml.required(af, "name", a));
                amendments.add(new Flux.Amendment(name, figures.uncertain(path + ".amendments." + name + ".amount",
                        yaml.required(af, "amount", a), false, true), figures.uncertain(path + ".amendments." + name + ".factor",
                        yaml.required(af, "factor", a), false, true)));
            }
        }
        return new Flux.RiceMethane(figures.uncertain(path + ".baseline", yaml.required(f, "baseline", node), false, true),
                figures.uncertain(path + ".water_regime", yaml.required(f, "water_regime", node), false, true),
                figures.uncertain(path + ".pre_season", yaml.required(f, "pre_season", node), false, true), amendments,
                figures.figure(path + ".exponent", yaml.required(f, "exponent", node)),
                figures.uncertain(path + ".season_days", yaml.required(f, "season_days", node), false, true));
    }

    private UncertainFigure optional(String path, Node node) {
        return node == null ? null : figures.uncertain(path, node, false, true);
    }
}
