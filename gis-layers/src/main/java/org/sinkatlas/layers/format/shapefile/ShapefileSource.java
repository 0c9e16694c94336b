package org.sinkatlas.layers.format.shapefile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import org.locationtech.jts.geom.Geometry;
import org.sinkatlas.layers.crs.CrsDefinition;
import org.sinkatlas.layers.crs.CrsService;
import org.sinkatlas.layers.crs.UnknownCrsException;
import org.sinkatlas.layers.format.CodePages;
import org.sinkatlas.layers.format.FeatureSource;
import org.sinkatlas.layers.format.FormatException;
import org.sinkatlas.layers.format.SourceFeature;
import org.sinkatlas.layers.format.SourceOptions;
import org.sinkatlas.layers.format.TemporaryFolders;

/**
 * A shapefile read as a feature source: a .zip holding .shp, .shx, .dbf, .prj (and maybe .cpg), or a .shp
 * beside its other files. The CRS comes from the .prj, recognised among the accepted ones; attribute text is
 * decoded by the .cpg, or as GBK when there is none. Records marked deleted in the .dbf are skipped with their
 * shapes. A zip is unpacked into a temporary folder that closing removes.
 */
public final class ShapefileSource implements FeatureSource {

    /** The most a zip may unpack to: a guard against zip bombs, far above any survey file. */
    static final long MAX_UNPACKED_BYTES = 4L << 30;

    private final String name;
    private final Path tempDir;
    private final ShpReader shp;
    private final DbfReader dbf;
    private final CrsDefinition crs;
    private final List<String> notes = new ArrayList<>();
    private final List<String> columns = new ArrayList<>();
    private final int idField;
    private int index;
    private SourceFeature pending;
    private long deleted;

    private ShapefileSource(String name, Path tempDir, Map<String, Path> parts, SourceOptions options, CrsService crsService)
            throws IOException {
        this.name = name;
        this.tempDir = tempDir;
        Path shpFile = parts.get("shp");
        String base = shpFile.getFileName().toString().replaceFirst("(?i)\\.shp$", "");
        Path dbfFile = parts.get("dbf");
        if (dbfFile == null) throw new FormatException(name + ": " + base + ".shp has no " + base + ".dbf beside it");
        this.crs = crs(parts.get("prj"), base, options, crsService);
        Charset charset = charset(parts.get("cpg"), base, options);
        ShpReader s = new ShpReader(shpFile);
        DbfReader d;
        try {
            d = new DbfReader(dbfFile, charset);
        } catch (IOException | RuntimeException e) {
            s.close();
            throw e;
        }
        this.shp = s;
        this.dbf = d;
        if (shp.count() != dbf.count()) {
            close();
            throw new FormatException(name + ": " + base + ".shp holds " + shp.count() + " shapes but " + base + ".dbf holds "
                    + dbf.count() + " records; they must match one to one");
        }
        int id = -1;
        for (int i = 0; i < dbf.fields().size(); i++) {
            String field = dbf.fields().get(i).name();
            columns.add(field);
            if (id < 0 && SourceFeature.isIdColumn(field) && dbf.fields().get(i).type() == 'N') id = i;
        }
        this.idField = id;
    }

