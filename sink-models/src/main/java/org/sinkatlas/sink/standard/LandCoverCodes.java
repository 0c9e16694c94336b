package org.sinkatlas.sink.standard;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.sinkatlas.layers.model.Localized;

/** The second-level classes of GB/T 21010-2017 (Current land use classification, 土地利用现状分类). */
public final class LandCoverCodes {

    private static final Map<String, Localized> CODES = new LinkedHashMap<>();

    static {
        add("0101", "水田", "Paddy field");
        add("0102", "水浇地", "Irrigated land");
        add("0103", "旱地", "Dry land");
        add("0201", "果园", "Orchard");
        add("0202", "茶园", "Tea garden");
        add("0203", "橡胶园", "Rubber plantation");
        add("0204", "其他园地", "Other garden");
        add("0301", "乔木林地", "Tree forest");
        add("0302", "竹林地", "Bamboo forest");
        add("0303", "红树林地", "Mangrove");
        add("0304", "森林沼泽", "Forest swamp");
        add("0305", "灌木林地", "Shrubland");
        add("0306", "灌丛沼泽", "Shrub swamp");
        add("0307", "其他林地", "Other forest land");
        add("0401", "天然牧草地", "Natural pasture");
        add("0402", "沼泽草地", "Marsh grassland");
        add("0403", "人工牧草地", "Artificial pasture");
        add("0404", "其他草地", "Other grassland");
        add("0501", "零售商业用地", "Retail");
        add("0502", "批发市场用地", "Wholesale market");
        add("0503", "餐饮用地", "Catering");
        add("0504", "旅馆用地", "Hotel");
        add("0505", "商务金融用地", "Business and finance");
        add("0506", "娱乐用地", "Entertainment");
        add("0507", "其他商服用地", "Other commercial");
        add("0601", "工业用地", "Industrial");
        add("0602", "采矿用地", "Mining");
        add("0603", "盐田", "Salt pan");
        add("0604", "仓储用地", "Storage");
        add("0701", "城镇住宅用地", "Urban residential");
        add("0702", "农村宅基地", "Rural homestead");
        add("0801", "机关团体用地", "Government and organisations");
        add("0802", "新闻出版用地", "Press and publishing");
        add("0803", "教育用地", "Education");
        add("0804", "科研用地", "Research");
        add("0805", "医疗卫生用地", "Health care");
        add("0806", "社会福利用地", "Social welfare");
        add("0807", "文化设施用地", "Culture");
        add("0808", "体育用地", "Sports");
        add("0809", "公用设施用地", "Public utilities");
        add("0810", "公园与绿地", "Parks and green space");
        add("09", "特殊用地", "Special use");
        add("1001", "铁路用地", "Railway");
        add("1002", "轨道交通用地", "Urban rail transit");
        add("1003", "公路用地", "Highway");
        add("1004", "城镇村道路用地", "Urban and village roads");
        add("1005", "交通服务场站用地", "Transport stations");
        add("1006", "农村道路", "Rural roads");
        add("1007", "机场用地", "Airport");
        add("1008", "港口码头用地", "Port and wharf");
        add("1009", "管道运输用地", "Pipeline");
        add("1101", "河流水面", "River");
        add("1102", "湖泊水面", "Lake");
        add("1103", "水库水面", "Reservoir");
        add("1104", "坑塘水面", "Pond");
        add("1105", "沿海滩涂", "Coastal flat");
        add("1106", "内陆滩涂", "Inland flat");
        add("1107", "沟渠", "Ditch");
        add("1108", "沼泽地", "Marsh");
        add("1109", "水工建筑用地", "Hydraulic structures");
        add("1110", "冰川及永久积雪", "Glacier and permanent snow");
        add("1201", "空闲地", "Vacant land");
        add("1202", "设施农用地", "Agricultural facilities");
        add("1203", "田坎", "Field ridge");
        add("1204", "盐碱地", "Saline land");
        add("1205", "沙地", "Sand");
        add("1206", "裸土地", "Bare soil");
        add("1207", "裸岩石砾地", "Bare rock and gravel");
    }

    private LandCoverCodes() {}

    private static void add(String code, String zh, String en) {
        CODES.put(code, Localized.of(zh, en));
    }

    public static boolean isCode(String code) {
        return CODES.containsKey(code);
    }

    public static Optional<Localized> name(String code) {
        return Optional.ofNullable(CODES.get(code));
    }

    /** Every code, in the order of the standard. */
    public static Map<String, Localized> all() {
        return java.util.Collections.unmodifiableMap(CODES);
    }
}
