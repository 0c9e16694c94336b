#!/usr/bin/env python3
"""Fetches vector tiles from a server and prints, for each, its bytes, features and vertices.

    mvt-stats.py BASE_URL TILES_FILE

BASE_URL is the tile path without z/y/x, e.g. http://127.0.0.1:18083/collections/parcels/tiles/WebMercatorQuad;
TILES_FILE has one "z x y" a line. Prints "bytes features vertices" a tile, in the file's order. Vertices are
counted as PostGIS's ST_NPoints counts them (a ring's closing point too), so that they compare with SQL.
Reads the Mapbox Vector Tile protobuf by hand: only the standard library is needed.
"""
import http.client
import sys
import urllib.parse


def varint(buf, i):
    shift = value = 0
    while True:
        b = buf[i]
        i += 1
        value |= (b & 0x7F) << shift
        if b < 0x80:
            return value, i
        shift += 7


def fields(buf):
    """(field number, wire type, value) of a message; value is bytes for length-delimited fields."""
    i = 0
    while i < len(buf):
        key, i = varint(buf, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, i = varint(buf, i)
        elif wire == 1:
            value, i = buf[i:i + 8], i + 8
        elif wire == 2:
            n, i = varint(buf, i)
            value, i = buf[i:i + n], i + n
        elif wire == 5:
            value, i = buf[i:i + 4], i + 4
        else:
            raise ValueError("unexpected wire type %d" % wire)
        yield number, wire, value


def vertices(geometry):
    ints, i = [], 0
    while i < len(geometry):
        v, i = varint(geometry, i)
        ints.append(v)
    n = j = 0
    while j < len(ints):
        command, count = ints[j] & 7, ints[j] >> 3
        j += 1
        n += count
        if command in (1, 2):
            j += 2 * count
    return n


def stats(tile):
    features = points = 0
    for number, _, layer in fields(tile):
        if number != 3:
            continue
        for lnum, _, feature in fields(layer):
            if lnum != 2:
                continue
            features += 1
            for fnum, _, value in fields(feature):
                if fnum == 4:
                    points += vertices(value)
    return features, points


def main():
    base, tiles = sys.argv[1], sys.argv[2]
    url = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=120)
    with open(tiles) as f:
        for line in f:
            z, x, y = line.split()
            conn.request("GET", "%s/%s/%s/%s" % (url.path, z, y, x))
            response = conn.getresponse()
            body = response.read()
            if response.status not in (200, 204):
                raise SystemExit("mvt-stats: %s/%s/%s answered %d" % (z, y, x, response.status))
            print(len(body), *stats(body))


if __name__ == "__main__":
    main()
