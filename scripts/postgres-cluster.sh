#!/usr/bin/env bash
# A throwaway PostgreSQL 15 cluster for tests and benchmarks (never Debian's own `main` cluster).
#   scripts/postgres-cluster.sh start DIR   initdb in DIR/data, start on a free port, print its URL
#   scripts/postgres-cluster.sh stop DIR    stop it (DIR can then be removed)
# As root (CI), initdb and pg_ctl run as the `postgres` user, which owns DIR.
set -euo pipefail
bin=/usr/lib/postgresql/15/bin
command="${1:-}"
dir="${2:-}"
if [ -z "$command" ] || [ -z "$dir" ]; then
  echo "usage: $0 start|stop DIR" >&2
  exit 64
fi

as_owner() {
  if [ "$(id -u)" -eq 0 ]; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# Absolute, since the commands run as the postgres user from /.
case "$dir" in /*) ;; *) dir="$PWD/$dir" ;; esac

case "$command" in
  start)
    mkdir -p "$dir"
    chmod 755 "$dir"
    if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$dir"; fi
    as_owner "$bin/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 --no-sync \
      >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    for attempt in 1 2 3 4 5 6 7 8 9 10; do
      port=$((20000 + RANDOM % 40000))
      rm -f "$dir/log"
      if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -t 60 \
        -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=400 -c shared_buffers=256MB" \
        start >/dev/null 2>&1; then
        echo "postgres://postgres@127.0.0.1:$port/postgres"
        exit 0
      fi
      # A port another server took between our choice and the start: pick another.
      grep -q "already in use" "$dir/log" 2>/dev/null || { cat "$dir/log" >&2; exit 1; }
    done
    echo "no free port for PostgreSQL after 10 tries" >&2
    exit 1
    ;;
  stop)
    if [ -f "$dir/data/postmaster.pid" ]; then
      as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
    fi
    ;;
  *)
    echo "usage: $0 start|stop DIR" >&2
    exit 64
    ;;
esac
