package org.sinkatlas.layers.store.geopackage;

import java.io.IOException;
import java.io.UncheckedIOException;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.InStream;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.sinkatlas.layers.store.StoreException;

/**
 * GeoPackage geometry blobs (GPKG header + WKB) to and from JTS. Writing goes through the NGA
 * GeoPackage library, which builds the header and its envelope. Reading skips the header by its
 * flags (GeoPackage 1.3, clause 2.1.3) and hands the WKB straight to JTS: the library would first parse
 * it into its own geometry model, a second full parse on the hottest path of the service.
 * Not thread-safe (reusable readers): one per connection or cursor.
 */
final class GpkgGeometryCodec {

    private static final int[] ENVELOPE_BYTES = {0, 32, 48, 48, 64};

    private final WKBReader reader = new WKBReader(new GeometryFactory());
    private final WKBWriter writer = new WKBWriter(2);
    private final OffsetInStream in = new OffsetInStream();

    /** A GPKG blob for a geometry in the given SRS, with an envelope in its header. */
    byte[] encode(Geometry g, int srsId) {
        try {
            return GeoPackageGeometryData.bytesFromWkbAndBuildEnvelope(srsId, writer.write(g));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Geometry decode(byte[] blob) {
        if (blob == null) return null;
        int start = wkbStart(blob);
        if (start < 0) return null;
        in.reset(blob, start);
        try {
            return reader.read(in);
        } catch (IOException | ParseException e) {
            throw new StoreException("unreadable geometry in the GeoPackage: " + e.getMessage(), e);
        }
    }

    /** The envelope stored in the blob's header, or null when the header has none or the geometry is empty. */
    static Envelope headerEnvelope(byte[] blob) {
        if (blob == null || blob.length < 8) return null;
        int flags = blob[3];
        int indicator = (flags >> 1) & 0x7;
        boolean empty = ((flags >> 4) & 1) == 1;
        if (empty || indicator == 0 || blob.length < 8 + 32) return null;
        boolean little = (flags & 1) == 1;
        return new Envelope(readDouble(blob, 8, little), readDouble(blob, 16, little),
                readDouble(blob, 24, little), readDouble(blob, 32, little));
    }

    /** Where the WKB starts, or -1 for an empty geometry. */
    static int wkbStart(byte[] blob) {
        if (blob.length < 8 || blob[0] != 'G' || blob[1] != 'P') {
            throw new StoreException("not a GeoPackage geometry blob");
        }
        int flags = blob[3];
        if (((flags >> 4) & 1) == 1) return -1;
        int indicator = (flags >> 1) & 0x7;
        if (indicator >= ENVELOPE_BYTES.length) throw new StoreException("bad GeoPackage envelope indicator " + indicator);
        return 8 + ENVELOPE_BYTES[indicator];
    }

    private static double readDouble(byte[] b, int off, boolean little) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            int idx = little ? off + 7 - i : off + i;
            v = (v << 8) | (b[idx] & 0xFFL);
        }
        return Double.longBitsToDouble(v);
    }

    /** JTS input over a byte array from an offset, without copying. */
    private static final class OffsetInStream implements InStream {
        private byte[] buf;
        private int pos;

        void reset(byte[] b, int start) {
            buf = b;
            pos = start;
        }

        @Override
        public int read(byte[] dst) {
            int n = Math.min(dst.length, buf.length - pos);
            System.arraycopy(buf, pos, dst, 0, n);
            pos += n;
            return n;
        }
    }
}
