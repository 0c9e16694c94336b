#!/usr/bin/env bash
# Starts Sink Atlas on the embedded GeoPackage store, with the zone's demo data on first start.
#
#   scripts/run.sh [--port N] [--store PATH.gpkg] [--base-url URL] [--no-demo]
#
# Port: --port, else $PORT, else 8080. Store: --store, else ./data/sink-atlas.gpkg (created when missing).
# Builds the server first (scripts/build.sh) when the jar is missing or older than the sources.
set -euo pipefail

command -v java >/dev/null || { echo "run.sh: Java 17 is needed (Debian: apt-get install openjdk-17-jdk-headless)" >&2; exit 1; }
jar="$("$(dirname "$0")/build.sh")"

exec java ${JAVA_OPTS:-} -jar "$jar" serve "$@"
