#!/usr/bin/env bash
# Builds the server jar when it is missing or older than any source or pom; prints its path.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/server/target/sink-atlas.jar"

if [[ ! -f "$jar" ]] || [[ -n "$(find "$root/pom.xml" "$root"/*/pom.xml "$root"/*/src "$root"/server/web/package*.json -newer "$jar" -print -quit)" ]]; then
  command -v mvn >/dev/null || { echo "build.sh: Maven is needed to build (Debian: apt-get install maven)" >&2; exit 1; }
  command -v npm >/dev/null || { echo "build.sh: npm is needed to build the web map (Debian: apt-get install npm)" >&2; exit 1; }
  echo "Building Sink Atlas (the first build downloads its dependencies) ..." >&2
  (cd "$root" && mvn -q -B -ntp -DskipTests package) >&2
fi
echo "$jar"
