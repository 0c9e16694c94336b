#!/usr/bin/env bash
# Vector tile throughput and latency of the service on the embedded GeoPackage store, uncached and cached,
# against the ceiling of the same tile bytes served as static files by nginx, measured in the same run.
#
#   scripts/bench/tiles.sh [parcel count, default 1000000]
#
# Uses a synthetic parcel layer of N features (made once by `generate-parcels`, shared with features.sh),
# 300 random tiles over the zone at each zoom 11-16 (parcels are tiled from zoom 11; seed fixed), and wrk
# from Debian (2 threads, 8 connections, 20 s per pass). Installs nginx-light and wrk where missing.
set -euo pipefail

count="${1:-1000000}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/scripts/bench/out"
store="$out/parcels-$count.gpkg"
port="${BENCH_PORT:-18081}"
nginx_port=$((port + 1))
mkdir -p "$out"
source "$root/scripts/bench/common.sh"
need_packages wrk:wrk nginx:nginx-light

jar="$("$root/scripts/build.sh")"
[[ -f "$store" ]] || java -jar "$jar" generate-parcels --count "$count" --store "$store"

# The tile list: 300 random tiles per zoom over the zone's parcels (120.36-121.25 E, 30.76-31.29 N).
tiles="$out/tiles-$count.txt"
awk -v seed=20220627 'function col(lon, z) { return int((lon + 180) / 360 * 2 ^ z) }
  function row(lat, z,   r) { r = lat * 3.141592653589793 / 180; return int((1 - log(sin(r) / cos(r) + 1 / cos(r)) / 3.141592653589793) / 2 * 2 ^ z) }
  BEGIN { srand(seed); for (z = 11; z <= 16; z++) { x0 = col(120.36, z); x1 = col(121.25, z); y0 = row(31.29, z); y1 = row(30.76, z)
      for (i = 0; i < 300; i++) printf "/collections/parcels/tiles/WebMercatorQuad/%d/%d/%d\n", z, y0 + int(rand() * (y1 - y0 + 1)), x0 + int(rand() * (x1 - x0 + 1)) } }' > "$tiles"
echo "tile list: $(wc -l < "$tiles") tiles, zooms 11-16"

cat > "$out/tiles.lua" <<EOF
local paths = {}
for line in io.lines("$tiles") do paths[#paths + 1] = line end
local threads = 0
-- Each thread starts at its own place in the list, so that two threads do not ask for the same tile at once.
function setup(thread) thread:set("offset", threads * 997); threads = threads + 1 end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i + (offset or 0)) % #paths + 1])
end
EOF

run_wrk() { # label url
  local label="$1" url="$2"
  local result
  result="$(wrk -t2 -c8 -d20s --latency -s "$out/tiles.lua" "$url")"
  echo "$result" > "$out/wrk-$label.txt"
  local rps p50 p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' <<< "$result")
  p50=$(awk '$1 == "50%" {print $2}' <<< "$result")
  p99=$(awk '$1 == "99%" {print $2}' <<< "$result")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<< "$result")
  printf "%-28s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n" "$label" "$rps" "$p50" "$p99" "${non2xx:-0}"
}

start_server() { # tile cache MiB
  java -Xmx1g -jar "$jar" serve --store "$store" --port "$port" --host 127.0.0.1 --rate-limit 0 \
    --tile-cache-mb "$1" > "$out/tiles-server.log" 2>&1 &
  server=$!
  wait_for "http://127.0.0.1:$port/health"
  wait_for_estimates "$out/tiles-server.log" "$count"
}
stop_server() { kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; }
trap 'stop_server; [[ -n "${nginx_pid:-}" ]] && kill "$nginx_pid" 2>/dev/null || true' EXIT

echo
echo "## The service, tile cache off: every tile is made (GeoPackage store, $count parcels)"
start_server 0
# Warm the JIT on the first half of the list, untimed.
head -n 900 "$tiles" | sed "s|^|url = \"http://127.0.0.1:$port|; s|$|\"\noutput = \"/dev/null\"|" > "$out/warm.curl"
curl -s -K "$out/warm.curl"
run_wrk "service, uncached" "http://127.0.0.1:$port"
stop_server

echo
echo "## The service, tile cache on (1 GiB), every tile of the list made once before"
start_server 1024
rm -rf "$out/static"
mkdir -p "$out/static"
while read -r p; do
  mkdir -p "$out/static$(dirname "$p")"
  curl -s -o "$out/static$p" "http://127.0.0.1:$port$p"
done < "$tiles"
sample_memory "$server" > "$out/tiles-memory.txt" &
sampler=$!
run_wrk "service, cached" "http://127.0.0.1:$port"
kill "$sampler" 2>/dev/null || true
echo "server peak resident memory: $(awk '{print $1}' "$out/tiles-memory.txt" | sort -n | tail -1 | awk '{printf "%.0f MiB", $1 / 1024}')," \
  "peak heap used: $(awk '{print $2}' "$out/tiles-memory.txt" | sort -n | tail -1 | awk '{printf "%.0f MiB", $1 / 1024}')"
stop_server

echo
echo "## Ceiling: nginx serving the same tile bytes as static files"
cat > "$out/nginx.conf" <<EOF
worker_processes 2;
pid $out/nginx.pid;
error_log $out/nginx-error.log;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  default_type application/vnd.mapbox-vector-tile;
  server { listen 127.0.0.1:$nginx_port; root $out/static; }
}
EOF
nginx -c "$out/nginx.conf" -g 'daemon off;' &
nginx_pid=$!
wait_for "http://127.0.0.1:$nginx_port$(head -n 1 "$tiles")"
run_wrk "nginx, static files" "http://127.0.0.1:$nginx_port"
kill "$nginx_pid"

echo
echo "## Tile sizes per zoom (the same tiles, as served)"
echo "zoom  tiles  empty  mean kB  largest kB"
for z in 11 12 13 14 15 16; do
  find "$out/static/collections/parcels/tiles/WebMercatorQuad/$z" -type f -printf '%s\n' \
    | awk -v z="$z" '{n++; s += $1; if ($1 == 0) e++; if ($1 > m) m = $1} END {printf "%4d %6d %6d %8.1f %11.1f\n", z, n, e, s / n / 1024, m / 1024}'
done
