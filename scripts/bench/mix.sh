#!/usr/bin/env bash
# The public mix: what the map's public asks on an open day, all at once, against the demo store.
#
#   scripts/bench/mix.sh [seconds, default 60] [connections, default 100]
#
# A third of the requests are map tiles (vector and PNG, zooms 9-15 over the zone); the rest are items
# pages, single features, parcels' sink estimates and reports, sink summaries, the targets and search,
# drawn at random from fixed lists (seed fixed). wrk from Debian, 2 threads. The server runs on the demo
# GeoPackage store (made once in scripts/bench/out/mix-demo.gpkg) with -Xmx1g and no rate limit (the
# public arrives from many addresses; here it is one). A Java Flight Recording of the run gives the
# profile: the methods where the samples fall, and the share of each route.
set -euo pipefail

seconds="${1:-60}"
connections="${2:-100}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/scripts/bench/out"
store="$out/mix-demo.gpkg"
port="${BENCH_PORT:-18085}"
url="http://127.0.0.1:$port"
mkdir -p "$out"
source "$root/scripts/bench/common.sh"
need_packages wrk:wrk
jar="$("$root/scripts/build.sh")"

start_server() { # extra JVM options
  java -Xmx1g "$@" -jar "$jar" serve --store "$store" --port "$port" --host 127.0.0.1 --rate-limit 0 \
    > "$out/mix-server.log" 2>&1 &
  server=$!
  wait_for "$url/health"
}
trap 'kill "${server:-}" 2>/dev/null || true' EXIT

# until_idle — waits until the server's background work after a start is done: the estimates of parcels
# that have none (a new store: all of them) and then the sum of the sink grid, which follows every start.
until_idle() {
  local log="$out/mix-server.log" last done_at grid_at
  while sleep 2; do
    last=$(grep -n "recompute:parcels" "$log" | tail -1 || true)
    if [[ -n "$last" ]]; then
      # Not done while the last progress line is not "(N of N)".
      sed 's/.*(\([0-9]*\) of \([0-9]*\)).*/\1 \2/' <<< "$last" | awk '$1 != $2 {exit 1}' || continue
    fi
    done_at=${last%%:*}
    grid_at=$(grep -n "cells summed" "$log" | tail -1 | cut -d: -f1 || true)
    [[ -n "$grid_at" && "$grid_at" -gt "${done_at:-0}" ]] && return 0
  done
}

if [[ ! -f "$store" ]]; then
  start_server
  until_idle
  kill "$server"; wait "$server" 2>/dev/null || true
fi

start_server -XX:StartFlightRecording=filename="$out/mix.jfr",settings=profile,dumponexit=true
until_idle
ids=$(curl -s "$url/collections/parcels/items?limit=2000&properties=" | grep -o '"id":[0-9]*' | cut -d: -f2 | tr '\n' ' ')
targets=$(curl -s "$url/targets" | grep -o '/targets/[a-z0-9-]*[?"]' | cut -d/ -f3 | tr -d '?"' | sort -u | tr '\n' ' ')
parcels=$(curl -s "$url/collections/parcels/items?limit=1" | grep -o '"numberMatched":[0-9]*' | cut -d: -f2)

