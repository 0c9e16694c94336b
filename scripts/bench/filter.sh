#!/usr/bin/env bash
# A CQL2 spatial + attribute filter on a synthetic parcel layer, through the service and straight in SQL on
# the same engine, in the same run: the embedded GeoPackage store (baseline: GDAL ogr2ogr on the same file)
# and PostGIS (baseline: psql on the same database).
#
#   scripts/bench/filter.sh [parcel count, default 100000]
#
# The filter: landcover = '0301' AND S_INTERSECTS(geometry, BBOX(...)) over about a sixth of the zone. The
# service answers one GeoJSON page with every match (limit=count); the baselines produce the same
# features (ogr2ogr as GeoJSON, psql as one GeoJSON text per row) and, for PostGIS, the bare count.
# Each figure is the best of five runs (the service's of ten, after thirty to warm it up); the match counts of all sides are printed and must agree. Besides
# wall time, CPU time is given (the server process's, GDAL's, PostgreSQL's own execution time), which a
# busy machine disturbs less.
set -euo pipefail

count="${1:-100000}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/scripts/bench/out"
store="$out/parcels-$count.gpkg"
mkdir -p "$out"
jar="$("$root/scripts/build.sh")"

x1=120.60; y1=30.90; x2=120.90; y2=31.15
cql="landcover = '0301' AND S_INTERSECTS(geometry, BBOX($x1, $y1, $x2, $y2))"
query="filter=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$cql")&limit=$count"

best_of() { # best_of N command... : prints the best wall time in seconds
  local n="$1" best=999 s e t
  shift
  for _ in $(seq 1 "$n"); do
    s=$(date +%s.%N)
    "$@" > /dev/null
    e=$(date +%s.%N)
    t=$(echo "$s $e" | awk '{print $2 - $1}')
    best=$(echo "$t $best" | awk '{print ($1 < $2) ? $1 : $2}')
  done
  echo "$best"
}

server=""
stop_server() {
  if [[ -n "$server" ]]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  server=""
}
start_server() { # start_server STORE PORT
  java -Xmx256m -jar "$jar" serve --store "$1" --port "$2" --host 127.0.0.1 --no-demo > "$out/filter-server.log" 2>&1 &
  server=$!
  local up=""
  for _ in $(seq 1 240); do curl -sf "http://127.0.0.1:$2/health" >/dev/null && { up=1; break; }; sleep 0.5; done
  [[ -n "$up" ]] || { echo "the server did not start; see $out/filter-server.log" >&2; exit 1; }
  # A new store's parcels are estimated in the background at start (job 1): measure after it, not during.
  while curl -sf "http://127.0.0.1:$2/sinks/jobs/1" | grep -q '"state":"running"'; do sleep 2; done
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }   # user + system time of a process, 1/100 s

service() { # service PORT: times the filtered items request, prints matches, best time and CPU per request
  local url="http://127.0.0.1:$1/collections/parcels/items?$query"
  local matched
  matched=$(curl -s "$url" | python3 -c 'import json, sys; print(json.load(sys.stdin)["numberMatched"])')
  for _ in $(seq 1 30); do curl -s -o /dev/null "$url"; done   # warm up, until the JIT has compiled the path
  local t before after
  before=$(cpu_ticks "$server")
  t=$(best_of 10 curl -s -o /dev/null "$url")
  after=$(cpu_ticks "$server")
  echo "service: $matched matches, best ${t} s ($(echo "$matched $t" | awk '{printf "%.0f", $1 / $2}') features/s)," \
    "server CPU $(echo "$before $after" | awk '{printf "%.0f", ($2 - $1) * 10 / 10}') ms per request"
}

gdal_cpu() { # the least user + system time of five runs of a command, in ms
  local best=999999 c
  for _ in 1 2 3 4 5; do
    c=$( { /usr/bin/time -f "%U %S" "$@" > /dev/null; } 2>&1 | tail -1 | awk '{printf "%.0f", ($1 + $2) * 1000}')
    best=$(( c < best ? c : best ))
  done
  echo "$best"
}

pgdir="$(mktemp -d /tmp/sink-atlas-bench-pg.XXXXXX)"
chmod 755 "$pgdir"
cleanup() {
  stop_server
  "$root/scripts/postgis.sh" stop "$pgdir/cluster" 2>/dev/null || true
  rmdir "$pgdir" 2>/dev/null || true
}
trap cleanup EXIT

echo "filter: $cql"
echo
echo "## GeoPackage ($count parcels)"
[[ -f "$store" ]] || java -jar "$jar" generate-parcels --count "$count" --store "$store" | tail -1
port="${BENCH_PORT:-18090}"
start_server "$store" "$port"
service "$port"
stop_server
gdal_matches=$(ogrinfo -ro -so -where "landcover = '0301'" -spat $x1 $y1 $x2 $y2 "$store" parcels | awk -F': ' '/Feature Count/ {print $2}')
t=$(best_of 5 ogr2ogr -f GeoJSON /vsistdout/ "$store" parcels -where "landcover = '0301'" -spat $x1 $y1 $x2 $y2)
cpu=$(gdal_cpu ogr2ogr -f GeoJSON /vsistdout/ "$store" parcels -where "landcover = '0301'" -spat $x1 $y1 $x2 $y2)
echo "GDAL ogr2ogr -where -spat, same file, as GeoJSON: $gdal_matches matches, best ${t} s, CPU ${cpu} ms"

echo
echo "## PostGIS ($count parcels)"
pgport=56532
while (exec 3<>"/dev/tcp/127.0.0.1/$pgport") 2>/dev/null; do pgport=$((pgport + 1)); done
url="$("$root/scripts/postgis.sh" start "$pgdir/cluster" "$pgport" | tail -1)"
psql=(psql -X -q -A -t -h 127.0.0.1 -p "$pgport" -U sinkatlas sinkatlas)
java -jar "$jar" generate-parcels --count "$count" --store "$url" | tail -1
"${psql[@]}" -c "VACUUM ANALYZE sink_atlas.parcels"
start_server "$url" "$port"
service "$port"
stop_server
where="landcover = '0301' AND ST_Intersects(geom, ST_MakeEnvelope($x1, $y1, $x2, $y2, 4326))"
pg_matches=$("${psql[@]}" -c "SELECT count(*) FROM sink_atlas.parcels WHERE $where")
t=$(best_of 5 "${psql[@]}" -c "SELECT count(*) FROM sink_atlas.parcels WHERE $where")
echo "psql count(*): $pg_matches matches, best ${t} s"
rows="SELECT json_build_object('type', 'Feature', 'id', fid, 'geometry', ST_AsGeoJSON(geom)::json, 'properties',
  to_jsonb(p) - 'geom' - 'fid') FROM sink_atlas.parcels p WHERE $where ORDER BY fid"
t=$(best_of 5 "${psql[@]}" -c "$rows")
echo "psql rows as GeoJSON features: best ${t} s"
executed() { # executed SQL: the least execution time PostgreSQL reports for it over five runs, in ms
  for _ in 1 2 3 4 5; do
    "${psql[@]}" -c "EXPLAIN (ANALYZE, FORMAT JSON) $1" | python3 -c 'import json, sys; print(json.load(sys.stdin)[0]["Execution Time"])'
  done | sort -n | head -1
}
echo "PostgreSQL execution time: count(*) $(executed "SELECT count(*) FROM sink_atlas.parcels WHERE $where") ms," \
  "rows as GeoJSON $(executed "$rows") ms"
echo "plan: $("${psql[@]}" -c "EXPLAIN SELECT fid FROM sink_atlas.parcels WHERE $where" | grep -o 'Index[^(]*' | head -1)"
