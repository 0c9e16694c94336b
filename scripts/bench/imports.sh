#!/usr/bin/env bash
# File import and export on the embedded GeoPackage store: time and peak heap for a large file.
#
#   scripts/bench/imports.sh [parcel count, default 100000]
#
# Makes a synthetic parcel layer of N features once (`generate-parcels`), exports it to GeoJSON, GeoPackage,
# Shapefile zip and CSV (`export --layer`), then imports each file into a new store (`import --layer`) with
# the JVM held to -Xmx256m, sampling the used heap with jstat every 100 ms. The baseline is GDAL (C++)
# loading the same file into a new GeoPackage.
set -euo pipefail

count="${1:-100000}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/scripts/bench/out"
store="$out/parcels-$count.gpkg"
mkdir -p "$out"

jar="$("$root/scripts/build.sh")"
if [[ ! -f "$store" ]]; then
  java -jar "$jar" generate-parcels --count "$count" --store "$store"
fi

# Runs a java command with -Xmx256m and prints its wall time and peak used heap (MiB).
measure() {
  local start end pid
  start=$(date +%s.%N)
  java -Xmx256m -jar "$jar" "$@" > "$out/cmd.log" 2>&1 &
  pid=$!
  ( while kill -0 $pid 2>/dev/null; do
      jstat -gc $pid 2>/dev/null | awk 'NR==2 {print $3+$4+$6+$8}'
      sleep 0.1
    done ) > "$out/heap.txt" &
  local sampler=$!
  local status=0
  wait $pid || status=$?
  end=$(date +%s.%N)
  wait $sampler 2>/dev/null || true
  local peak
  peak=$(sort -n "$out/heap.txt" | tail -1)
  printf '%.1f s, peak heap %.0f MiB' "$(echo "$end - $start" | bc)" "$(echo "${peak:-0} / 1024" | bc -l)"
  if [[ $status -ne 0 ]]; then echo " (exit $status: $(tail -1 "$out/cmd.log"))"; else echo; fi
}

echo "| format | file size | export | import (-Xmx256m) | GDAL ogr2ogr into a GeoPackage |"
echo "| --- | --- | --- | --- | --- |"
for ext in geojson gpkg zip csv; do
  file="$out/parcels-$count.$ext"
  rm -f "$file"
  exported=$(measure export --store "$store" --layer parcels --to "$file")
  target="$out/import-$ext.gpkg"
  rm -f "$target" "$target"-wal "$target"-shm
  # A new store with a parcels layer of the same schema (and one parcel: the generator makes at least one).
  java -jar "$jar" generate-parcels --count 1 --store "$target" > /dev/null
  imported=$(measure import --store "$target" --layer parcels "$file")
  src="$file"; [[ $ext == zip ]] && src="/vsizip/$file"
  [[ $ext == csv ]] && src="CSV:$file"
  rm -f "$out/gdal-$ext.gpkg"
  gstart=$(date +%s.%N)
  ogr2ogr -f GPKG "$out/gdal-$ext.gpkg" "$src" -oo GEOM_POSSIBLE_NAMES=wkt -oo KEEP_GEOM_COLUMNS=NO 2>/dev/null \
    || ogr2ogr -f GPKG "$out/gdal-$ext.gpkg" "$src"
  gend=$(date +%s.%N)
  size=$(du -m "$file" | cut -f1)
  printf '| %s | %s MiB | %s | %s | %.1f s |\n' "$ext" "$size" "$exported" "$imported" "$(echo "$gend - $gstart" | bc)"
done
