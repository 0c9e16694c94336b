#!/usr/bin/env bash
# The service on PostGIS against PostGIS itself, in the same run, on N synthetic parcels:
#   - vector tiles: through the service (tile cache off) and the same ST_AsMVT SQL run directly by pgbench,
#     random tiles of the same zoom over the same area;
#   - a limit=1000 GeoJSON page: through the service and the SQL that builds the same page inside PostGIS
#     (json_agg of ST_AsGeoJSON), random pages of the layer;
#   - limit=1000 pages through the service on both engines (items/s).
#
#   scripts/bench/postgis.sh [parcel count, default 1000000]
#
# Starts its own PostGIS (scripts/postgis.sh, fsync on) and copies the parcels into it from the GeoPackage
# made by generate-parcels (estimated once by the service), so both engines hold the same features.
set -euo pipefail

count="${1:-1000000}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/scripts/bench/out"
store="$out/parcels-$count.gpkg"
port="${BENCH_PORT:-18083}"
mkdir -p "$out"
source "$root/scripts/bench/common.sh"
need_packages wrk:wrk
jar="$("$root/scripts/build.sh")"

[[ -f "$store" ]] || java -jar "$jar" generate-parcels --count "$count" --store "$store"

pgdir="$(mktemp -d /tmp/sink-atlas-bench-pg.XXXXXX)"
chmod 755 "$pgdir"
pgport=$((56432 + RANDOM % 1000))
while (exec 3<>"/dev/tcp/127.0.0.1/$pgport") 2>/dev/null; do pgport=$((pgport + 1)); done
server=""
cleanup() {
  [[ -n "$server" ]] && kill "$server" 2>/dev/null || true
  "$root/scripts/postgis.sh" stop "$pgdir/cluster"
  rmdir "$pgdir" 2>/dev/null || true
}
trap cleanup EXIT
url="$("$root/scripts/postgis.sh" start "$pgdir/cluster" "$pgport" | tail -1)"
psql=(psql -X -q -h 127.0.0.1 -p "$pgport" -U sinkatlas sinkatlas)
pgbench=(/usr/lib/postgresql/15/bin/pgbench -h 127.0.0.1 -p "$pgport" -U sinkatlas -n -M prepared)

start_server() { # store, log, extra options
  java -Xmx1g -jar "$jar" serve --store "$1" --port "$port" --host 127.0.0.1 --rate-limit 0 --no-demo "${@:3}" > "$2" 2>&1 &
  server=$!
  wait_for "http://127.0.0.1:$port/health"
  wait_for_estimates "$2" "$count"
}
stop_server() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; server=""; }

echo "## Same parcels in both engines"
start_server "$store" "$out/postgis-gpkg.log"   # a first start estimates the parcels
stop_server
s=$(date +%s.%N)
java -jar "$jar" import --store "$url" --from "$store" | tail -1
echo "copied into PostGIS in $(echo "$s $(date +%s.%N)" | awk '{printf "%.0f s", $2 - $1}')"
"${psql[@]}" -c "VACUUM ANALYZE sink_atlas.parcels"