    /**
     * Opens a shapefile from a .zip or a .shp path.
     *
     * @throws FormatException naming the file and what is missing or wrong
     */
    public static ShapefileSource open(Path file, SourceOptions options, CrsService crsService) {
        String name = file.getFileName().toString();
        Path temp = null;
        try {
            Map<String, Path> parts;
            if (name.toLowerCase(Locale.ROOT).endsWith(".zip")) {
                temp = TemporaryFolders.create("shp");
                parts = unzip(file, temp, options.part());
            } else {
                parts = siblings(file);
            }
            return new ShapefileSource(name, temp, parts, options, crsService);
        } catch (IOException e) {
            TemporaryFolders.delete(temp);
            throw new FormatException("cannot read " + name + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            TemporaryFolders.delete(temp);
            throw e;
        }
    }

    /** The files of one shapefile in a zip: its name there and its parts by extension. */
    private record Group(String base, Map<String, Path> parts) {}

    /**
     * Unpacks the parts of one shapefile of a zip (the only one, or the one named) under names of our own.
     * Entry names without the zip's UTF-8 flag are read as UTF-8 and, when they are not, as GBK: what Windows
     * zip tools write on Chinese systems.
     */
    private static Map<String, Path> unzip(Path zip, Path dir, String wanted) throws IOException {
        try {
            return unzip(zip, dir, wanted, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedName) {
            TemporaryFolders.clear(dir);
            try {
                return unzip(zip, dir, wanted, Charset.forName("GBK"));
            } catch (IllegalArgumentException stillMalformed) {
                throw new FormatException(zip.getFileName() + ": the names of its files are neither UTF-8 nor GBK",
                        stillMalformed);
            }
        }
    }

    private static Map<String, Path> unzip(Path zip, Path dir, String wanted, Charset entryNames) throws IOException {
        String name = zip.getFileName().toString();
        Map<String, Group> groups = new TreeMap<>();
        List<String> seen = new ArrayList<>();
        long unpacked = 0;
        int entryNumber = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip), entryNames)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.isDirectory()) continue;
                String entry = e.getName().replace('\\', '/');
                String file = entry.substring(entry.lastIndexOf('/') + 1);
                if (file.startsWith(".") || entry.startsWith("__MACOSX/")) continue;
                seen.add(entry);
                int dot = file.lastIndexOf('.');
                if (dot <= 0) continue;
                String ext = file.substring(dot + 1).toLowerCase(Locale.ROOT);
                if (!List.of("shp", "shx", "dbf", "prj", "cpg").contains(ext)) continue;
                String base = entry.substring(0, entry.length() - ext.length() - 1);
                // Saved under a number of our own: entry names never become paths on this machine.
                Path target = dir.resolve((entryNumber++) + "." + ext);
                try (var out = Files.newOutputStream(target)) {
                    byte[] buf = new byte[1 << 16];
                    for (int n; (n = in.read(buf)) > 0; ) {
                        unpacked += n;
                        if (unpacked > MAX_UNPACKED_BYTES) throw new FormatException(name + " unpacks to more than 4 GiB");
                        out.write(buf, 0, n);
                    }
                }
                groups.computeIfAbsent(base.toLowerCase(Locale.ROOT), k -> new Group(base, new LinkedHashMap<>()))
                        .parts().put(ext, target);
            }
        } catch (ZipException e) {
            throw new FormatException(name + " is not a readable zip file: " + e.getMessage(), e);
        }
        List<Group> shapefiles = groups.values().stream().filter(g -> g.parts().containsKey("shp")).toList();
        List<String> names = shapefiles.stream().map(g -> g.base() + ".shp").toList();
        if (shapefiles.isEmpty()) {
            throw new FormatException(name + " holds no .shp file" + (seen.isEmpty() ? " (it is empty)" : " (it holds "
                    + String.join(", ", seen.subList(0, Math.min(seen.size(), 10))) + ")"));
        }
        Group chosen;
        if (wanted != null) {
            String w = wanted.toLowerCase(Locale.ROOT).replaceFirst("\\.shp$", "");
            chosen = shapefiles.stream().filter(g -> g.base().toLowerCase(Locale.ROOT).equals(w)
                    || g.base().toLowerCase(Locale.ROOT).endsWith("/" + w)).findFirst()
                    .orElseThrow(() -> new FormatException(name + " holds no shapefile '" + wanted + "'; it holds " + names));
        } else if (shapefiles.size() > 1) {
            throw new FormatException(name + " holds " + shapefiles.size() + " shapefiles " + names + "; say which one to read");
        } else {
            chosen = shapefiles.get(0);
        }
        // Give the parts the shapefile's own base name, so that messages name what the officer sees.
        String fileBase = safe(chosen.base().substring(chosen.base().lastIndexOf('/') + 1));
        Map<String, Path> named = new LinkedHashMap<>();
        for (Map.Entry<String, Path> p : chosen.parts().entrySet()) {
            Path renamed = p.getValue().resolveSibling(fileBase + "." + p.getKey());
            Files.move(p.getValue(), renamed);
            named.put(p.getKey(), renamed);
        }
        return named;
    }

    /** A base name safe as a file name here (the zip's names are the officer's, not ours to trust). */
    private static String safe(String base) {
        String s = base.replaceAll("[/\\\\:\\x00]", "_");
        return s.isEmpty() || s.equals(".") || s.equals("..") ? "shapefile" : s;
    }

    private static Map<String, Path> siblings(Path shp) throws IOException {
        String base = shp.getFileName().toString().replaceFirst("(?i)\\.shp$", "");
        if (!Files.exists(shp)) throw new FormatException(shp.getFileName() + " does not exist");
        Map<String, Path> parts = new LinkedHashMap<>();
        Path dir = shp.toAbsolutePath().getParent();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                int dot = n.lastIndexOf('.');
                if (dot > 0 && n.substring(0, dot).equals(base)) parts.put(n.substring(dot + 1).toLowerCase(Locale.ROOT), f);
            }
        }
        return parts;
    }

    private CrsDefinition crs(Path prj, String base, SourceOptions options, CrsService crsService) throws IOException {
        if (prj == null) {
            if (options.crs() != null) return options.crs();
            throw new FormatException(name + ": " + base + ".shp has no .prj, so its CRS is unknown; say which CRS its"
                    + " coordinates are in (e.g. EPSG:4549)");
        }
        String wkt = Files.readString(prj, StandardCharsets.ISO_8859_1).trim();
        CrsDefinition declared;
        try {
            declared = crsService.fromWkt(wkt);
        } catch (UnknownCrsException e) {
            if (options.crs() == null) throw new FormatException(name + ": " + base + ".prj: " + e.getMessage(), e);
            notes.add(base + ".prj is not a CRS Sink Atlas recognises; coordinates taken as " + options.crs().code()
                    + " as asked");
            return options.crs();
        }
        if (options.crs() != null && options.crs().epsg() != declared.epsg()) {
            throw new FormatException(name + ": " + base + ".prj says " + declared.code() + " but " + options.crs().code()
                    + " was given; leave out the CRS to use the file's own");
        }
        return declared;
    }

    private Charset charset(Path cpg, String base, SourceOptions options) throws IOException {
        if (options.encoding() != null) return options.encoding();
        if (cpg == null) {
            notes.add(base + " has no .cpg: attribute text read as GBK");
            return CodePages.DEFAULT;
        }
        String text = Files.readString(cpg, StandardCharsets.ISO_8859_1).trim();
        return CodePages.charset(text).orElseThrow(() -> new FormatException(name + ": " + base + ".cpg names the"
                + " encoding '" + text + "', which is unknown"));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CrsDefinition crs() {
        return crs;
    }

    @Override
    public long count() {
        return shp.count();
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public List<String> notes() {
        if (deleted > 0 && notes.stream().noneMatch(n -> n.startsWith("skipped"))) {
            notes.add("skipped " + deleted + " records marked deleted in the .dbf");
        }
        return notes;
    }

    @Override
    public boolean hasNext() {
        if (pending == null) pending = read();
        return pending != null;
    }

    @Override
    public SourceFeature next() {
        if (!hasNext()) throw new NoSuchElementException();
        SourceFeature f = pending;
        pending = null;
        return f;
    }

    private SourceFeature read() {
        try {
            while (index < shp.count()) {
                index++;
                String place = "record " + index;
                Geometry g = null;
                String problem = null;
                try {
                    g = shp.next();
                } catch (ShpReader.ShapeException e) {
                    problem = "shape of " + place + ": " + e.getMessage();
                }
                DbfReader.Record r = dbf.next();
                if (r.deleted()) {
                    deleted++;
                    continue;
                }
                if (problem == null && r.problem() != null) problem = r.problem();
                Map<String, Object> props = new LinkedHashMap<>();
                for (int i = 0; i < columns.size(); i++) props.put(columns.get(i), r.values()[i]);
                String sourceId = idField >= 0 && r.values()[idField] != null ? r.values()[idField].toString() : null;
                return new SourceFeature(index, sourceId, place, problem == null ? g : null, props, problem);
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (shp != null) shp.close();
            if (dbf != null) dbf.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            TemporaryFolders.delete(tempDir);
        }
    }
}
