#!/usr/bin/env bash
# Installs the web map's front-end libraries from npm (pinned in server/web/package-lock.json) and copies
# their distribution files into DEST, which the build packs into the jar: the map and the dashboard then
# load them from the service itself, never from a CDN.
#
#   scripts/web-assets.sh DEST
set -euo pipefail

web="$(cd "$(dirname "$0")/../server/web" && pwd)"
dest="${1:?usage: web-assets.sh DEST}"

command -v npm >/dev/null || { echo "web-assets.sh: npm is needed to build the web map (Debian: apt-get install npm)" >&2; exit 1; }
# npm ci writes node_modules/.package-lock.json; install again only when the lock file is newer.
if [[ ! -f "$web/node_modules/.package-lock.json" || "$web/package-lock.json" -nt "$web/node_modules/.package-lock.json" ]]; then
  (cd "$web" && npm ci --ignore-scripts --no-audit --no-fund --loglevel=error >&2)
fi

mkdir -p "$dest/maplibre-gl" "$dest/echarts"
cp "$web"/node_modules/maplibre-gl/dist/{maplibre-gl.js,maplibre-gl.css,LICENSE.txt} "$dest/maplibre-gl/"
cp "$web/node_modules/echarts/dist/echarts.min.js" "$dest/echarts/"
cp "$web/node_modules/echarts/LICENSE" "$dest/echarts/LICENSE.txt"
