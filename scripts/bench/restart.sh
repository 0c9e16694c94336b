#!/usr/bin/env bash
# Restart to first answer: from `java -jar ... serve` on an existing demo store to the first 200 of
# /collections, five times each, without and with the class-data archive that scripts/run.sh keeps.
#
#   scripts/bench/restart.sh
#
# Uses the demo store of the mix benchmark (scripts/bench/out/mix-demo.gpkg; made there when missing).
set -euo pipefail

root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/scripts/bench/out"
store="$out/mix-demo.gpkg"
port="${BENCH_PORT:-18086}"
mkdir -p "$out"
source "$root/scripts/bench/common.sh"
jar="$("$root/scripts/build.sh")"
[[ -f "$store" ]] || { echo "restart.sh: run scripts/bench/mix.sh once first (it makes $store)" >&2; exit 2; }
archive="$out/restart.jsa"

# first_answer [JVM options] — seconds from start to the first 200 of /collections; stops the server.
first_answer() {
  local start end pid
  start=$(date +%s.%N)
  java "$@" -jar "$jar" serve --store "$store" --port "$port" --host 127.0.0.1 > "$out/restart-server.log" 2>&1 &
  pid=$!
  until curl -sf -o /dev/null "http://127.0.0.1:$port/collections"; do sleep 0.02; done
  end=$(date +%s.%N)
  kill "$pid"; wait "$pid" 2>/dev/null || true
  echo "$start $end" | awk '{printf "%.2f", $2 - $1}'
}

median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

times=""
for _ in 1 2 3 4 5; do times="$times $(first_answer)"; done
echo "without the archive:  $times  -> median $(echo "$times" | median) s"

rm -f "$archive"
first_answer -XX:ArchiveClassesAtExit="$archive" > /dev/null
times=""
for _ in 1 2 3 4 5; do times="$times $(first_answer -XX:SharedArchiveFile="$archive")"; done
echo "with the archive:     $times  -> median $(echo "$times" | median) s"
