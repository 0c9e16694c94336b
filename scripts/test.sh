#!/usr/bin/env bash
# Installs what the tests need where it is missing (Debian packages with apt, Maven dependencies)
# and runs every test: scripts/test.sh [extra Maven arguments]
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"

missing=()
command -v java >/dev/null || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null || missing+=(maven)
command -v ogrinfo >/dev/null || missing+=(gdal-bin)
if ((${#missing[@]})); then
  echo "test.sh: installing ${missing[*]}"
  sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

cd "$root"
mvn -B -ntp verify "$@"
