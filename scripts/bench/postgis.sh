#!/usr/bin/env bash
# The service on PostGIS against PostGIS itself, in the same run, on N synthetic parcels:
#   - vector tiles: through the service (tile cache off), the same ST_AsMVT SQL run directly by pgbench, and
#     the plainest tile SQL (ST_AsMVT of ST_AsMVTGeom, same properties, no simplification or dropping) by
#     pgbench, random tiles of the same zoom over the same area, at zooms 14 and 11 (BENCH_TILE_ZOOMS); then
#     the bytes, features and vertices of one fixed list of those tiles as each makes them (mvt-stats.py);
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
# A copy: a build during the run must not change the jar under the server.
cp "$jar" "$out/sink-atlas-postgis.jar"
jar="$out/sink-atlas-postgis.jar"

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

# The tiles: random tiles of a window over the middle of the zone (about 24 x 19 tiles at zoom 14, 3 x 3 at
# zoom 11, where parcels are first tiled), at each zoom of BENCH_TILE_ZOOMS.
zooms="${BENCH_TILE_ZOOMS:-14 11}"
window() { # z: the window's first and last columns and rows
  awk -v z="$1" 'function col(lon) { return int((lon + 180) / 360 * 2 ^ z) }
    function row(lat,   r) { r = lat * 3.141592653589793 / 180; return int((1 - log(sin(r) / cos(r) + 1 / cos(r)) / 3.141592653589793) / 2 * 2 ^ z) }
    BEGIN { print col(120.6), col(121.1), row(31.2), row(30.85) }'
}
# The parcels' tile properties (tiles/layers.yaml: code, district and landcover, and the sink measures that
# `sink: true` adds, TileRules.SINK_ATTRIBUTES), with fid as the feature id.
props='"code", "district", "landcover", "sink_density", "sink_net_tco2e", "sink_stock_tc", "sink_area_m2",
  "sink_methane_tco2e", "sink_n2o_tco2e", "sink_eligibility", "sink_plan_diff_tco2e"'
# service_tile_sql Z X Y [COLUMNS]: the SQL the service runs for a parcels tile (PostgisStore.vectorTile), with
# the service's numbers for a zoom: 0.5 px simplification, 0.75 px smallest feature (12 units), 4 px buffer
# (64 units), 25,000 features. This is its first try: the service makes a tile over its 500 kB budget again
# with twice the simplification and smallest size, up to 7 times (VectorTiles.shapes).
# Z, X and Y are SQL (pgbench variables or columns); COLUMNS are more aggregates over the tile's rows m.
service_tile_sql() {
  cat <<EOF
SELECT ST_AsMVT(m.*, 'parcels', 4096, 'geom', 'fid')${4:-} FROM (SELECT * FROM (SELECT fid, $props,
  ST_AsMVTGeom(ST_Simplify(ST_Transform(geom, 3857), 0.5 * 156543.03392804097 / 2 ^ $1, true),
  ST_TileEnvelope($1, $2, $3), 4096, 64, true) AS geom
  FROM sink_atlas.parcels, (SELECT ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 0.015625), 4326) AS b) e
  WHERE geom && e.b AND ((ST_XMax(geom) = ST_XMin(geom) AND ST_YMax(geom) = ST_YMin(geom))
    OR (ST_XMax(geom) - ST_XMin(geom)) * (4096 * 2 ^ $1 / 360) >= 12
    OR (ST_YMax(geom) - ST_YMin(geom)) * (4096 * 2 ^ $1 / 360 / cos(radians(ST_Y(ST_Centroid(e.b))))) >= 12) OFFSET 0) t
  WHERE t.geom IS NOT NULL ORDER BY fid LIMIT 25000) m