# A zoom-14 window over the middle of the zone (about 80 x 40 tiles).
z=14
read -r x0 x1 y0 y1 < <(awk -v z=$z 'function col(lon) { return int((lon + 180) / 360 * 2 ^ z) }
  function row(lat,   r) { r = lat * 3.141592653589793 / 180; return int((1 - log(sin(r) / cos(r) + 1 / cos(r)) / 3.141592653589793) / 2 * 2 ^ z) }
  BEGIN { print col(120.6), col(121.1), row(31.2), row(30.85) }')

echo
echo "## Vector tiles, zoom $z, random tiles in columns $x0-$x1, rows $y0-$y1 (2 threads, 8 connections, 20 s)"
# The SQL the service runs for a parcels tile (PostgisStore.vectorTile), with the service's numbers for this
# zoom: 0.5 px simplification, 0.75 px smallest feature (12 units), 4 px buffer (64 units), 25,000 features.
cat > "$out/tile.sql" <<EOF
\set z $z
\set x random($x0, $x1)
\set y random($y0, $y1)
SELECT ST_AsMVT(m.*, 'parcels', 4096, 'geom', 'fid') FROM (SELECT * FROM (SELECT fid, "code", "district", "landcover",
  "sink_density", "sink_net_tco2e", "sink_stock_tc", ST_AsMVTGeom(ST_Simplify(ST_Transform(geom, 3857),
  0.5 * 156543.03392804097 / 2 ^ :z, true), ST_TileEnvelope(:z, :x, :y), 4096, 64, true) AS geom
  FROM sink_atlas.parcels, (SELECT ST_Transform(ST_TileEnvelope(:z, :x, :y, margin => 0.015625), 4326) AS b) e
  WHERE geom && e.b AND ((ST_XMax(geom) = ST_XMin(geom) AND ST_YMax(geom) = ST_YMin(geom))
    OR (ST_XMax(geom) - ST_XMin(geom)) * (4096 * 2 ^ :z / 360) >= 12
    OR (ST_YMax(geom) - ST_YMin(geom)) * (4096 * 2 ^ :z / 360 / cos(radians(ST_Y(ST_Centroid(e.b))))) >= 12)) t
  WHERE t.geom IS NOT NULL ORDER BY fid LIMIT 25000) m;
EOF
cat > "$out/tile-random.lua" <<EOF
math.randomseed(20220627)
request = function()
  return wrk.format("GET", string.format("/collections/parcels/tiles/WebMercatorQuad/$z/%d/%d",
    math.random($y0, $y1), math.random($x0, $x1)))
end
EOF
"${pgbench[@]}" -c 8 -j 2 -T 5 -f "$out/tile.sql" sinkatlas > /dev/null   # warm the cache and the plans
sql_tps=$("${pgbench[@]}" -c 8 -j 2 -T 20 -f "$out/tile.sql" sinkatlas | awk '/^tps/ {print $3}')
start_server "$url" "$out/postgis-pg.log" --tile-cache-mb 0
wrk -t2 -c8 -d5s -s "$out/tile-random.lua" "http://127.0.0.1:$port" > /dev/null   # warm the JIT
svc=$(wrk -t2 -c8 -d20s --latency -s "$out/tile-random.lua" "http://127.0.0.1:$port")
echo "$svc" > "$out/wrk-postgis-tiles.txt"
svc_rps=$(awk '/Requests\/sec/ {print $2}' <<< "$svc")
printf "direct SQL (pgbench):      %8.1f tiles/s\n" "$sql_tps"
printf "through the service:       %8.1f tiles/s   p50 %s   p99 %s\n" "$svc_rps" \
  "$(awk '$1 == "50%" {print $2}' <<< "$svc")" "$(awk '$1 == "99%" {print $2}' <<< "$svc")"
echo "service / direct SQL: $(echo "$svc_rps $sql_tps" | awk '{printf "%.0f %%", 100 * $1 / $2}')"

echo
echo "## A limit=1000 GeoJSON page, random pages of the layer, one client"
pages=$((count / 1000 - 1))
cat > "$out/page.sql" <<EOF
\set o random(0, $pages) * 1000
SELECT json_build_object('type', 'FeatureCollection', 'features', json_agg(ST_AsGeoJSON(t.*)::json))
  FROM (SELECT * FROM sink_atlas.parcels ORDER BY fid LIMIT 1000 OFFSET :o) t;
EOF
cat > "$out/page-random.lua" <<EOF
math.randomseed(20220627)
request = function()
  return wrk.format("GET", string.format("/collections/parcels/items?limit=1000&offset=%d", math.random(0, $pages) * 1000))
end
EOF
"${pgbench[@]}" -c 1 -j 1 -T 5 -f "$out/page.sql" sinkatlas > /dev/null
sql_ms=$("${pgbench[@]}" -c 1 -j 1 -T 20 -f "$out/page.sql" sinkatlas | awk '/latency average/ {print $4}')
wrk -t1 -c1 -d5s -s "$out/page-random.lua" "http://127.0.0.1:$port" > /dev/null
pg_page=$(wrk -t1 -c1 -d20s --latency -s "$out/page-random.lua" "http://127.0.0.1:$port")
svc_ms=$(awk '/Latency/ && !/Distribution/ {v = $2; if (v ~ /ms$/) {sub(/ms/, "", v)} else if (v ~ /us$/) {sub(/us/, "", v); v /= 1000} else {sub(/s/, "", v); v *= 1000}; print v; exit}' <<< "$pg_page")
printf "SQL building the page in PostGIS: %7.1f ms\n" "$sql_ms"
printf "the service (PostGIS store):      %7.1f ms   (%.2f times the SQL)\n" "$svc_ms" "$(echo "$svc_ms $sql_ms" | awk '{print $1 / $2}')"
pg_items=$(wrk -t2 -c2 -d20s -s "$out/page-random.lua" "http://127.0.0.1:$port" | awk '/Requests\/sec/ {print $2 * 1000}')
stop_server

start_server "$store" "$out/postgis-gpkg.log"
wrk -t1 -c1 -d5s -s "$out/page-random.lua" "http://127.0.0.1:$port" > /dev/null
gp_page=$(wrk -t1 -c1 -d20s -s "$out/page-random.lua" "http://127.0.0.1:$port" | awk '/Latency/ && !/Distribution/ {print $2; exit}')
gp_items=$(wrk -t2 -c2 -d20s -s "$out/page-random.lua" "http://127.0.0.1:$port" | awk '/Requests\/sec/ {print $2 * 1000}')
stop_server
echo
echo "## limit=1000 pages through the service, random pages, two clients"
printf "PostGIS store:    %9.0f items/s\n" "$pg_items"
printf "GeoPackage store: %9.0f items/s   (one client: %s a page)\n" "$gp_items" "$gp_page"
