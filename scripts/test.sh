#!/usr/bin/env bash
# Installs what the tests need where it is missing (Debian packages with apt: JDK, Maven, GDAL, npm, Chromium,
# PostgreSQL + PostGIS; npm packages; Maven dependencies), starts a throw-away PostgreSQL + PostGIS for the
# run, and runs every test: scripts/test.sh [extra Maven arguments]
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"

missing=()
command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || missing+=(maven)
command -v ogrinfo >/dev/null || missing+=(gdal-bin)
command -v npm >/dev/null || missing+=(npm)
# The web map's browser test: Debian's Chromium, and a font with Chinese for its screenshot.
[[ -x /usr/bin/chromium ]] || missing+=(chromium fonts-wqy-microhei)
if ((${#missing[@]})); then
  echo "test.sh: installing ${missing[*]}"
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
"$root/scripts/postgis.sh" install
# playwright-core drives that Chromium (its own browser download is never used).
(cd "$root/server/src/test/browser" && npm ci --no-audit --no-fund --loglevel=error)

# A PostGIS cluster for this run only, on a free loopback port; both store engines are tested against it.
# Start at a random port so that two runs on one machine rarely race for the same one.
port=$((55432 + RANDOM % 2000))
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
pgdir="$(mktemp -d /tmp/sink-atlas-test-pg.XXXXXX)"
chmod 755 "$pgdir"
trap '"$root/scripts/postgis.sh" stop "$pgdir/cluster"; rmdir "$pgdir" 2>/dev/null || true' EXIT
export SINK_ATLAS_TEST_PG
SINK_ATLAS_TEST_PG="$(PG_FAST=1 "$root/scripts/postgis.sh" start "$pgdir/cluster" "$port" | tail -1)"
echo "test.sh: PostGIS for this run at $SINK_ATLAS_TEST_PG"

cd "$root"
mvn -B -ntp verify "$@"