# The request list: 3,000 paths in the proportions above, in random order.
awk -v seed=20221125 -v ids="$ids" -v targets="$targets" -v parcels="$parcels" '
  function col(lon, z) { return int((lon + 180) / 360 * 2 ^ z) }
  function row(lat, z,   r) { r = lat * 3.141592653589793 / 180; return int((1 - log(sin(r) / cos(r) + 1 / cos(r)) / 3.141592653589793) / 2 * 2 ^ z) }
  function pick(list, n) { return list[1 + int(rand() * n)] }
  BEGIN {
    srand(seed); ni = split(ids, id, " "); nt = split(targets, target, " ")
    split("district key-zone landcover", by, " "); split("淀山湖 青浦 太浦河 元荡 汾湖 公园 QP- WJ- JS-", q, " ")
    for (i = 0; i < 3000; i++) {
      k = rand()
      if (k < 0.33) {
        z = 9 + int(rand() * 7); x = col(120.36, z) + int(rand() * (col(121.25, z) - col(120.36, z) + 1))
        y = row(31.29, z) + int(rand() * (row(30.76, z) - row(31.29, z) + 1))
        print (rand() < 0.8 ? "/tiles/WebMercatorQuad/" : "/map/tiles/WebMercatorQuad/") z "/" y "/" x
      } else if (k < 0.53) print "/collections/parcels/items?limit=100&offset=" int(rand() * (parcels - 100))
      else if (k < 0.68) print "/collections/parcels/items/" pick(id, ni)
      else if (k < 0.78) print "/sinks/parcels/" pick(id, ni) (rand() < 0.3 ? "/report" : "")
      else if (k < 0.86) print "/sinks/summary?by=" pick(by, 3)
      else if (k < 0.93) print (rand() < 0.5 ? "/targets" : "/targets/" pick(target, nt))
      else print "/search?q=" pick(q, 9)
    } }' > "$out/mix-paths.txt"

cat > "$out/mix.lua" <<EOF
local paths = {}
for line in io.lines("$out/mix-paths.txt") do paths[#paths + 1] = line end
local threads = 0
function setup(thread) thread:set("offset", threads * 1499); threads = threads + 1 end
local i = 0
request = function()
  i = i + 1
  return wrk.format("GET", paths[(i + (offset or 0)) % #paths + 1])
end
EOF

echo "## The public mix: $seconds s, $connections connections, $(wc -l < "$out/mix-paths.txt") paths"
# A short pass first so that the JIT has compiled the hot paths, as it has on a server that has run a while.
wrk -t2 -c"$connections" -d10s -s "$out/mix.lua" "$url" > /dev/null
result="$(wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency -s "$out/mix.lua" "$url")"
echo "$result" > "$out/wrk-mix.txt"
# wrk counts answers of 400 and above as "Non-2xx or 3xx responses"; 204 and 304 are answers as meant.
echo "$result" | grep -E "Requests/sec|Non-2xx|Socket errors|  50%|  90%|  99%" || true
echo "answers by status (access log, warm-up pass included):"
grep "org.sinkatlas.access - GET" "$out/mix-server.log" | awk '{print $7}' | sort | uniq -c | sort -rn | awk '{printf "  %s: %s\n", $2, $1}'
echo "mean time in the server by kind of request (access log, ms):"
grep "org.sinkatlas.access - GET" "$out/mix-server.log" | awk '{p = $6; sub(/\?.*/, "", p); gsub(/[0-9]+/, "N", p); n[p]++; t[p] += $8}
  END {for (k in n) if (n[k] > 20) printf "  %8.1f ms  %6d  %s\n", t[k] / n[k], n[k], k}' | sort -rn

echo
echo "## Where the time goes (JFR execution samples of the run)"
kill "$server"; wait "$server" 2>/dev/null || true
server=""
jfr print --events jdk.ExecutionSample "$out/mix.jfr" > "$out/mix-samples.txt"
set +o pipefail   # head ends the pipes below early
total=$(grep -c "jdk.ExecutionSample" "$out/mix-samples.txt" || true)
echo "samples: $total; top frames (the method running when sampled):"
awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/line:.*/, ""); print}' "$out/mix-samples.txt" \
  | sort | uniq -c | sort -rn | head -15 | awk -v t="$total" '{n=$1; $1=""; printf "  %5.1f %% %s\n", 100 * n / t, $0}'
echo "samples by the service's own code (first org.sinkatlas frame of each stack):"
awk '/stackTrace = \[/ {s = 1; next} s && /org\.sinkatlas/ {sub(/^[ \t]+/, ""); sub(/\(.*/, ""); print; s = 0} /^\]/ {s = 0}' \
  "$out/mix-samples.txt" | sort | uniq -c | sort -rn | head -15 | awk -v t="$total" '{n=$1; $1=""; printf "  %5.1f %% %s\n", 100 * n / t, $0}'
