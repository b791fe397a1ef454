#!/usr/bin/env bash
# Starts SuperTickets distributed on this machine, without Docker:
#   the dev broker (3 in-memory Kafka-protocol brokers), a throw-away PostgreSQL cluster, migrations and reference
#   data, then every worker and the admin API as separate processes built once in Release.
# Safe to run again: what already runs is left alone. Stop everything with deploy/local/down.sh.
# Writes deploy/local/.env (KAFKA_BOOTSTRAP, POSTGRES_URL, DATABASE_CONNECTION, INBOX_DIR, OUTBOX_DIR, ADMIN_URL);
# logs go to deploy/local/logs/.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
run="$here/run"
logs="$here/logs"
pids="$run/pids"
pgdir="$run/postgres"
inbox="${INBOX_DIR:-$run/inbox}"
outbox="${OUTBOX_DIR:-$run/outbox}"
port_base="${SUPERTICKETS_PORT_BASE:-5080}"
configuration=Release
workers=(Ingest.Worker Triage.Worker Resolve.Worker Sla.Worker Admin.Api)

say() { printf '==> %s\n' "$*"; }
fail() { printf 'up.sh: %s\n' "$*" >&2; exit 1; }
alive() { [ -f "$pids/$1.pid" ] && kill -0 "$(cat "$pids/$1.pid")" 2>/dev/null; }
port_of() {
  case "$1" in
    Admin.Api) echo "$port_base" ;;
    Ingest.Worker) echo $((port_base + 1)) ;;
    Triage.Worker) echo $((port_base + 2)) ;;
    Resolve.Worker) echo $((port_base + 3)) ;;
    Sla.Worker) echo $((port_base + 4)) ;;
  esac
}
as_postgres() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# --- prerequisites -------------------------------------------------------------------------------------------------
command -v dotnet >/dev/null || fail "the .NET 10 SDK (dotnet) is required."
command -v curl >/dev/null || fail "curl is required (apt-get install -y curl)."
ldconfig -p | grep -q 'librdkafka\.so\.1' || fail "librdkafka is missing: run 'bash deploy/install-system-packages.sh'."
pgbin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
[ -x "$pgbin/pg_ctl" ] || fail "PostgreSQL server binaries not found under /usr/lib/postgresql: run 'bash deploy/install-system-packages.sh'."
mkdir -p "$run" "$logs" "$pids" "$inbox" "$outbox"

# --- build once -------------------------------------------------------------------------------------------------------
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  say "Building the CLI, the workers and the admin API ($configuration); output in $logs/build.log"
  : > "$logs/build.log"
  for project in src/SuperTickets.Cli "${workers[@]/#/src/}"; do
    dotnet build "$root/$project" -c "$configuration" --nologo -v q >> "$logs/build.log" 2>&1 \
      || fail "building $project failed; see $logs/build.log"
  done
fi
cli="$root/src/SuperTickets.Cli/bin/$configuration/net10.0/supertickets.dll"
[ -f "$cli" ] || fail "$cli is missing; run without SKIP_BUILD=1."

# --- dev broker --------------------------------------------------------------------------------------------------------
if alive dev-broker && [ -s "$run/dev-broker.txt" ]; then
  say "Dev broker already running (pid $(cat "$pids/dev-broker.pid"))"
else
  for worker in "${workers[@]}"; do
    if alive "$worker"; then
      say "Stopping $worker: it points at a dev broker that is gone"
      kill "$(cat "$pids/$worker.pid")" 2>/dev/null || true
    fi
  done
  rm -f "$run/dev-broker.txt"
  say "Starting the dev broker (3 in-memory Kafka-protocol brokers; a TEST broker, data is lost when it stops)"
  nohup setsid dotnet "$cli" dev-broker --file "$run/dev-broker.txt" --brokers 3 > "$logs/dev-broker.log" 2>&1 &
  echo $! > "$pids/dev-broker.pid"
  for _ in $(seq 1 120); do
    [ -s "$run/dev-broker.txt" ] && break
    alive dev-broker || { tail -n 20 "$logs/dev-broker.log" >&2; fail "the dev broker exited; see $logs/dev-broker.log"; }
    sleep 0.5
  done
  [ -s "$run/dev-broker.txt" ] || fail "the dev broker did not report its addresses within 60 s"
fi
kafka_bootstrap="$(head -n 1 "$run/dev-broker.txt")"

# --- PostgreSQL --------------------------------------------------------------------------------------------------------
if [ ! -f "$pgdir/data/PG_VERSION" ]; then
  say "Creating a throw-away PostgreSQL cluster in $pgdir"
  rm -rf "$pgdir"
  mkdir -p "$pgdir"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$pgdir"
  as_postgres "$pgbin/initdb" -D "$pgdir/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 > "$logs/initdb.log" 2>&1 \
    || fail "initdb failed; see $logs/initdb.log"
  pg_port=55432
  until port_free "$pg_port"; do pg_port=$((pg_port + 1)); done
  echo "$pg_port" > "$run/postgres.port"
