#!/usr/bin/env bash
# What the benchmark scripts share: installing their tools, waiting for a server, sampling its memory.

# need_packages command:package ... — installs the Debian packages of the commands that are missing.
need_packages() {
  local missing=() pair
  for pair in "$@"; do command -v "${pair%%:*}" >/dev/null || missing+=("${pair#*:}"); done
  ((${#missing[@]})) || return 0
  local sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

# wait_for URL — until it answers 2xx (at most 5 minutes).
wait_for() {
  for _ in $(seq 1 600); do curl -sf -o /dev/null "$1" && return 0; sleep 0.5; done
  echo "no answer from $1" >&2
  return 1
}

# wait_for_estimates LOG COUNT — a first start estimates every parcel in the background: wait until that
# is done, so that nothing writes (and purges tiles) while the benchmark runs.
wait_for_estimates() {
  local log="$1" count="$2"
  grep -q "recomputing" "$log" || return 0
  until grep -q "($count of $count)" "$log"; do sleep 2; done
}

# sample_memory PID — every 200 ms: resident memory (KiB, from /proc) and used heap (KiB, from jstat).
sample_memory() {
  local pid="$1"
  while kill -0 "$pid" 2>/dev/null; do
    local rss heap
    rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    heap=$(jstat -gc "$pid" 2>/dev/null | awk 'NR==2 {print $3+$4+$6+$8}')
    echo "${rss:-0} ${heap:-0}"
    sleep 0.2
  done
}
