#!/usr/bin/env bash
# OGC API Features throughput on the embedded GeoPackage store, with a baseline from the same run.
#
#   scripts/bench/features.sh [parcel count, default 100000]
#
# Measures, on a synthetic parcel layer of N features (made once by `generate-parcels`):
#   - the time to stream the whole layer in one GeoJSON response (limit=N) and its features/s, with every
#     property and with properties= naming two;
#   - items/s for limit=1000 pages, one client and two clients;
#   - peak heap of the server (jstat samples) while it runs with -Xmx256m;
#   - baseline: GDAL (C++) writing the same layer from the same GeoPackage file as GeoJSON.
set -euo pipefail

count="${1:-100000}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/scripts/bench/out"
store="$out/parcels-$count.gpkg"
port="${BENCH_PORT:-18080}"
mkdir -p "$out"
source "$root/scripts/bench/common.sh"

jar="$("$root/scripts/build.sh")"
if [[ ! -f "$store" ]]; then
  java -jar "$jar" generate-parcels --count "$count" --store "$store"
fi

java -Xmx256m -jar "$jar" serve --store "$store" --port "$port" --host 127.0.0.1 --rate-limit 0 > "$out/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
wait_for "http://127.0.0.1:$port/health"
# A new store's parcels are estimated at the first start: measure after that, with nothing writing.
wait_for_estimates "$out/server.log" "$count"

# Peak heap: sample the used heap (survivor + eden + old, KB) every 100 ms while the benchmark runs.
( while kill -0 $server 2>/dev/null; do
    jstat -gc $server 2>/dev/null | awk 'NR==2 {print $3+$4+$6+$8}'
    sleep 0.1
  done ) > "$out/heap.txt" &
sampler=$!

url="http://127.0.0.1:$port/collections/parcels/items"
curl -s -o /dev/null "$url?limit=1000"   # warm up the JIT a little
for _ in 1 2 3; do curl -s -o /dev/null "$url?limit=$count"; done

echo "## Stream of the whole layer ($count features, one request)"
best=999
for i in 1 2 3 4 5; do
  t=$(curl -s -o /dev/null -w '%{time_total}' "$url?limit=$count")
  size=$(curl -s -o /dev/null -w '%{size_download}' "$url?limit=$count")
  echo "run $i: ${t}s, $((size / 1024 / 1024)) MiB"
  best=$(echo "$t $best" | awk '{print ($1 < $2) ? $1 : $2}')
done
echo "best: ${best}s = $(echo "$count $best" | awk '{printf "%.0f", $1 / $2}') features/s"

# The same stream with properties= (only the parcel code and its net sink): what a light map client asks for.
light="properties=code,sink_net_tco2e"
echo
echo "## Stream of the whole layer with $light"
best=999
for i in 1 2 3 4 5; do
  t=$(curl -s -o /dev/null -w '%{time_total}' "$url?limit=$count&$light")
  size=$(curl -s -o /dev/null -w '%{size_download}' "$url?limit=$count&$light")
  echo "run $i: ${t}s, $((size / 1024 / 1024)) MiB"
  best=$(echo "$t $best" | awk '{print ($1 < $2) ? $1 : $2}')
done
echo "best: ${best}s = $(echo "$count $best" | awk '{printf "%.0f", $1 / $2}') features/s"

pages=$((count / 1000))
echo
echo "## limit=1000 pages ($pages pages, one curl process per client, keep-alive)"
: > "$out/pages.curl"; : > "$out/pages.half.00"; : > "$out/pages.half.01"
for ((p = 0; p < pages; p++)); do
  line="$(printf 'url = "%s?limit=1000&offset=%d"\noutput = "/dev/null"' "$url" $((p * 1000)))"
  echo "$line" >> "$out/pages.curl"
  echo "$line" >> "$out/pages.half.0$((p % 2))"
done
start=$(date +%s.%N)
curl -s -K "$out/pages.curl"
end=$(date +%s.%N)
echo "one client:  $(echo "$count $start $end" | awk '{printf "%.0f items/s, %.1f ms/page", $1 / ($3 - $2), ($3 - $2) * 1000 * 1000 / $1}')"
start=$(date +%s.%N)
curl -s -K "$out/pages.half.00" &
second=$!
curl -s -K "$out/pages.half.01"
wait $second
end=$(date +%s.%N)
echo "two clients: $(echo "$count $start $end" | awk '{printf "%.0f items/s", $1 / ($3 - $2)}')"

kill $sampler 2>/dev/null || true
echo
echo "## Server heap (-Xmx256m)"
echo "peak used: $(sort -n "$out/heap.txt" | tail -1 | awk '{printf "%.0f MiB", $1 / 1024}')"

echo
echo "## Baseline: GDAL ogr2ogr GeoPackage -> GeoJSON, same file, same layer"
best=999
for i in 1 2 3; do
  s=$(date +%s.%N)
  ogr2ogr -f GeoJSON /vsistdout/ "$store" parcels > /dev/null
  e=$(date +%s.%N)
  t=$(echo "$s $e" | awk '{print $2 - $1}')
  echo "run $i: ${t}s"
  best=$(echo "$t $best" | awk '{print ($1 < $2) ? $1 : $2}')
done
echo "best: ${best}s = $(echo "$count $best" | awk '{printf "%.0f", $1 / $2}') features/s"