EOF
}
# plain_tile_sql Z X Y [COLUMNS]: the plainest tile of the table, as a tile server publishing it would make
# it: the same properties, id and buffer, every feature whose box meets the tile, clipped, no simplification.
plain_tile_sql() {
  cat <<EOF
SELECT ST_AsMVT(m.*, 'parcels', 4096, 'geom', 'fid')${4:-} FROM (SELECT fid, $props,
  ST_AsMVTGeom(ST_Transform(geom, 3857), ST_TileEnvelope($1, $2, $3), 4096, 64, true) AS geom
  FROM sink_atlas.parcels WHERE geom && ST_Transform(ST_TileEnvelope($1, $2, $3, margin => 64.0 / 4096), 4326)) m
EOF
}
# pgbench_tiles NAME: 20 s of tile-NAME.sql, 2 threads and 8 clients, the same random tiles for every query
# (one seed); prints tiles/s and the mean, median and 99th percentile latency in ms (from pgbench's log of
# each transaction).
pgbench_tiles() {
  "${pgbench[@]}" -c 8 -j 2 -T 5 --random-seed=20220627 -f "$out/tile-$1.sql" sinkatlas 2>&1 > /dev/null |
    grep -v "setting random seed" >&2 || true   # warm the cache and the plan
  rm -f "$out/pgbench-$1".*
  local tps
  tps=$("${pgbench[@]}" -c 8 -j 2 -T 20 --random-seed=20220627 -l --log-prefix="$out/pgbench-$1" \
    -f "$out/tile-$1.sql" sinkatlas 2> >(grep -v "setting random seed" >&2) | awk '/^tps/ {print $3}')
  cat "$out/pgbench-$1".* | awk '{print $3 / 1000}' | sort -n |
    awk -v tps="$tps" '{v[NR] = $1; s += $1} END {printf "%s %.1f %.1f %.1f\n", tps, s / NR, v[int(NR * 0.5 + 0.5)], v[int(NR * 0.99 + 0.5)]}'
}
wrk_ms() { awk -v v="$1" 'BEGIN { if (v ~ /ms$/) {sub(/ms/, "", v)} else if (v ~ /us$/) {sub(/us/, "", v); v /= 1000} else {sub(/s/, "", v); v *= 1000}; printf "%.1f", v }'; }
declare -A timed
for z in $zooms; do
  read -r x0 x1 y0 y1 < <(window "$z")
  for q in service plain; do
    { printf '\\set z %s\n\\set x random(%s, %s)\n\\set y random(%s, %s)\n' "$z" "$x0" "$x1" "$y0" "$y1"
      "${q}_tile_sql" :z :x :y; echo ";"; } > "$out/tile-$q-z$z.sql"
    timed[$q-$z]=$(pgbench_tiles "$q-z$z")
  done
  cat > "$out/tile-random-z$z.lua" <<EOF
math.randomseed(20220627)
request = function()
  return wrk.format("GET", string.format("/collections/parcels/tiles/WebMercatorQuad/$z/%d/%d",
    math.random($y0, $y1), math.random($x0, $x1)))
end
EOF
done

