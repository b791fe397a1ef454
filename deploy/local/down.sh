#!/usr/bin/env bash
# Stops what deploy/local/up.sh started (by its pid files): the admin API, the workers, the dev broker and
# PostgreSQL. Safe to run again. The database stays in deploy/local/run/ for the next up.sh; --purge removes it
# together with the inbox, the outbox and the logs.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
run="$here/run"
pids="$run/pids"
pgdir="$run/postgres"
purge=0
for argument in "$@"; do
  case "$argument" in
    --purge) purge=1 ;;
    *) echo "usage: down.sh [--purge]" >&2; exit 2 ;;
  esac
done

say() { printf '==> %s\n' "$*"; }

stop_process() {
  local name="$1" file="$pids/$1.pid" pid
  if [ ! -f "$file" ]; then
    return
  fi
  pid="$(cat "$file")"
  if kill -0 "$pid" 2>/dev/null; then
    say "Stopping $name (pid $pid)"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$pid" 2>/dev/null; then
      say "$name did not stop within 20 s; killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
  else
    say "$name was not running"
  fi
  rm -f "$file"
}

for name in Admin.Api Ingest.Worker Triage.Worker Resolve.Worker Sla.Worker dev-broker; do
  stop_process "$name"
done
rm -f "$run/dev-broker.txt"

if [ -f "$pgdir/data/PG_VERSION" ]; then
  pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
  if as_postgres "$pgbin/pg_ctl" -D "$pgdir/data" status > /dev/null 2>&1; then
    say "Stopping PostgreSQL"
    as_postgres "$pgbin/pg_ctl" -D "$pgdir/data" -m fast -w stop > /dev/null
  else
    say "PostgreSQL was not running"
  fi
fi

rm -f "$here/.env"
if [ "$purge" = 1 ]; then
  say "Removing $run and $here/logs"
  rm -rf "$run" "$here/logs"
fi
say "Everything up.sh started is stopped."
