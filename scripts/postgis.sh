#!/usr/bin/env bash
# A throw-away PostgreSQL 15 + PostGIS 3 cluster on a loopback port, for tests and benchmarks.
#
#   scripts/postgis.sh install              install Debian's postgresql-15 and postgresql-15-postgis-3 where missing
#   scripts/postgis.sh start DIR [PORT]     create a cluster in DIR (must not exist) and start it; prints its URL
#   scripts/postgis.sh stop DIR             stop the cluster and delete DIR
#   scripts/postgis.sh pause DIR | resume DIR   stop / start the server, keeping its data (fault tests)
#
# The cluster trusts local connections, listens on 127.0.0.1 only, and has a database `sinkatlas` with
# PostGIS, owned by the role `sinkatlas`. PG_FAST=1 turns off fsync (fine for a cluster that is thrown
# away; leave it on for benchmarks). PostgreSQL refuses to run as root: as root, the server runs as the
# `postgres` system user that the Debian package creates.
set -euo pipefail

bin=/usr/lib/postgresql/15/bin
command="${1:-}"

as_server_user() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_packages() {
  if [[ -x $bin/postgres && -f /usr/share/postgresql/15/extension/postgis.control ]]; then return; fi
  echo "postgis.sh: installing postgresql-15 and postgresql-15-postgis-3" >&2
  local sudo=""
  [[ $(id -u) -ne 0 ]] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    postgresql-15 postgresql-15-postgis-3 >&2
}

start_server() {
  local dir="$1"
  if ! as_server_user "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start >/dev/null; then
    # The log is the only place that says why (a taken port, too little shared memory, ...).
    echo "postgis.sh: the server did not start; the end of $dir/server.log:" >&2
    tail -20 "$dir/server.log" >&2 2>/dev/null || true
    return 1
  fi
}

case "$command" in
  install)
    install_packages
    ;;
  start)
    dir="${2:?usage: postgis.sh start DIR [PORT]}"
    port="${3:-55432}"
    install_packages
    if [[ -e "$dir" ]]; then echo "postgis.sh: $dir exists; choose a new folder" >&2; exit 2; fi
    mkdir -p "$dir"
    if [[ $(id -u) -eq 0 ]]; then
      chown postgres: "$dir"
      runuser -u postgres -- test -w "$dir" || {
        echo "postgis.sh: the postgres user cannot reach $dir (a parent folder is closed to it); choose a folder under /tmp" >&2
        rm -rf "$dir"; exit 2; }
    fi
    as_server_user "$bin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    {
      echo "listen_addresses = '127.0.0.1'"
      echo "port = $port"
      echo "unix_socket_directories = '$dir'"
      echo "max_connections = 200"
      echo "shared_buffers = 512MB"
      echo "work_mem = 32MB"
      if [[ "${PG_FAST:-0}" == 1 ]]; then
        echo "fsync = off"
        echo "synchronous_commit = off"
        echo "full_page_writes = off"
      fi
    } | as_server_user tee -a "$dir/data/postgresql.conf" >/dev/null
    # A second try on the next free port with a small shared memory, for machines that refuse the first.
    if ! start_server "$dir"; then
      port=$((port + 1))
      while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
      printf "port = %s\nshared_buffers = 128MB\ndynamic_shared_memory_type = mmap\n" "$port" |
        as_server_user tee -a "$dir/data/postgresql.conf" >/dev/null
      echo "postgis.sh: trying again on port $port with 128MB of shared buffers" >&2
      start_server "$dir"
    fi
    psql="$bin/psql -X -q -h 127.0.0.1 -p $port -U postgres -v ON_ERROR_STOP=1"
    $psql -d postgres -c "CREATE ROLE sinkatlas LOGIN" -c "CREATE DATABASE sinkatlas OWNER sinkatlas"
    $psql -d sinkatlas -c "CREATE EXTENSION postgis"
    echo "postgresql://sinkatlas@127.0.0.1:$port/sinkatlas"
    ;;
  pause)
    dir="${2:?usage: postgis.sh pause DIR}"
    as_server_user "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    ;;
  resume)
    dir="${2:?usage: postgis.sh resume DIR}"
    start_server "$dir"
    ;;
  stop)
    dir="${2:?usage: postgis.sh stop DIR}"
    if [[ -d "$dir/data" ]]; then
      as_server_user "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
    ;;
  *)
    sed -n '2,14p' "$0" >&2
    exit 2
    ;;
esac