start_server "$url" "$out/postgis-pg.log" --tile-cache-mb 0
for z in $zooms; do
  read -r x0 x1 y0 y1 < <(window "$z")
  wrk -t2 -c8 -d5s --timeout 30s -s "$out/tile-random-z$z.lua" "http://127.0.0.1:$port" > /dev/null   # warm the JIT
  svc=$(wrk -t2 -c8 -d20s --timeout 30s --latency -s "$out/tile-random-z$z.lua" "http://127.0.0.1:$port")
  echo "$svc" > "$out/wrk-postgis-tiles-z$z.txt"
  svc_rps=$(awk '/Requests\/sec/ {print $2}' <<< "$svc")
  read -r sql_tps sql_mean sql_p50 sql_p99 <<< "${timed[service-$z]}"
  read -r plain_tps plain_mean plain_p50 plain_p99 <<< "${timed[plain-$z]}"
  echo
  echo "## Vector tiles, zoom $z, random tiles in columns $x0-$x1, rows $y0-$y1 (2 threads, 8 connections, 20 s)"
  printf "the service's SQL (pgbench):  %8.1f tiles/s   mean %7.1f ms   p50 %7.1f ms   p99 %7.1f ms\n" \
    "$sql_tps" "$sql_mean" "$sql_p50" "$sql_p99"
  printf "plain ST_AsMVT SQL (pgbench): %8.1f tiles/s   mean %7.1f ms   p50 %7.1f ms   p99 %7.1f ms\n" \
    "$plain_tps" "$plain_mean" "$plain_p50" "$plain_p99"
  printf "through the service (wrk):    %8.1f tiles/s   mean %7.1f ms   p50 %7.1f ms   p99 %7.1f ms\n" "$svc_rps" \
    "$(wrk_ms "$(awk '/Latency/ && !/Distribution/ {print $2; exit}' <<< "$svc")")" \
    "$(wrk_ms "$(awk '$1 == "50%" {print $2}' <<< "$svc")")" "$(wrk_ms "$(awk '$1 == "99%" {print $2}' <<< "$svc")")"
  grep -i "timeout\|Non-2xx" <<< "$svc" || true
  echo "service / its SQL: $(echo "$svc_rps $sql_tps" | awk '{printf "%.0f %%", 100 * $1 / $2}')," \
    "service / plain SQL: $(echo "$svc_rps $plain_tps" | awk '{printf "%.0f %%", 100 * $1 / $2}')," \
    "its SQL / plain SQL: $(echo "$sql_tps $plain_tps" | awk '{printf "%.0f %%", 100 * $1 / $2}')"

  # Tile sizes: one list of tiles of the same window (every tile when it has at most 400, else 400 drawn
  # once), each made by the service (bytes, features and vertices read from the tiles it serves) and by both
  # queries in psql (the same from SQL: count and ST_NPoints of the rows).
  awk -v n=400 -v z="$z" -v x0="$x0" -v x1="$x1" -v y0="$y0" -v y1="$y1" 'BEGIN { srand(20220627)
    if ((x1 - x0 + 1) * (y1 - y0 + 1) <= n) { for (x = x0; x <= x1; x++) for (y = y0; y <= y1; y++) print z, x, y }
    else for (i = 0; i < n; i++) print z, x0 + int(rand() * (x1 - x0 + 1)), y0 + int(rand() * (y1 - y0 + 1)) }' > "$out/tiles-z$z.txt"
  python3 "$root/scripts/bench/mvt-stats.py" "http://127.0.0.1:$port/collections/parcels/tiles/WebMercatorQuad" \
    "$out/tiles-z$z.txt" > "$out/tile-bytes-http-z$z.txt"
  values=$(awk '{printf "%s(%d, %d, %d)", (NR > 1 ? ", " : ""), $1, $2, $3}' "$out/tiles-z$z.txt")
  extra=", count(m.geom), coalesce(sum(ST_NPoints(m.geom)), 0)"
  "${psql[@]}" -A -t -F ' ' -c "SELECT length(s.t), s.n, s.v, length(p.t), p.n, p.v FROM (VALUES $values) l(z, x, y)
    CROSS JOIN LATERAL ($(service_tile_sql l.z l.x l.y "$extra")) s(t, n, v)
    CROSS JOIN LATERAL ($(plain_tile_sql l.z l.x l.y "$extra")) p(t, n, v)" > "$out/tile-bytes-sql-z$z.txt"
  echo "## Tile sizes, zoom $z, $(wc -l < "$out/tiles-z$z.txt") tiles of the window, the same for the three (tiles-z$z.txt)"
  paste -d ' ' "$out/tile-bytes-http-z$z.txt" "$out/tile-bytes-sql-z$z.txt" | awk '
    { h += $1; hn += $2; hv += $3; s += $4; sn += $5; sv += $6; p += $7; pn += $8; pv += $9
      e += ($1 == 0); d += ($1 != $4); over += ($4 > 500000)
      if ($1 > hm) hm = $1; if ($4 > sm) sm = $4; if ($7 > pm) pm = $7 }
    END { f = "%-31s mean %8.0f bytes   largest %8.0f   %6.0f features, %7.0f vertices a tile\n"
      printf f, "through the service:", h / NR, hm, hn / NR, hv / NR
      printf f, "the service'"'"'s SQL (first try):", s / NR, sm, sn / NR, sv / NR
      printf f, "plain ST_AsMVT SQL:", p / NR, pm, pn / NR, pv / NR
      printf "service / plain SQL: %.0f %% of the bytes, %.0f %% of the features, %.0f %% of the vertices;", 100 * h / p, 100 * hn / pn, 100 * hv / pv
      printf " %d of %d tiles empty\n", e, NR
      printf "its SQL'"'"'s first try over the 500 kB budget: %d tiles; the service'"'"'s bytes differ from that try on %d\n", over, d }'
done

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
