#!/usr/bin/env bash
# Sink estimates of 1,000,000 synthetic parcels: the calculator (JMH, one core and all cores, uncertainty
# included) against the same parcels summed in SQL by PostGIS, measured in the same run.
#
#   scripts/bench/sinks.sh [parcel count, default 1000000]
#
# Starts a throw-away PostGIS (scripts/postgis.sh), loads the parcels with `generate-parcels` (the same
# seed as the JMH benchmark), times three SQL computations (best of three runs each), then runs JMH.
set -euo pipefail

count="${1:-1000000}"
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/scripts/bench/out"
mkdir -p "$out"
jar="$("$root/scripts/build.sh")"

pgdir="$(mktemp -d /tmp/sink-atlas-bench-pg.XXXXXX)"
chmod 755 "$pgdir"
trap '"$root/scripts/postgis.sh" stop "$pgdir/cluster"; rmdir "$pgdir" 2>/dev/null || true' EXIT
port=56432
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
url="$("$root/scripts/postgis.sh" start "$pgdir/cluster" "$port" | tail -1)"
psql=(psql -X -q -h 127.0.0.1 -p "$port" -U sinkatlas sinkatlas)

echo "## Loading $count parcels into PostGIS"
start=$(date +%s.%N)
java -jar "$jar" generate-parcels --count "$count" --store "$url" | tail -1
echo "load: $(echo "$start $(date +%s.%N)" | awk '{printf "%.1f s", $2 - $1}')"
"${psql[@]}" -c "VACUUM ANALYZE sink_atlas.parcels"

# Per-hectare headline of each land-cover class under the current standard (yrd-ess 2027.1, 2026, AR5) for
# long-established land (tCO2e/ha/yr: removals, and methane with nitrous oxide as CO2e).
"${psql[@]}" -c "CREATE TABLE rates (code text PRIMARY KEY, removal float8, methane float8)"
"${psql[@]}" -c "INSERT INTO rates VALUES ('0101',0,8.3563),('0102',0,0),('0103',0,0),('0204',1.5919,0),('0301',4.3069,0),
  ('0404',0,0),('0601',0,0),('0701',0,0),('0702',0,0),('0810',3.8522,0),('1101',0,0),('1104',0,2.9538),('1107',0,0)"

time_sql() {
  local label="$1" sql="$2" best=999
  for _ in 1 2 3; do
    local s e t
    s=$(date +%s.%N)
    "${psql[@]}" -c "$sql" >/dev/null
    e=$(date +%s.%N)
    t=$(echo "$s $e" | awk '{print $2 - $1}')
    best=$(echo "$t $best" | awk '{print ($1 < $2) ? $1 : $2}')
  done
  echo "$label: best ${best} s = $(echo "$count $best" | awk '{printf "%.0f", $1 / $2}') parcels/s"
}

echo
echo "## PostGIS, same parcels (parallel workers allowed)"
time_sql "sum(ST_Area(ST_Transform(geom, 4549)))" "SELECT sum(ST_Area(ST_Transform(geom, 4549))) FROM sink_atlas.parcels"
time_sql "sum(ST_Area(geom::geography))" "SELECT sum(ST_Area(geom::geography)) FROM sink_atlas.parcels"
time_sql "area x central rate by class (no uncertainty)" "SELECT sum(ST_Area(ST_Transform(p.geom, 4549)) / 1e4 * (r.removal - r.methane)) FROM sink_atlas.parcels p JOIN rates r ON r.code = p.landcover"

echo
echo "## Calculator (JMH)"
# Install the modules so that the benchmark's class path resolves outside the reactor.
(cd "$root" && mvn -q -B -ntp install -DskipTests \
   && mvn -q -B -ntp -pl sink-models dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/cp.txt")
cp="$root/sink-models/target/test-classes:$root/sink-models/target/classes:$(cat "$out/cp.txt")"
java -cp "$cp" org.openjdk.jmh.Main SinkCalculatorBenchmark -p count="$count" -rf json -rff "$out/jmh-sinks.json" \
  | grep -E "^(Benchmark|SinkCalculatorBenchmark)"