fi
pg_port="$(cat "$run/postgres.port")"
if as_postgres "$pgbin/pg_ctl" -D "$pgdir/data" status > /dev/null 2>&1; then
  say "PostgreSQL already running on port $pg_port"
else
  port_free "$pg_port" || fail "port $pg_port (PostgreSQL) is taken by another program; stop it or remove $run to start over"
  say "Starting PostgreSQL on 127.0.0.1:$pg_port"
  touch "$logs/postgres.log"
  [ "$(id -u)" -eq 0 ] && chown postgres:postgres "$logs/postgres.log"
  as_postgres "$pgbin/pg_ctl" -D "$pgdir/data" -l "$logs/postgres.log" -w -t 60 \
    -o "-p $pg_port -k $pgdir -c listen_addresses=127.0.0.1 -c max_connections=200" start > /dev/null \
    || fail "PostgreSQL did not start; see $logs/postgres.log"
fi
psql_admin=(psql -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA)
if [ "$("${psql_admin[@]}" -c "SELECT 1 FROM pg_database WHERE datname = 'supertickets'")" != 1 ]; then
  "${psql_admin[@]}" -c "CREATE DATABASE supertickets" > /dev/null
fi
postgres_url="postgresql://postgres@127.0.0.1:$pg_port/supertickets"
connection="Host=127.0.0.1;Port=$pg_port;Username=postgres;Database=supertickets"

say "Applying migrations and loading reference data (samples/kb, SLA policies, agents)"
dotnet "$cli" migrate --provider postgres --connection "$connection" >> "$logs/migrate.log" 2>&1 \
  || fail "migrations failed; see $logs/migrate.log"
dotnet "$cli" seed --provider postgres --connection "$connection" --samples "$root/samples" >> "$logs/migrate.log" 2>&1 \
  || fail "seeding failed; see $logs/migrate.log"

# --- workers and the admin API ----------------------------------------------------------------------------------------
for worker in "${workers[@]}"; do
  if alive "$worker"; then
    say "$worker already running (pid $(cat "$pids/$worker.pid"))"
    continue
  fi
  port="$(port_of "$worker")"
  port_free "$port" || fail "port $port ($worker) is taken by another program; set SUPERTICKETS_PORT_BASE to move every port"
  say "Starting $worker on http://127.0.0.1:$port"
  (
    cd "$root/src/$worker/bin/$configuration/net10.0"
    export Database__Provider=Postgres Database__ConnectionString="$connection"
    export Kafka__BootstrapServers="$kafka_bootstrap"
    export Mail__SupportAddress=support@nimbus.example Mail__SupportName="Nimbus Support" Mail__MessageIdDomain=support.nimbus.example
    export Mail__OutboxDirectory="$outbox"
    export Ingest__DropFolders__0__Id=inbox Ingest__DropFolders__0__Path="$inbox"
    export Ingest__DropFolders__0__Address=support@nimbus.example Ingest__DropFolders__0__Consume=true
    export Urls="http://127.0.0.1:$port"
    # The dev broker holds every fetch for fetch.wait.max.ms (500 ms by default) even when records wait; a real
    # broker answers at once. The name has dots, so env passes it.
    exec nohup setsid env "Kafka__Settings__fetch.wait.max.ms=100" dotnet "$worker.dll" > "$logs/$worker.log" 2>&1
  ) &
  echo $! > "$pids/$worker.pid"
done

say "Waiting for every process to report healthy"
for worker in "${workers[@]}"; do
  url="http://127.0.0.1:$(port_of "$worker")/health/ready"
  for attempt in $(seq 1 240); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && break
    if ! alive "$worker"; then
      tail -n 20 "$logs/$worker.log" >&2
      fail "$worker exited; see $logs/$worker.log"
    fi
    [ "$attempt" -eq 240 ] && fail "$worker was not healthy within 120 s; see $logs/$worker.log"
    sleep 0.5
  done
  printf '    %-15s healthy  %s\n' "$worker" "$url"
done

cat > "$here/.env" <<EOF
KAFKA_BOOTSTRAP=$kafka_bootstrap
POSTGRES_URL=$postgres_url
DATABASE_CONNECTION='$connection'
INBOX_DIR=$inbox
OUTBOX_DIR=$outbox
ADMIN_URL=http://127.0.0.1:$port_base
EOF

cat <<EOF

SuperTickets is running distributed. Settings written to $here/.env; load them with:
  set -a; source deploy/local/.env; set +a
Feed mail:      cp samples/inbox/*.eml "\$INBOX_DIR"/
Tail a topic:   kcat -b "\$KAFKA_BOOTSTRAP" -C -t supertickets.email.received.v1 -f '%k %s\n'
Query:          psql "\$POSTGRES_URL" -c 'SELECT id, status, category FROM tickets'
Replies:        ls "\$OUTBOX_DIR"
Dead letters:   dotnet $cli dlq list --provider postgres --connection "\$DATABASE_CONNECTION"
Logs:           $logs/
Stop:           bash deploy/local/down.sh
EOF
