#!/usr/bin/env bash
# File import and export on the embedded GeoPackage store: time and peak heap for a large file.
#
#   scripts/bench/imports.sh [parcel count, default 100000]
#
# Makes a synthetic parcel layer of N features once (`generate-parcels`), exports it to GeoJSON, GeoPackage,
# Shapefile zip and CSV (`export --layer`), then imports each file into a new store (`import --layer`) with
# the JVM held to -Xmx128m (BENCH_HEAP), reading the live heap from the JVM's GC log, and once more as a dry
# run (every check, no store writes). The baseline is GDAL (C++) loading the same file into a new GeoPackage.
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

heap="${BENCH_HEAP:-128m}"

# Runs a java command with -Xmx$heap and prints its wall time and the largest heap left after a GC (what
# was live), from the JVM's own GC log: no sampling process competes for the two cores.
measure() {
  local start end status=0
  rm -f "$out/gc.log"
  start=$(date +%s.%N)
  java -Xmx"$heap" -Xlog:gc:file="$out/gc.log" -jar "$jar" "$@" > "$out/cmd.log" 2>&1 || status=$?
  end=$(date +%s.%N)
  local live
  live=$(grep -o -- '->[0-9]*M' "$out/gc.log" | tr -dc '0-9\n' | sort -n | tail -1)
  printf '%.1f s, live heap %s MiB' "$(echo "$end - $start" | bc)" "${live:-?}"
  if [[ $status -ne 0 ]]; then echo " (exit $status: $(tail -1 "$out/cmd.log"))"; else echo; fi
}

echo "| format | file size | export (-Xmx$heap) | import (-Xmx$heap) | import --dry-run | GDAL ogr2ogr into a GeoPackage |"
echo "| --- | --- | --- | --- | --- | --- |"
for ext in geojson gpkg zip csv; do
  file="$out/export-$count.$ext"
  rm -f "$file"
  exported=$(measure export --store "$store" --layer parcels --to "$file")
  target="$out/import-$ext.gpkg"
  rm -f "$target" "$target"-wal "$target"-shm
  # A new store with a parcels layer of the same schema (and one parcel: the generator makes at least one).
  java -jar "$jar" generate-parcels --count 1 --store "$target" > /dev/null
  imported=$(measure import --store "$target" --layer parcels "$file")
  checked=$(measure import --store "$target" --layer parcels "$file" --dry-run)
  src="$file"; [[ $ext == zip ]] && src="/vsizip/$file"
  [[ $ext == csv ]] && src="CSV:$file"
  rm -f "$out/gdal-$ext.gpkg"
  gstart=$(date +%s.%N)
  ogr2ogr -f GPKG "$out/gdal-$ext.gpkg" "$src" -oo GEOM_POSSIBLE_NAMES=wkt -oo KEEP_GEOM_COLUMNS=NO 2>/dev/null \
    || ogr2ogr -f GPKG "$out/gdal-$ext.gpkg" "$src"
  gend=$(date +%s.%N)
  size=$(du -m "$file" | cut -f1)
  printf '| %s | %s MiB | %s | %s | %s | %.1f s |\n' "$ext" "$size" "$exported" "$imported" "$checked" \
    "$(echo "$gend - $gstart" | bc)"
done
